import { expect } from '../../kit/expect.ts';
import type { Check, LearnerModules } from '../../kit/types.ts';
import { DEFAULT_REGIONAL_CONCURRENCY } from '../support/limits.ts';

type Concurrency = typeof import('../solution/concurrency.ts');
const FILE = 'concurrency.ts';
const learnerFn = <K extends keyof Concurrency>(learner: LearnerModules, name: K) =>
  expect.fn<Concurrency[K]>(learner[FILE], name, FILE);

export const concurrencyChecks: Check[] = [
  {
    id: 'concurrency.requests',
    exercise: 1,
    title: {
      en: 'Concurrency = requests per second × average duration, in whole environments',
      ja: '同時実行数 = 1 秒あたりのリクエスト数 × 平均処理時間(環境の数なので整数)',
    },
    hints: [
      { en: 'Multiply the arrival rate by how long each request keeps an environment busy.', ja: '到着率に、1 リクエストが環境を占有する時間を掛けます。' },
      { en: 'Half a busy environment is still one environment: round up, never down.', ja: '半分だけ使われている環境も 1 つと数えます。切り上げましょう。' },
    ],
    run(learner) {
      const concurrencyForRequests = learnerFn(learner, 'concurrencyForRequests');
      const cases: Array<[number, number, number]> = [
        [100, 0.5, 50],
        [10, 0.25, 3],
        [1_000, 2, 2_000],
        [0, 3, 0],
        [0.5, 0.1, 1],
      ];
      for (const [rps, seconds, expected] of cases) {
        expect.equal(concurrencyForRequests(rps, seconds), expected, {
          en: `concurrencyForRequests(${rps}, ${seconds})`,
          ja: `concurrencyForRequests(${rps}, ${seconds})`,
        });
      }
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
      { en: 'In 2017 a stream function ran exactly once per shard at a time.', ja: '2017 年当時、ストリームの関数はシャードごとに同時に 1 つだけ動きました。' },
      { en: 'ParallelizationFactor multiplies that, and only 1 to 10 is allowed.', ja: 'ParallelizationFactor がそれを何倍にするかを決めます。指定できるのは 1〜10 です。' },
    ],
    run(learner) {
      const concurrencyForStream = learnerFn(learner, 'concurrencyForStream');
      const cases: Array<[number, number | undefined, number]> = [
        [4, undefined, 4],
        [4, 1, 4],
        [4, 10, 40],
        [0, 3, 0],
      ];
      for (const [shards, factor, expected] of cases) {
        const call = factor === undefined ? `concurrencyForStream(${shards})` : `concurrencyForStream(${shards}, ${factor})`;
        expect.equal(factor === undefined ? concurrencyForStream(shards) : concurrencyForStream(shards, factor), expected, {
          en: call,
          ja: call,
        });
      }
      for (const factor of [0, 11, 2.5]) {
        expect.throws(() => concurrencyForStream(4, factor), {
          en: `concurrencyForStream(4, ${factor}) must reject the factor`,
          ja: `concurrencyForStream(4, ${factor}) は係数を拒否する必要があります`,
        }, /./);
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
    hints: [{ en: 'Reaching the quota exactly is fine; one more is throttled.', ja: 'クォータちょうどまでは大丈夫。1 つでも超えるとスロットリングされます。' }],
    run(learner) {
      const isThrottled = learnerFn(learner, 'isThrottled');
      const limit = DEFAULT_REGIONAL_CONCURRENCY;
      const cases: Array<[number, boolean]> = [
        [999, false],
        [1_000, false],
        [1_001, true],
        [0, false],
      ];
      for (const [required, expected] of cases) {
        expect.equal(isThrottled(required, limit), expected, {
          en: `isThrottled(${required}, ${limit})`,
          ja: `isThrottled(${required}, ${limit})`,
        });
      }
    },
  },
];
