import { expect } from '../../kit/expect.ts';
import type { Check } from '../../kit/types.ts';
import { simulateTraffic, type CreateFunction } from '../support/execution-environments.ts';

type KeepWarm = typeof import('../solution/keep-warm.ts');
const FILE = 'keep-warm.ts';
const MINUTE = 60_000;

/** A function whose only job here is to be warm or cold. */
const echo: CreateFunction = (sdk) => {
  const client = sdk.createDatabaseClient();
  return (event) => client.getOrder(event.orderId);
};

export const keepWarmChecks: Check[] = [
  {
    id: 'keep-warm.ping-schedule',
    exercise: 5,
    title: {
      en: 'Pings every 5 minutes inside an idle gap, and none after it',
      ja: 'アイドル期間中に 5 分ごとに ping を送り、期間後には送らない',
    },
    hints: [
      {
        en: 'Start one interval after the gap begins and stop before the gap ends.',
        ja: '期間の開始から 1 間隔後に始め、期間の終わりより前で止めます。',
      },
    ],
    run(learner) {
      const pingTimes = expect.fn<KeepWarm['pingTimes']>(learner[FILE], 'pingTimes', FILE);
      expect.deepEqual(
        pingTimes(0, 20 * MINUTE),
        [5, 10, 15].map((minutes) => minutes * MINUTE),
        {
          en: 'pingTimes(0, 20 min)',
          ja: 'pingTimes(0, 20 分)',
        },
      );
      expect.deepEqual(pingTimes(0, 4 * MINUTE), [], {
        en: 'pingTimes(0, 4 min)',
        ja: 'pingTimes(0, 4 分)',
      });
      expect.deepEqual(
        pingTimes(MINUTE, 5 * MINUTE, MINUTE),
        [2, 3, 4].map((minutes) => minutes * MINUTE),
        {
          en: 'pingTimes(1 min, 5 min, every 1 min)',
          ja: 'pingTimes(1 分, 5 分, 1 分ごと)',
        },
      );
    },
  },
  {
    id: 'keep-warm.no-cold-start-after-gap',
    exercise: 5,
    title: {
      en: 'With the pings, the first request after a 2-hour gap finds a warm environment',
      ja: 'ping があれば、2 時間の空白のあとの最初のリクエストもウォームな実行環境で処理される',
    },
    hints: [
      {
        en: 'The model reclaims an environment after 10 idle minutes; a ping every 5 keeps it in use.',
        ja: 'このモデルでは 10 分アイドルが続くと実行環境が回収されます。5 分ごとの ping で使われ続けます。',
      },
    ],
    run(learner) {
      const pingTimes = expect.fn<KeepWarm['pingTimes']>(learner[FILE], 'pingTimes', FILE);
      const gapEnd = 120 * MINUTE;
      const withoutPings = simulateTraffic(echo, [0, gapEnd]);
      const withPings = simulateTraffic(echo, [0, ...pingTimes(0, gapEnd), gapEnd]);
      expect.equal(withoutPings.invocations.at(-1)?.coldStart, true, {
        en: 'cold start after the gap without pings',
        ja: 'ping なしで空白後にコールドスタートするか',
      });
      expect.equal(withPings.invocations.at(-1)?.coldStart, false, {
        en: 'cold start after the gap with your pings',
        ja: 'あなたの ping ありで空白後にコールドスタートするか',
      });
    },
  },
  {
    id: 'keep-warm.provisioned-beats-pings',
    exercise: 5,
    title: {
      en: 'Pings keep one environment warm, so a burst after the gap still cold-starts; Provisioned Concurrency does not',
      ja: 'ping でウォームに保てる実行環境は 1 つだけなので、空白後のバーストではコールドスタートが起きる。Provisioned Concurrency なら起きない',
    },
    hints: [
      {
        en: 'The arrivals are [0, ...pings, then the burst: `burst` copies of gapMs]; simulateTraffic returns one invocation per arrival, in order.',
        ja: '到着時刻は [0, ...ping, そしてバースト(gapMs を burst 個)] です。simulateTraffic は到着ごとに 1 件の invocation を順に返します。',
      },
      {
        en: 'Count `coldStart` only in the last `burst` invocations; for the second run pass `{ provisionedConcurrency: burst }` and leave the pings out.',
        ja: '`coldStart` を数えるのは最後の `burst` 件だけです。2 回目の実行では `{ provisionedConcurrency: burst }` を渡し、ping は入れません。',
      },
    ],
    run(learner) {
      const compareWarmUp = expect.fn<KeepWarm['compareWarmUp']>(
        learner[FILE],
        'compareWarmUp',
        FILE,
      );
      // 2 hours of pings every 5 minutes: 23 pings keep one environment warm; a burst of 5 needs 4 more.
      const cases: Array<[number, number, ReturnType<KeepWarm['compareWarmUp']>]> = [
        [120 * MINUTE, 5, { pings: 23, coldStartsWithPings: 4, coldStartsWithProvisioned: 0 }],
        [30 * MINUTE, 1, { pings: 5, coldStartsWithPings: 0, coldStartsWithProvisioned: 0 }],
        [3 * MINUTE, 3, { pings: 0, coldStartsWithPings: 2, coldStartsWithProvisioned: 0 }],
      ];
      for (const [gapMs, burst, expected] of cases) {
        const call = `compareWarmUp(echo, ${gapMs / MINUTE} min, ${burst})`;
        expect.deepEqual(compareWarmUp(echo, gapMs, burst), expected, {
          en: call,
          ja: call.replace(' min', ' 分'),
        });
      }
    },
  },
];
