// Exercise 1 — Pay for what you read.
import { BYTES_PER_TIB, USD_PER_TIB, type ColumnarTable } from '../support/columnar-table.ts';

/** Total amount_yen per city, leaving refunds (is_refund) out. */
export function revenueByCity(events: ColumnarTable): Record<string, number> {
  const { rows } = events.query({ columns: ['city', 'amount_yen', 'is_refund'], where: (row) => !row.is_refund });
  const revenue: Record<string, number> = {};
  for (const row of rows) revenue[row.city as string] = (revenue[row.city as string] ?? 0) + (row.amount_yen as number);
  return revenue;
}

/** How many different users have at least one event on the premium plan. */
export function premiumUsers(events: ColumnarTable): number {
  const { rows } = events.query({ columns: ['user_id', 'plan'], where: (row) => row.plan === 'premium' });
  return new Set(rows.map((row) => row.user_id)).size;
}

/** The on-demand price in USD of scanning `bytesBilled` (USD_PER_TIB per tebibyte). */
export function onDemandCostUsd(bytesBilled: number): number {
  return (bytesBilled / BYTES_PER_TIB) * USD_PER_TIB;
}
