// Exercise 1 — Pay for what you read.
import { BYTES_PER_TIB, USD_PER_TIB, type ColumnarTable } from '../support/columnar-table.ts';

/** Total amount_yen per city, leaving refunds (is_refund) out. */
export function revenueByCity(events: ColumnarTable): Record<string, number> {
  // TODO: this reads every column, like SELECT *. Name only the columns the answer needs.
  const { rows } = events.query({ columns: events.columnNames });
  const revenue: Record<string, number> = {};
  for (const row of rows) if (!row.is_refund) revenue[row.city as string] = (revenue[row.city as string] ?? 0) + (row.amount_yen as number);
  return revenue;
}

/** How many different users have at least one event on the premium plan. */
export function premiumUsers(events: ColumnarTable): number {
  // TODO: the same SELECT * problem.
  const { rows } = events.query({ columns: events.columnNames, where: (row) => row.plan === 'premium' });
  return new Set(rows.map((row) => row.user_id)).size;
}

/** The on-demand price in USD of scanning `bytesBilled` (USD_PER_TIB per tebibyte). */
export function onDemandCostUsd(bytesBilled: number): number {
  // TODO: convert bytes to TiB first.
  throw new Error('TODO: onDemandCostUsd');
}
