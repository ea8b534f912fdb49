import { expect } from '../../kit/expect.ts';
import type { Check, LearnerModules } from '../../kit/types.ts';
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
    run(learner) {
      const plan = planOf(learner);
      for (const load of keepingUp) {
        const result = plan(load);
        expect.equal(result.keepsUp, true, {
          en: `keepsUp for ${describe(load)}`,
          ja: `${describe(load)} の keepsUp`,
        });
        const batch = (result as { batchSize: number }).batchSize;
        expect.ok(
          Number.isInteger(batch) &&
            batch >= 1 &&
            batch <= MAX_STREAM_BATCH_SIZE &&
            keepsUp(load, batch) &&
            (batch === 1 || !keepsUp(load, batch - 1)),
          {
            en: `For ${describe(load)} the batch size must keep up, and one record fewer must not.`,
            ja: `${describe(load)} では、バッチサイズは追いつける値で、1 件少ないと追いつけない値である必要があります。`,
          },
          { actual: batch },
        );
      }
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
        en: 'Even the largest batch has a ceiling: 1000 / perRecordMs records a second per concurrent batch.',
        ja: '最大のバッチでも上限があります。同時実行バッチ 1 つあたり毎秒 1000 / perRecordMs 件です。',
      },
      {
        en: 'Shards needed = total records per second ÷ what one shard handles at the largest batch, rounded up.',
        ja: '必要なシャード数 = 毎秒の総レコード数 ÷ 最大バッチでの 1 シャードあたりの処理数(切り上げ)です。',
      },
    ],
    run(learner) {
      const plan = planOf(learner);
      for (const load of fallingBehind) {
        const expected = Math.ceil(load.recordsPerSecond / capacity(load, MAX_STREAM_BATCH_SIZE));
        expect.deepEqual(
          plan(load),
          { keepsUp: false, shardsNeeded: expected },
          { en: `planBatchSize(${describe(load)})`, ja: `planBatchSize(${describe(load)})` },
        );
      }
    },
  },
];
