// Exercise 1 — Pay for what you read.
// `events` is stored by column, like a BigQuery table, and speaks GoogleSQL. A query is billed for
// every column it references, whole: events.dryRun(sql) tells you how many bytes, without running
// it, and events.query(sql) returns { rows, totalBytesProcessed }.
import { BYTES_PER_TIB, FREE_BYTES_PER_MONTH, USD_PER_TIB } from '../support/bigquery-pricing.ts';
import type { ColumnarTable } from '../support/columnar-table.ts';

/** Total amount_yen per city, refunds left out: { 東京: …, 大阪: …, … }. */
export function revenueByCity(events: ColumnarTable): Record<string, number> {
  const { rows } = events.query(`
    SELECT city, SUM(amount_yen) AS revenue
    FROM events
    WHERE NOT is_refund
    GROUP BY city
  `);
  return Object.fromEntries(rows.map((row) => [row.city as string, row.revenue as number]));
}

/** How many different users have at least one event on the premium plan. */
export function premiumUsers(events: ColumnarTable): number {
  const { rows } = events.query(`
    SELECT COUNT(DISTINCT user_id) AS users
    FROM events
    WHERE plan = 'premium'
  `);
  return rows[0].users as number;
}

/** The event_id of the `n` most recent refunds, newest first. */
export function latestRefunds(events: ColumnarTable, n: number): number[] {
  // event_time is read (and billed) for the sort even though it is not selected.
  const { rows } = events.query(`
    SELECT event_id
    FROM events
    WHERE is_refund
    ORDER BY event_time DESC
    LIMIT ${n}
  `);
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
