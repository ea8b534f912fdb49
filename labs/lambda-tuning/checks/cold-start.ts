import { expect } from '../../kit/expect.ts';
import { randomInt } from '../../kit/seeded-random.ts';
import type { Check, LearnerModules } from '../../kit/types.ts';
import {
  MODEL_COSTS,
  MODEL_IDLE_RECLAIM_MS,
  MODEL_RUNTIME_START_MS,
  simulateTraffic,
  steadyArrivals,
  type CreateFunction,
} from '../support/execution-environments.ts';

const FILE = 'cold-start.ts';
const createFunctionOf = (learner: LearnerModules) =>
  expect.fn<CreateFunction>(learner[FILE], 'createFunction', FILE);

/**
 * Every request must still get the order it asked for, read from the database: an answer that
 * only echoes the id back costs nothing, and would make any start-up look cheap.
 */
function expectCorrectAnswers(report: ReturnType<typeof simulateTraffic>) {
  report.invocations.forEach((invocation, index) => {
    const result = invocation.result as { orderId?: string } | undefined;
    expect.equal(result?.orderId, `order-${index}`, {
      en: `the order returned for request ${index}`,
      ja: `リクエスト ${index} に返した注文`,
    });
    expect.ok(
      invocation.latencyMs >= MODEL_COSTS.getOrder,
      {
        en: `Request ${index} was answered without reading its order with getOrder.`,
        ja: `リクエスト ${index} に、getOrder で注文を読まずに応答しました。`,
      },
      {
        expected: expect.inWords({
          en: `at least ${MODEL_COSTS.getOrder} ms (one getOrder)`,
          ja: `${MODEL_COSTS.getOrder} ms 以上(getOrder 1 回分)`,
        }),
        actual: `${invocation.latencyMs} ms`,
      },
    );
  });
}

/** A cold start's latency in this model: runtime start, one client, one getOrder. */
const COLD_START_MS =
  MODEL_RUNTIME_START_MS + MODEL_COSTS.createDatabaseClient + MODEL_COSTS.getOrder;

/**
 * Seeded traffic: requests spaced from 100 ms (closer than a cold start lasts, so they overlap and
 * need several environments) to past the idle reclaim (so some find none warm).
 */
function mixedArrivals(random: () => number): number[] {
  // The edge first: 1 ms before the first environment is free needs a second one; exactly then reuses it.
  const arrivals = [0, COLD_START_MS - 1, COLD_START_MS];
  for (let count = arrivals.length; count < 40; count++) {
    const gap =
      random() < 0.2
        ? MODEL_IDLE_RECLAIM_MS + randomInt(random, 1, 60_000)
        : randomInt(random, 100, 2 * COLD_START_MS);
    arrivals.push(arrivals[count - 1] + gap);
  }
  return arrivals;
}

