import { CheckFailure } from '../../kit/check-failure.ts';
import { expect } from '../../kit/expect.ts';
import { randomInt } from '../../kit/seeded-random.ts';
import type { Check, LearnerModules, Text } from '../../kit/types.ts';
import { BYTES_PER_TIB, FREE_BYTES_PER_MONTH, USD_PER_TIB } from '../support/bigquery-pricing.ts';
import type { ColumnarTable, Value } from '../support/columnar-table.ts';
import { columnsForRun, eventsForRun } from '../support/sample-events.ts';
import { isSqlError } from '../support/sql-error.ts';
import { whereInFile } from '../support/sql-position.ts';

type Pay = typeof import('../solution/pay-for-what-you-read.ts');
const FILE = 'pay-for-what-you-read.ts';
const learnerFn = <K extends keyof Pay>(learner: LearnerModules, name: K) =>
  expect.fn<Pay[K]>(learner[FILE], name, FILE);

/** The lab's budget per question, in bytes processed (a choice of this lab, not a BigQuery limit). */
const BUDGET_BYTES = 2 ** 20;
const MIB = 2 ** 20;
const mib = (bytes: number) => `${Number((bytes / MIB).toFixed(2))} MiB`;
const LATEST = 5;

/** The answers for one run's table, worked out from its raw rows (checks may loop; the learner's query should not need to). */
let answers:
  { seed: number; revenue: Record<string, number>; premium: number; latest: number[] } | undefined;
function expectedAnswers(seed: number) {
  if (answers?.seed === seed) return answers;
  const columns = columnsForRun(seed);
  const { event_id: ids, event_time: times, user_id: users, city, plan } = columns;
  const { amount_yen: amounts, is_refund: refunds } = columns;
  const revenue: Record<string, number> = {};
  const premiumUsers = new Set<Value>();
  const refundRows: number[] = [];
  for (let row = 0; row < ids.length; row++) {
    if (refunds[row]) refundRows.push(row);
    else
      revenue[city[row] as string] = (revenue[city[row] as string] ?? 0) + (amounts[row] as number);
    if (plan[row] === 'premium') premiumUsers.add(users[row]);
  }
  refundRows.sort((a, b) => (times[b] as number) - (times[a] as number));
  answers = {
    seed,
    revenue,
    premium: premiumUsers.size,
    latest: refundRows.slice(0, LATEST).map((row) => ids[row] as number),
  };
  return answers;
}

