import { drawCases, expectCases } from '../../kit/cases.ts';
import { expect } from '../../kit/expect.ts';
import { randomInt } from '../../kit/seeded-random.ts';
import type { Case, Check, CheckContext, LearnerModules } from '../../kit/types.ts';
import { MAX_STREAM_BATCH_SIZE } from '../support/stream-limits.ts';

type BatchSize = typeof import('../solution/batch-size.ts');
type StreamLoad = Parameters<BatchSize['planBatchSize']>[0];
const FILE = 'batch-size.ts';
const planOf = (learner: LearnerModules) =>
  expect.fn<BatchSize['planBatchSize']>(learner[FILE], 'planBatchSize', FILE);

/** Records per second one shard processes with batches of `batch` (the model the exercise states). */
const capacity = (load: StreamLoad, batch: number) =>
  ((load.parallelizationFactor ?? 1) * batch * 1000) / (load.overheadMs + batch * load.perRecordMs);
const keepsUp = (load: StreamLoad, batch: number) =>
  capacity(load, batch) >= load.recordsPerSecond / load.shards;
const describe = (load: StreamLoad) => JSON.stringify(load);
type Plan = ReturnType<BatchSize['planBatchSize']>;

/** The right plan, found the slow, sure way: every batch size from 1 up. */
function planFor(load: StreamLoad): Plan {
  for (let batch = 1; batch <= MAX_STREAM_BATCH_SIZE; batch++) {
    if (keepsUp(load, batch)) return { keepsUp: true, batchSize: batch };
  }
  return {
    keepsUp: false,
    shardsNeeded: Math.ceil(load.recordsPerSecond / capacity(load, MAX_STREAM_BATCH_SIZE)),
  };
}

/** A load drawn from the seed, far enough from every edge that float rounding cannot decide it. */
function drawLoad(random: () => number): StreamLoad {
  const factor = randomInt(random, 1, 4);
  return {
    shards: randomInt(random, 1, 20),
    recordsPerSecond: randomInt(random, 50, 40_000),
    overheadMs: randomInt(random, 20, 2_000),
    perRecordMs: randomInt(random, 1, 30) / 10,
    ...(factor > 1 ? { parallelizationFactor: factor } : {}),
  };
}
const clearOfEdges = (load: StreamLoad) => {
  const plan = planFor(load);
  const perShard = load.recordsPerSecond / load.shards;
  if (plan.keepsUp) {
    const { batchSize } = plan;
    return (
      batchSize > 1 &&
      capacity(load, batchSize) - perShard > 1e-6 &&
      perShard - capacity(load, batchSize - 1) > 1e-6
    );
  }
  // Where round, floor and ceil of the shards needed all differ.
  const fraction = (load.recordsPerSecond / capacity(load, MAX_STREAM_BATCH_SIZE)) % 1;
  return fraction > 0.1 && fraction < 0.5;
};

function generatedCases(
  random: CheckContext['random'],
  keeping: boolean,
): Array<Case<StreamLoad, Plan>> {
  return drawCases(
    random,
    3,
    drawLoad,
    (load) => planFor(load).keepsUp === keeping && clearOfEdges(load),
  ).map((load) => ({ input: load, expected: planFor(load), kind: 'generated', hint: 2 }));
}

/** The same call as the learner writes it, for a failure message. */
const callOf = (load: StreamLoad) => ({
  en: `planBatchSize(${describe(load)})`,
  ja: `planBatchSize(${describe(load)})`,
});

const keepingUp: StreamLoad[] = [
  { shards: 4, recordsPerSecond: 2_000, overheadMs: 200, perRecordMs: 1 },
  { shards: 1, recordsPerSecond: 10, overheadMs: 50, perRecordMs: 2 },
  { shards: 2, recordsPerSecond: 1_500, overheadMs: 300, perRecordMs: 1, parallelizationFactor: 3 },
  { shards: 10, recordsPerSecond: 0, overheadMs: 100, perRecordMs: 1 },
];

const fallingBehind: StreamLoad[] = [
  { shards: 2, recordsPerSecond: 5_000, overheadMs: 100, perRecordMs: 1 },
  { shards: 1, recordsPerSecond: 900, overheadMs: 2_000, perRecordMs: 1.2 },
];

