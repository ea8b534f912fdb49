// Exercise 1 — Pay for what you read.
// `events` is stored by column, like a BigQuery table, and speaks GoogleSQL. A query is billed for
// every column it references, whole: events.dryRun(sql) tells you how many bytes, without running
// it, and events.query(sql) returns { rows, totalBytesProcessed }.
import { BYTES_PER_TIB, FREE_BYTES_PER_MONTH, USD_PER_TIB } from '../support/bigquery-pricing.ts';
import type { ColumnarTable } from '../support/columnar-table.ts';

/** Total amount_yen per city, refunds left out: { 東京: …, 大阪: …, … }. */
export function revenueByCity(events: ColumnarTable): Record<string, number> {
  // TODO: SELECT * reads all ten columns, payload too. Name only the columns the answer needs
  // (BigQuery can add up per city for you).
  const { rows } = events.query(`
    SELECT *
    FROM events
  `);
  const revenue: Record<string, number> = {};
  for (const row of rows) {
    if (!row.is_refund)
      revenue[row.city as string] = (revenue[row.city as string] ?? 0) + (row.amount_yen as number);
  }
  return revenue;
}

/** How many different users have at least one event on the premium plan. */
export function premiumUsers(events: ColumnarTable): number {
  // TODO: the same SELECT * problem.
  const { rows } = events.query(`
    SELECT *
    FROM events
    WHERE plan = 'premium'
  `);
  return new Set(rows.map((row) => row.user_id)).size;
}

/** The event_id of the `n` most recent refunds, newest first. */
export function latestRefunds(events: ColumnarTable, n: number): number[] {
  // TODO: LIMIT makes the answer short, not the scan cheaper.
  const { rows } = events.query(`
    SELECT *
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
  // TODO
  throw new Error('TODO: onDemandCostUsd');
}