/** Runs one question against a fresh table, then holds its answer and the bytes its queries read to account. */
function withinBudget(
  ask: (learner: LearnerModules, events: ColumnarTable) => unknown,
  expected: (seed: number) => unknown,
  call: string,
): Check['run'] {
  return async (learner, { seed, sources }) => {
    const events = await eventsForRun(seed);
    let answer: unknown;
    try {
      answer = ask(learner, events);
    } catch (error) {
      if (!isSqlError(error)) throw error;
      const where = whereInFile(error, FILE, sources[FILE]);
      throw new CheckFailure({
        en: `${where}${error.text.en} (in the query ${call} ran)`,
        ja: `${where}${error.text.ja}(${call} が実行したクエリ)`,
      });
    }
    expect.deepEqual(
      answer,
      expected(seed),
      {
        en: `the answer of ${call} (this run’s table leaves out a few of the sample rows, chosen by the seed)`,
        ja: `${call} の答え(この実行のテーブルは、シードで選んだサンプル行をいくつか除いています)`,
      },
      { hint: 2 },
    );
    const jobs = events.jobs.filter((job) => !job.dryRun);
    expect.ok(jobs.length > 0, {
      en: `${call} must get its answer by querying events (events.query(sql)), not by hard-coding it.`,
      ja: `${call} は答えを書き込むのではなく、events をクエリ(events.query(sql))して求める必要があります。`,
    });
    const processed = jobs.reduce((total, job) => total + job.totalBytesProcessed, 0);
    const columns = [...new Set(jobs.flatMap((job) => job.columns))];
    const widest = columns.reduce((a, b) =>
      events.columnBytes(b) > events.columnBytes(a) ? b : a,
    );
    const star = jobs.some((job) => job.star);
    const limit = jobs.some((job) => job.limit);
    const why: Text = {
      en:
        `${call} processed ${mib(processed)}, over the ${mib(BUDGET_BYTES)} budget. BigQuery bills every column a query references, whole. ` +
        (star ? `SELECT * references all ${events.columnNames.length} columns. ` : '') +
        (limit ? 'LIMIT shortens the result, not the scan. ' : '') +
        `The ${widest} column alone is ${mib(events.columnBytes(widest))}. Reference only the columns the answer needs.`,
      ja:
        `${call} の処理量は ${mib(processed)} で、予算の ${mib(BUDGET_BYTES)} を超えました。BigQuery はクエリが参照した列をまるごと課金します。` +
        (star ? `SELECT * は全 ${events.columnNames.length} 列を参照します。` : '') +
        (limit ? 'LIMIT は結果を短くするだけで、スキャン量は減りません。' : '') +
        `${widest} 列だけで ${mib(events.columnBytes(widest))} あります。答えに必要な列だけを参照しましょう。`,
    };
    expect.ok(processed <= BUDGET_BYTES, why, {
      expected: `≤ ${mib(BUDGET_BYTES)}`,
      actual: `${mib(processed)}: ${columns.join(', ')}`,
      hint: 1,
    });
  };
}

const dryRunHint: Text = {
  en: 'events.dryRun(sql) returns totalBytesProcessed without running the query, like the BigQuery console’s “This query will process …”. Compare SELECT * with a short list of columns.',
  ja: 'events.dryRun(sql) はクエリを実行せずに totalBytesProcessed を返します(BigQuery コンソールが実行前に表示する見積もりと同じです)。SELECT * と、列を絞った場合を比べてみましょう。',
};