export const batchSizeChecks: Check[] = [
  {
    id: 'batch-size.smallest-that-keeps-up',
    exercise: 4,
    title: {
      en: 'Chooses the smallest batch size that keeps up with the stream',
      ja: 'ストリームに追いつける最小のバッチサイズを選ぶ',
    },
    hints: [
      {
        en: 'With batches of b, one shard handles b records every overheadMs + b × perRecordMs milliseconds.',
        ja: 'バッチサイズ b のとき、1 シャードは overheadMs + b × perRecordMs ミリ秒ごとに b 件を処理します。',
      },
      {
        en: 'Compare that rate (times the parallelization factor) with recordsPerSecond / shards.',
        ja: 'その処理速度(並列化係数倍)を recordsPerSecond / shards と比べます。',
      },
      {
        en: 'Try b = 1, 2, 3… and return the first that is fast enough.',
        ja: 'b = 1, 2, 3… と試し、最初に間に合ったものを返します。',
      },
    ],
    run(learner, { random }) {
      const plan = planOf(learner);
      // The edge: with overhead 200 ms and 1 ms a record, a batch of 50 handles exactly 200 records a second.
      const edge = (recordsPerSecond: number): StreamLoad => ({
        shards: 1,
        recordsPerSecond,
        overheadMs: 200,
        perRecordMs: 1,
      });
      const cases: Array<Case<StreamLoad, Plan>> = [
        ...keepingUp.map((load): Case<StreamLoad, Plan> => ({
          input: load,
          expected: planFor(load),
          kind: 'example',
        })),
        { input: edge(199), expected: { keepsUp: true, batchSize: 50 }, kind: 'boundary', hint: 2 },
        { input: edge(200), expected: { keepsUp: true, batchSize: 50 }, kind: 'boundary', hint: 2 },
        { input: edge(201), expected: { keepsUp: true, batchSize: 51 }, kind: 'boundary', hint: 2 },
        ...generatedCases(random, true),
      ];
      return expectCases(cases, { call: plan, what: callOf });
    },
  },
  {
    id: 'batch-size.reports-falling-behind',
    exercise: 4,
    title: {
      en: 'Says when no batch size can keep up, and how many shards it would take',
      ja: 'どのバッチサイズでも追いつけないときはそう伝え、必要なシャード数を示す',
    },
    hints: [
      {
        en: 'Even the largest batch has a ceiling: 10,000 records every overheadMs + 10,000 × perRecordMs milliseconds, per concurrent batch.',
        ja: '最大のバッチでも上限があります。同時実行バッチ 1 つあたり、overheadMs + 10,000 × perRecordMs ミリ秒ごとに 10,000 件です。',
      },
      {
        en: 'Shards needed = total records per second ÷ what one shard handles at the largest batch, rounded up.',
        ja: '必要なシャード数 = 毎秒の総レコード数 ÷ 最大バッチでの 1 シャードあたりの処理数(切り上げ)です。',
      },
    ],
    run(learner, { random }) {
      const plan = planOf(learner);
      // The edge: with overhead 10 s and 1 ms a record, the largest batch handles exactly 500 records a second.
      const edge = (recordsPerSecond: number): StreamLoad => ({
        shards: 1,
        recordsPerSecond,
        overheadMs: 10_000,
        perRecordMs: 1,
      });
      const cases: Array<Case<StreamLoad, Plan>> = [
        ...fallingBehind.map((load): Case<StreamLoad, Plan> => ({
          input: load,
          expected: planFor(load),
          kind: 'example',
        })),
        {
          input: edge(500),
          expected: { keepsUp: true, batchSize: MAX_STREAM_BATCH_SIZE },
          kind: 'boundary',
          hint: 1,
        },
        {
          input: edge(501),
          expected: { keepsUp: false, shardsNeeded: 2 },
          kind: 'boundary',
          hint: 2,
        },
        {
          input: edge(1_000),
          expected: { keepsUp: false, shardsNeeded: 2 },
          kind: 'boundary',
          hint: 2,
        },
        {
          input: edge(1_001),
          expected: { keepsUp: false, shardsNeeded: 3 },
          kind: 'boundary',
          hint: 2,
        },
        ...generatedCases(random, false),
      ];
      return expectCases(cases, { call: plan, what: callOf });
    },
  },
];
