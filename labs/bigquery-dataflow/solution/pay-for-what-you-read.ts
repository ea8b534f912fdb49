// Exercise 1 — Pay for what you read.
// `events` is stored by column, like a BigQuery table. A query is billed for every column it
// references, whole: see events.dryRun(query) before you run one.
import { BYTES_PER_TIB, FREE_BYTES_PER_MONTH, USD_PER_TIB } from '../support/bigquery-pricing.ts';
import { countDistinct, sum, type ColumnarTable } from '../support/columnar-table.ts';

/** Total amount_yen per city, refunds left out: { 東京: …, 大阪: …, … }. */
export function revenueByCity(events: ColumnarTable): Record<string, number> {
  // SELECT city, SUM(amount_yen) AS revenue FROM events WHERE is_refund = false GROUP BY city
  const { rows } = events.query({
    select: ['city', sum('amount_yen', 'revenue')],
    where: [['is_refund', '=', false]],
    groupBy: ['city'],
  });
  return Object.fromEntries(rows.map((row) => [row.city as string, row.revenue as number]));
}

/** How many different users have at least one event on the premium plan. */
export function premiumUsers(events: ColumnarTable): number {
  // SELECT COUNT(DISTINCT user_id) AS users FROM events WHERE plan = 'premium'
  const { rows } = events.query({
    select: [countDistinct('user_id', 'users')],
    where: [['plan', '=', 'premium']],
  });
  return rows[0].users as number;
}

/** The event_id of the `n` most recent refunds, newest first. */
export function latestRefunds(events: ColumnarTable, n: number): number[] {
  // SELECT event_id FROM events WHERE is_refund = true ORDER BY event_time DESC LIMIT n
  const { rows } = events.query({
    select: ['event_id'],
    where: [['is_refund', '=', true]],
    orderBy: [['event_time', 'desc']],
    limit: n,
  });
  return rows.map((row) => row.event_id as number);
}

/**
 * The on-demand bill in USD for a month in which queries were billed `bytesBilledThisMonth`
 * bytes in total: the first FREE_BYTES_PER_MONTH are free, the rest cost USD_PER_TIB per TiB.
 */
export function onDemandCostUsd(bytesBilledThisMonth: number): number {
  const billable = Math.max(0, bytesBilledThisMonth - FREE_BYTES_PER_MONTH);
  return (billable / BYTES_PER_TIB) * USD_PER_TIB;
}