export const payForWhatYouReadChecks: Check[] = [
  {
    id: 'bytes.revenue-by-city',
    exercise: 1,
    title: {
      en: 'Revenue by city, processing at most 1 MiB',
      ja: '都市別の売上を、処理量 1 MiB 以内で求める',
    },
    hints: [
      dryRunHint,
      {
        en: 'A column used only in WHERE or GROUP BY is read (and billed) too; three narrow columns still fit the budget easily. Refunds stay out with WHERE NOT is_refund.',
        ja: 'WHERE や GROUP BY だけで使う列も読み取られ、課金されます。それでも細い列 3 つなら予算に十分収まります。返金は WHERE NOT is_refund で除きます。',
      },
    ],
    run: withinBudget(
      (learner, events) => learnerFn(learner, 'revenueByCity')(events),
      (seed) => expectedAnswers(seed).revenue,
      'revenueByCity(events)',
    ),
  },
  {
    id: 'bytes.premium-users',
    exercise: 1,
    title: {
      en: 'Premium users, processing at most 1 MiB',
      ja: 'プレミアムプランのユーザー数を、処理量 1 MiB 以内で求める',
    },
    hints: [
      dryRunHint,
      {
        en: "COUNT(DISTINCT user_id) counts different users inside the query; WHERE plan = 'premium' reads the plan column.",
        ja: "COUNT(DISTINCT user_id) を使えば、クエリの中で異なるユーザーを数えられます。WHERE plan = 'premium' は plan 列を読みます。",
      },
    ],
    run: withinBudget(
      (learner, events) => learnerFn(learner, 'premiumUsers')(events),
      (seed) => expectedAnswers(seed).premium,
      'premiumUsers(events)',
    ),
  },
  {
    id: 'bytes.latest-refunds',
    exercise: 1,
    title: {
      en: 'The latest refunds, processing at most 1 MiB: LIMIT does not help',
      ja: '直近の返金を、処理量 1 MiB 以内で求める(LIMIT では減らない)',
    },
    hints: [
      {
        en: 'LIMIT does not reduce the bytes read: BigQuery reads whole columns, then keeps the first n rows.',
        ja: 'LIMIT では読み取るバイト数は減りません。BigQuery は列をまるごと読み、そのあとで先頭の n 行を残します。',
      },
      {
        en: 'ORDER BY may name a column you do not select; that column is still read and billed.',
        ja: 'ORDER BY には SELECT していない列も指定できます。その列も読み取られ、課金されます。',
      },
    ],
    run: withinBudget(
      (learner, events) => learnerFn(learner, 'latestRefunds')(events, LATEST),
      (seed) => expectedAnswers(seed).latest,
      `latestRefunds(events, ${LATEST})`,
    ),
  },
  {
    id: 'bytes.on-demand-cost',
    exercise: 1,
    title: {
      en: 'A month’s on-demand bill: the first TiB free, then a price per TiB',
      ja: '1 か月のオンデマンド料金: 最初の 1 TiB は無料、その先は TiB 単位',
    },
    hints: [
      {
        en: 'The first 1 TiB of each month is free: subtract FREE_BYTES_PER_MONTH, and never go below zero.',
        ja: '毎月最初の 1 TiB は無料です。FREE_BYTES_PER_MONTH を引き、0 未満にはしません。',
      },
      {
        en: 'A TiB is 2⁴⁰ bytes, not 10¹²: divide what is left by BYTES_PER_TIB, then multiply by USD_PER_TIB.',
        ja: '1 TiB は 10¹² ではなく 2⁴⁰ バイトです。残りを BYTES_PER_TIB で割り、USD_PER_TIB を掛けます。',
      },
    ],
    run(learner, { random }) {
      const cost = learnerFn(learner, 'onDemandCostUsd');
      const price = (bytes: number) =>
        (Math.max(0, bytes - FREE_BYTES_PER_MONTH) / BYTES_PER_TIB) * USD_PER_TIB;
      const cases: Array<[number, Text]> = [
        [0, { en: '0 bytes', ja: '0 バイト' }],
        [
          10 * MIB,
          { en: '10 MiB, one query at the minimum', ja: '10 MiB、最小課金のクエリ 1 回分' },
        ],
        [BYTES_PER_TIB, { en: '1 TiB', ja: '1 TiB' }],
        [2 * BYTES_PER_TIB, { en: '2 TiB', ja: '2 TiB' }],
        [BYTES_PER_TIB + 10 * MIB, { en: '1 TiB + 10 MiB', ja: '1 TiB + 10 MiB' }],
        [1e15, { en: '1 PB = 10¹⁵ bytes', ja: '1 PB = 10¹⁵ バイト' }],
        // The free tier's edge (1 TiB itself is above): just short of it, and a GiB past it.
        [FREE_BYTES_PER_MONTH - 1, { en: '1 TiB − 1 byte', ja: '1 TiB − 1 バイト' }],
        [FREE_BYTES_PER_MONTH + 2 ** 30, { en: '1 TiB + 1 GiB', ja: '1 TiB + 1 GiB' }],
        ...Array.from({ length: 3 }, (): [number, Text] => {
          const bytes = randomInt(random, 2, 5_000) * 1e12 + randomInt(random, 0, 999) * 1e9;
          return [bytes, { en: `${bytes} bytes`, ja: `${bytes} バイト` }];
        }),
      ];
      for (const [bytes, label] of cases) {
        expect.closeTo(
          cost(bytes),
          price(bytes),
          1e-9 * Math.max(1, price(bytes)),
          {
            en: `onDemandCostUsd(${label.en}) at $${USD_PER_TIB} per TiB`,
            ja: `onDemandCostUsd(${label.ja})、1 TiB あたり ${USD_PER_TIB} ドル`,
          },
          { hint: bytes <= FREE_BYTES_PER_MONTH ? 1 : 2 },
        );
      }
    },
  },
];
