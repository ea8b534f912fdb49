import { expectCases } from '../../kit/cases.ts';
import { expect } from '../../kit/expect.ts';
import { randomInt } from '../../kit/seeded-random.ts';
import type { Case, Check } from '../../kit/types.ts';
import { simulateTraffic, type CreateFunction } from '../support/execution-environments.ts';

type KeepWarm = typeof import('../solution/keep-warm.ts');
const FILE = 'keep-warm.ts';
const MINUTE = 60_000;
const DEFAULT_EVERY = 5 * MINUTE;

/** The schedule the exercise asks for: one ping every `everyMs` after the gap starts, none at or after its end. */
function expectedPings(startMs: number, endMs: number, everyMs = DEFAULT_EVERY): number[] {
  const pings: number[] = [];
  for (let at = startMs + everyMs; at < endMs; at += everyMs) pings.push(at);
  return pings;
}
type PingInput = [number, number, number | undefined];
const minutes = (ms: number) => `${ms / MINUTE} min`;
const callOf = ([start, end, every]: PingInput) =>
  `pingTimes(${minutes(start)}, ${minutes(end)}${every === undefined ? '' : `, every ${minutes(every)}`})`;

/** A function whose only job here is to be warm or cold. */
const echo: CreateFunction = (sdk) => {
  const client = sdk.createDatabaseClient();
  return (event) => client.getOrder(event.orderId);
};

/**
 * A function that reads 2,000 orders per request: 10 s of work in the model, so a ping can still
 * be running when the burst arrives. With it, how many of the burst cold-start depends on the
 * function, which only running the traffic through the simulator can tell.
 */
const report: CreateFunction = (sdk) => {
  const client = sdk.createDatabaseClient();
  return (event) => {
    let order = client.getOrder(event.orderId);
    for (let read = 1; read < 2_000; read++) order = client.getOrder(event.orderId);
    return order;
  };
};
const functions = { echo, report };
type WarmUpInput = [gapMs: number, burst: number, fn: keyof typeof functions];

type Comparison = ReturnType<KeepWarm['compareWarmUp']>;