export const coldStartChecks: Check[] = [
  {
    id: 'cold-start.init-once',
    exercise: 2,
    title: {
      en: 'The database client is built once per execution environment, not once per request',
      ja: 'データベースクライアントはリクエストごとではなく、実行環境ごとに 1 回だけ作られる',
    },
    hints: [
      {
        en: 'Count how often createDatabaseClient runs: it should match the number of cold starts.',
        ja: 'createDatabaseClient が何回呼ばれるか数えてみましょう。コールドスタートの回数と同じになるはずです。',
      },
      {
        en: 'Code in the body of createFunction, outside the returned handler, runs once per environment.',
        ja: 'createFunction の本体(返すハンドラーの外)に書いたコードは、実行環境ごとに 1 回だけ動きます。',
      },
      {
        en: 'Move the createDatabaseClient() line above `return function handler`, and use that client inside.',
        ja: 'createDatabaseClient() の行を `return function handler` の上に移し、ハンドラーの中ではそのクライアントを使います。',
      },
    ],
    run(learner, { random }) {
      const steady = simulateTraffic(createFunctionOf(learner), steadyArrivals(300, 2_000));
      expectCorrectAnswers(steady);
      expect.equal(
        steady.clientsCreated,
        steady.environmentsCreated,
        {
          en: `clients built for 300 steady requests served by ${steady.environmentsCreated} environment(s)`,
          ja: `${steady.environmentsCreated} 個の実行環境で処理した 300 件の定常リクエストで作られたクライアント数`,
        },
        { hint: 1 },
      );
      const burst = simulateTraffic(createFunctionOf(learner), [0, 0, 0]);
      expect.ok(
        burst.clientsCreated >= burst.environmentsCreated,
        {
          en: `3 requests at once ran in ${burst.environmentsCreated} environments, but ${burst.clientsCreated} client(s) were built. Environments share no memory, yet here a client was shared: a variable at the top of ${FILE} is shared by every simulated environment. In this model the body of createFunction plays the part of module scope: keep the client there.`,
          ja: `同時に届いた 3 件のリクエストは ${burst.environmentsCreated} 個の実行環境で動きましたが、作られたクライアントは ${burst.clientsCreated} 個でした。実行環境どうしはメモリを共有しないのに、ここではクライアントが共有されています。${FILE} の先頭に置いた変数は、シミュレーター内のすべての実行環境で共有されてしまいます。このモデルでは createFunction の本体がモジュールスコープの役目を果たすので、クライアントはそこに置きましょう。`,
        },
        { expected: burst.environmentsCreated, actual: burst.clientsCreated, hint: 2 },
      );
      expect.equal(burst.clientsCreated, 3, {
        en: 'clients built when 3 requests arrive at once (3 environments)',
        ja: '3 件のリクエストが同時に届いたとき(実行環境 3 個)に作られたクライアント数',
      });
      const mixed = simulateTraffic(createFunctionOf(learner), mixedArrivals(random));
      expectCorrectAnswers(mixed);
      expect.ok(
        mixed.clientsCreated === mixed.environmentsCreated,
        {
          en: `Traffic drawn from the run’s seed (40 requests, some closer together than a cold start lasts, some after an idle gap) needed ${mixed.environmentsCreated} environments, but ${mixed.clientsCreated} client(s) were built: one per environment is right.`,
          ja: `実行のシードから作ったトラフィック(40 件。コールドスタートより短い間隔のものや、アイドル期間の後のものを含む)には ${mixed.environmentsCreated} 個の実行環境が必要でしたが、作られたクライアントは ${mixed.clientsCreated} 個でした。実行環境ごとに 1 個が正解です。`,
        },
        { actual: mixed.clientsCreated, hint: 2 },
      );
      const size = randomInt(random, 4, 9);
      const generatedBurst = simulateTraffic(
        createFunctionOf(learner),
        Array.from({ length: size }, () => 0),
      );
      expect.ok(
        generatedBurst.clientsCreated === size,
        {
          en: `${size} requests at once need ${size} environments, each with its own client; ${generatedBurst.clientsCreated} client(s) were built.`,
          ja: `同時に届いた ${size} 件のリクエストには ${size} 個の実行環境が必要で、それぞれに専用のクライアントが要りますが、作られたクライアントは ${generatedBurst.clientsCreated} 個でした。`,
        },
        { actual: generatedBurst.clientsCreated, hint: 2 },
      );
    },
  },
  {
    id: 'cold-start.steady-latency',
    exercise: 2,
    title: {
      en: 'Under steady traffic, only the first request pays for start-up; the rest answer in 10 ms or less',
      ja: '定常的なトラフィックでは起動コストを払うのは最初のリクエストだけで、残りは 10 ms 以内に応答する',
    },
    hints: [
      {
        en: `A warm request should only pay for getOrder (${MODEL_COSTS.getOrder} ms in this model).`,
        ja: `ウォームスタートのリクエストは getOrder の分(このモデルでは ${MODEL_COSTS.getOrder} ms)だけで済むはずです。`,
      },
      {
        en: 'Whatever the handler does on every request, every warm request pays for again.',
        ja: 'ハンドラーの中で毎回やっていることは、ウォームなリクエストでも毎回コストになります。',
      },
    ],
    run(learner, { random }) {
      const every = randomInt(random, COLD_START_MS + 1, MODEL_IDLE_RECLAIM_MS);
      for (const report of [
        simulateTraffic(createFunctionOf(learner), steadyArrivals(300, 2_000)),
        simulateTraffic(createFunctionOf(learner), steadyArrivals(50, every)),
      ]) {
        expectWarmAreFast(report);
      }
    },
  },
];

function expectWarmAreFast(report: ReturnType<typeof simulateTraffic>) {
  expectCorrectAnswers(report);
  const slowWarm = report.invocations.filter(
    (invocation) => !invocation.coldStart && invocation.latencyMs > 10,
  );
  const slowest = Math.max(0, ...slowWarm.map((invocation) => invocation.latencyMs));
  expect.ok(
    slowWarm.length === 0,
    {
      en: `${slowWarm.length} of ${report.invocations.length - report.environmentsCreated} warm requests took more than 10 ms.`,
      ja: `ウォームなリクエスト ${report.invocations.length - report.environmentsCreated} 件のうち ${slowWarm.length} 件が 10 ms を超えました。`,
    },
    {
      expected: expect.inWords({
        en: 'every warm request ≤ 10 ms',
        ja: 'ウォームなリクエストはすべて 10 ms 以下',
      }),
      actual: expect.inWords({
        en: `slowest warm request: ${slowest} ms`,
        ja: `最も遅いウォームなリクエスト: ${slowest} ms`,
      }),
      hint: 2,
    },
  );
}
