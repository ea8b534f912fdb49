import { expect } from '../../kit/expect.ts';
import type { Check, LearnerModules } from '../../kit/types.ts';
import { BYTES_PER_TIB, ColumnarTable, sampleEvents, type Query, type QueryResult } from '../support/columnar-table.ts';

type Pay = typeof import('../solution/pay-for-what-you-read.ts');
const FILE = 'pay-for-what-you-read.ts';
const learnerFn = <K extends keyof Pay>(learner: LearnerModules, name: K) => expect.fn<Pay[K]>(learner[FILE], name, FILE);
const BUDGET_BYTES = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** The sample table, recording every query the learner's code runs on it. */
class RecordingTable extends ColumnarTable {
  readonly queries: Array<Query & QueryResult> = [];
  constructor(table: ColumnarTable) {
    super(table.name, table.schema, table.query({ columns: table.columnNames }).rows);
  }
  override query(query: Query): QueryResult {
    const result = super.query(query);
    this.queries.push({ ...query, ...result });
    return result;
  }
}

function withinBudget(name: 'revenueByCity' | 'premiumUsers', expected: unknown): Check['run'] {
  return (learner) => {
    const table = new RecordingTable(sampleEvents());
    const answer = learnerFn(learner, name)(table);
    expect.deepEqual(answer, expected, { en: `the answer of ${name}`, ja: `${name} の答え` });
    const read = table.queries.reduce((sum, query) => sum + query.bytesProcessed, 0);
    const columns = [...new Set(table.queries.flatMap((query) => query.columns))];
    expect.ok(
      read <= BUDGET_BYTES,
      {
        en: `${name} read ${mb(read)}, over the ${mb(BUDGET_BYTES)} budget. BigQuery bills every column a query names, whole${columns.includes('payload') ? ', and payload alone is ' + mb(table.columnBytes('payload')) : ''}. Name only the columns the answer needs.`,
        ja: `${name} は ${mb(read)} を読み、予算 ${mb(BUDGET_BYTES)} を超えました。BigQuery はクエリで指定した列をまるごと課金対象にします${columns.includes('payload') ? `(payload 列だけで ${mb(table.columnBytes('payload'))} です)` : ''}。答えに必要な列だけを指定しましょう。`,
      },
      { expected: `≤ ${mb(BUDGET_BYTES)}`, actual: `${mb(read)} (columns: ${columns.join(', ')})` },
    );
  };
}

const reference = sampleEvents().query({ columns: ['city', 'amount_yen', 'is_refund', 'user_id', 'plan'] }).rows;
const expectedRevenue: Record<string, number> = {};
for (const row of reference) if (!row.is_refund) expectedRevenue[row.city as string] = (expectedRevenue[row.city as string] ?? 0) + (row.amount_yen as number);
const expectedPremium = new Set(reference.filter((row) => row.plan === 'premium').map((row) => row.user_id)).size;

const hints = [
  { en: 'SELECT * reads every column; naming three columns reads three.', ja: 'SELECT * はすべての列を読みます。3 列を指定すれば読むのは 3 列です。' },
  { en: 'Columns used only in the filter count too: list them in `columns` as well.', ja: 'フィルターだけに使う列も読み取り量に入ります。`columns` に含めましょう。' },
];

export const payForWhatYouReadChecks: Check[] = [
  {
    id: 'bytes.revenue-by-city',
    exercise: 1,
    title: { en: 'Revenue by city, reading at most 1 MB', ja: '都市別の売上を 1 MB 以内の読み取りで求める' },
    hints,
    run: withinBudget('revenueByCity', expectedRevenue),
  },
  {
    id: 'bytes.premium-users',
    exercise: 1,
    title: { en: 'Premium users, reading at most 1 MB', ja: 'プレミアムプランのユーザー数を 1 MB 以内の読み取りで求める' },
    hints,
    run: withinBudget('premiumUsers', expectedPremium),
  },
  {
    id: 'bytes.on-demand-cost',
    exercise: 1,
    title: { en: 'Prices a scan at the on-demand rate per TiB', ja: 'スキャン量をオンデマンド料金(TiB 単位)で計算する' },
    hints: [{ en: 'A tebibyte is 1024⁴ bytes, not 10¹²: divide by BYTES_PER_TIB.', ja: '1 TiB は 10¹² ではなく 1024⁴ バイトです。BYTES_PER_TIB で割ります。' }],
    run(learner) {
      const cost = learnerFn(learner, 'onDemandCostUsd');
      expect.closeTo(cost(BYTES_PER_TIB), 6.25, 1e-9, { en: 'onDemandCostUsd(1 TiB)', ja: 'onDemandCostUsd(1 TiB)' });
      expect.closeTo(cost(10 * 1024 * 1024), (10 * 1024 * 1024 * 6.25) / BYTES_PER_TIB, 1e-12, { en: 'onDemandCostUsd(10 MB)', ja: 'onDemandCostUsd(10 MB)' });
      expect.closeTo(cost(1e15), (1e15 / BYTES_PER_TIB) * 6.25, 1e-6, { en: 'onDemandCostUsd(1 PB)', ja: 'onDemandCostUsd(1 PB)' });
    },
  },
];
