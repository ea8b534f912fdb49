import { around, drawCases, expectCases } from '../../kit/cases.ts';
import { expect } from '../../kit/expect.ts';
import { randomInt } from '../../kit/seeded-random.ts';
import type { Case, Check, LearnerModules } from '../../kit/types.ts';
import { DEFAULT_REGIONAL_CONCURRENCY, MAX_PARALLELIZATION_FACTOR } from '../support/limits.ts';

type Concurrency = typeof import('../solution/concurrency.ts');
const FILE = 'concurrency.ts';
const learnerFn = <K extends keyof Concurrency>(learner: LearnerModules, name: K) =>
  expect.fn<Concurrency[K]>(learner[FILE], name, FILE);

/** Rate and duration whose product is exact in binary floating point (a quarter second). */
const QUARTER = 0.25;

export const concurrencyChecks: Check[] = [
  {
    id: 'concurrency.requests',
    exercise: 1,
    title: {
      en: 'Concurrency = requests per second × average duration, in whole environments',
      ja: '同時実行数 = 1 秒あたりのリクエスト数 × 平均処理時間(環境の数なので整数)',
    },
    hints: [
      {
        en: 'Multiply the arrival rate by how long each request keeps an environment busy.',
        ja: '到着率に、1 リクエストが環境を占有する時間を掛けます。',
      },
      {
        en: 'Half a busy environment is still one environment: round up, never down.',
        ja: '半分だけ使われている環境も 1 つと数えます。切り上げましょう。',
      },
    ],
    run(learner, { random }) {
      const concurrencyForRequests = learnerFn(learner, 'concurrencyForRequests');
      // The edge: a product that is a whole number needs exactly that many, a little more needs one more.
      const [below, on, above] = around(80);
      const generated = drawCases(
        random,
        4,
        (draw) => ({ rps: randomInt(draw, 1, 5_000), ms: randomInt(draw, 10, 3_000) }),
        // Only where ceil, round and floor all disagree: a fractional part from 0.1 to 0.49.
        ({ rps, ms }) => (rps * ms) % 1000 >= 100 && (rps * ms) % 1000 < 500,
      );
      const cases: Array<Case<[number, number], number>> = [
        { input: [100, 0.5], expected: 50, kind: 'example' },
        { input: [10, 0.25], expected: 3, kind: 'example', hint: 2 },
        { input: [1_000, 2], expected: 2_000, kind: 'example' },
        { input: [0, 3], expected: 0, kind: 'boundary' },
        { input: [0.5, 0.1], expected: 1, kind: 'boundary', hint: 2 },
        { input: [below, QUARTER], expected: 20, kind: 'boundary', hint: 2 },
        { input: [on, QUARTER], expected: 20, kind: 'boundary' },
        { input: [above, QUARTER], expected: 21, kind: 'boundary', hint: 2 },
        ...generated.map(({ rps, ms }): Case<[number, number], number> => ({
          input: [rps, ms / 1000],
          expected: Math.floor((rps * ms + 999) / 1000),
          kind: 'generated',
          hint: 2,
        })),
      ];
      return expectCases(cases, {
        call: ([rps, seconds]) => concurrencyForRequests(rps, seconds),
        what: ([rps, seconds]) => ({
          en: `concurrencyForRequests(${rps}, ${seconds})`,
          ja: `concurrencyForRequests(${rps}, ${seconds})`,
        }),
      });
    },
  },
  {
    id: 'concurrency.stream-shards',
    exercise: 1,
    title: {
      en: 'Stream sources: one concurrent batch per shard, times the parallelization factor',
      ja: 'ストリーム: シャードごとに 1 バッチ、それに並列化係数を掛ける',
    },
    hints: [
      {
        en: 'In 2017 a stream function ran exactly once per shard at a time.',
        ja: '2017 年当時、ストリームの関数はシャードごとに同時に 1 つだけ動きました。',
      },
      {
        en: 'ParallelizationFactor multiplies that, and only 1 to 10 is allowed.',
        ja: 'ParallelizationFactor がそれを何倍にするかを決めます。指定できるのは 1〜10 です。',
      },
    ],
    async run(learner, { random }) {
      const concurrencyForStream = learnerFn(learner, 'concurrencyForStream');
      const generated = drawCases(
        random,
        3,
        (draw) => [randomInt(draw, 2, 500), randomInt(draw, 2, 9)] as const,
      );
      const cases: Array<Case<[number, number | undefined], number>> = [
        { input: [4, undefined], expected: 4, kind: 'example', hint: 1 },
        { input: [4, 10], expected: 40, kind: 'example' },
        { input: [0, 3], expected: 0, kind: 'boundary' },
        // The factor's edges: 1 and 10 are allowed (0 and 11 must throw, below).
        { input: [7, 1], expected: 7, kind: 'boundary', hint: 2 },
        { input: [7, MAX_PARALLELIZATION_FACTOR], expected: 70, kind: 'boundary', hint: 2 },
        ...generated.map(([shards, factor]): Case<[number, number | undefined], number> => ({
          input: [shards, factor],
          expected: shards * factor,
          kind: 'generated',
        })),
        {
          input: [generated[0][0], undefined],
          expected: generated[0][0],
          kind: 'generated',
          hint: 1,
        },
      ];
      const call = ([shards, factor]: [number, number | undefined]) =>
        factor === undefined
          ? `concurrencyForStream(${shards})`
          : `concurrencyForStream(${shards}, ${factor})`;
      await expectCases(cases, {
        call: ([shards, factor]) =>
          factor === undefined
            ? concurrencyForStream(shards)
            : concurrencyForStream(shards, factor),
        what: (input) => ({ en: call(input), ja: call(input) }),
      });
      for (const factor of [0, MAX_PARALLELIZATION_FACTOR + 1, 2.5, -1]) {
        expect.throws(
          () => concurrencyForStream(4, factor),
          {
            en: `concurrencyForStream(4, ${factor}) must reject the factor`,
            ja: `concurrencyForStream(4, ${factor}) は係数を拒否する必要があります`,
          },
          /./,
          { hint: 2 },
        );
      }
    },
  },
  {
    id: 'concurrency.throttled',
    exercise: 1,
    title: {
      en: 'Tell when the regional concurrency quota throttles',
      ja: 'リージョンの同時実行数クォータでスロットリングされるかを判定する',
    },
    hints: [
      {
        en: 'Reaching the quota exactly is fine; one more is throttled.',
        ja: 'クォータちょうどまでは大丈夫。1 つでも超えるとスロットリングされます。',
      },
      {
        en: 'Compare with the limit you are given: a quota can be raised, so it is not always 1,000.',
        ja: '渡された limit と比べます。クォータは引き上げられるので、いつも 1,000 とは限りません。',
      },
    ],
    run(learner, { random }) {
      const isThrottled = learnerFn(learner, 'isThrottled');
      // A raised quota from the seed: its edge, like the default's, is exactly on it and one either side.
      const raised = randomInt(random, 11, 200) * 100 + randomInt(random, 1, 99);
      const edge = (
        limit: number,
        kind: 'example' | 'generated',
        hint?: number,
      ): Array<Case<[number, number], boolean>> =>
        around(limit).map((required) => ({
          input: [required, limit],
          expected: required > limit,
          kind,
          hint,
        }));
      const cases: Array<Case<[number, number], boolean>> = [
        ...edge(DEFAULT_REGIONAL_CONCURRENCY, 'example', 1),
        { input: [0, DEFAULT_REGIONAL_CONCURRENCY], expected: false, kind: 'boundary' },
        ...edge(raised, 'generated', 2),
        {
          input: [DEFAULT_REGIONAL_CONCURRENCY + 1, raised],
          expected: false,
          kind: 'generated',
          hint: 2,
        },
      ];
      return expectCases(cases, {
        call: ([required, limit]) => isThrottled(required, limit),
        what: ([required, limit]) => ({
          en: `isThrottled(${required}, ${limit})`,
          ja: `isThrottled(${required}, ${limit})`,
        }),
      });
    },
  },
];