/** The comparison the exercise describes, run through the same simulator. */
function expectedComparison(gapMs: number, burst: number, fn: CreateFunction): Comparison {
  const pings = expectedPings(0, gapMs);
  const atGapEnd = Array.from({ length: burst }, () => gapMs);
  const coldAtEnd = (arrivals: number[], provisionedConcurrency = 0) =>
    simulateTraffic(fn, arrivals, { provisionedConcurrency })
      .invocations.slice(-burst)
      .filter((invocation) => invocation.coldStart).length;
  return {
    pings: pings.length,
    coldStartsWithPings: coldAtEnd([0, ...pings, ...atGapEnd]),
    coldStartsWithProvisioned: coldAtEnd([0, ...atGapEnd], burst),
  };
}

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
    run(learner, { random }) {
      const pingTimes = expect.fn<KeepWarm['pingTimes']>(learner[FILE], 'pingTimes', FILE);
      const start = randomInt(random, 1, 600) * MINUTE;
      const every = randomInt(random, 2, 9) * MINUTE;
      const count = randomInt(random, 3, 12);
      const inputs: Array<[PingInput, Case<PingInput, number[]>['kind']]> = [
        [[0, 20 * MINUTE, undefined], 'example'],
        [[0, 4 * MINUTE, undefined], 'example'],
        [[MINUTE, 5 * MINUTE, MINUTE], 'example'],
        // The edge: a gap that ends exactly on a ping time gets no ping there; a millisecond later it does.
        [[0, 20 * MINUTE - 1, undefined], 'boundary'],
        [[0, 20 * MINUTE + 1, undefined], 'boundary'],
        [[start, start + count * every, every], 'generated'],
        [[start, start + count * every + 1, every], 'generated'],
        [[start, start + randomInt(random, 31, 300) * MINUTE, undefined], 'generated'],
      ];
      return expectCases(
        inputs.map(([input, kind]) => ({
          input,
          kind,
          expected: expectedPings(...input),
          hint: 1,
        })),
        {
          call: ([startMs, endMs, everyMs]) =>
            everyMs === undefined ? pingTimes(startMs, endMs) : pingTimes(startMs, endMs, everyMs),
          what: (input) => ({
            en: callOf(input),
            ja: callOf(input).replaceAll(' min', ' 分').replace('every', ''),
          }),
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
    run(learner, { random }) {
      const pingTimes = expect.fn<KeepWarm['pingTimes']>(learner[FILE], 'pingTimes', FILE);
      for (const gapEnd of [
        120 * MINUTE,
        randomInt(random, 15, 600) * MINUTE + randomInt(random, 1, MINUTE - 1),
      ]) {
        const withoutPings = simulateTraffic(echo, [0, gapEnd]);
        const withPings = simulateTraffic(echo, [0, ...pingTimes(0, gapEnd), gapEnd]);
        expect.equal(withoutPings.invocations.at(-1)?.coldStart, true, {
          en: `cold start after a ${Math.floor(gapEnd / MINUTE)}-minute gap without pings`,
          ja: `ping なしで ${Math.floor(gapEnd / MINUTE)} 分の空白の後にコールドスタートするか`,
        });
        expect.equal(
          withPings.invocations.at(-1)?.coldStart,
          false,
          {
            en: `cold start after a ${Math.floor(gapEnd / MINUTE)}-minute gap with your pings`,
            ja: `あなたの ping ありで ${Math.floor(gapEnd / MINUTE)} 分の空白の後にコールドスタートするか`,
          },
          { hint: 1 },
        );
      }
    },
  },
  {
    id: 'keep-warm.provisioned-beats-pings',
    exercise: 5,
    title: {
      en: 'Pings keep one environment warm, so a burst after the gap still cold-starts; Provisioned Concurrency does not',
      ja: 'ping でウォームに保てる実行環境は 1 つだけなので、空白後のバーストではコールドスタートが起きる。プロビジョニングされた同時実行なら起きない',
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
    run(learner, { random }) {
      const compareWarmUp = expect.fn<KeepWarm['compareWarmUp']>(
        learner[FILE],
        'compareWarmUp',
        FILE,
      );
      // 2 hours of pings every 5 minutes: 23 pings keep one environment warm; a burst of 5 needs 4 more.
      const shown: WarmUpInput[] = [
        [120 * MINUTE, 5, 'echo'],
        [30 * MINUTE, 1, 'echo'],
        [3 * MINUTE, 3, 'echo'],
      ];
      const inputs: Array<[WarmUpInput, Case<WarmUpInput, Comparison>['kind']]> = [
        ...shown.map((input): [WarmUpInput, 'example'] => [input, 'example']),
        // The edge of the first ping: a gap of exactly one interval has none; a millisecond more has one.
        [[DEFAULT_EVERY, 2, 'echo'], 'boundary'],
        [[DEFAULT_EVERY + 1, 2, 'echo'], 'boundary'],
        [
          [
            randomInt(random, 20, 300) * MINUTE + randomInt(random, 1, MINUTE),
            randomInt(random, 2, 9),
            'echo',
          ],
          'generated',
        ],
        [[randomInt(random, 6, 9) * MINUTE, randomInt(random, 1, 4), 'echo'], 'generated'],
        // The burst comes while the last ping's 10 s of work is still running.
        [
          [
            randomInt(random, 2, 24) * DEFAULT_EVERY + randomInt(random, 1, 9_999),
            randomInt(random, 2, 9),
            'report',
          ],
          'generated',
        ],
      ];
      return expectCases(
        inputs.map(([input, kind]) => ({
          input,
          kind,
          expected: expectedComparison(input[0], input[1], functions[input[2]]),
          hint: 2,
        })),
        {
          call: ([gapMs, burst, fn]) => compareWarmUp(functions[fn], gapMs, burst),
          what: ([gapMs, burst, fn]) => ({
            en: `compareWarmUp(${fn}, ${gapMs / MINUTE} min, ${burst})`,
            ja: `compareWarmUp(${fn}, ${gapMs / MINUTE} 分, ${burst})`,
          }),
        },
      );
    },
  },
];
