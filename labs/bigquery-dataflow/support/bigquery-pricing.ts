/**
 * BigQuery on-demand query pricing, as far as the lab uses it. Each number says where it comes
 * from; prices change, so check cloud.google.com/bigquery/pricing before quoting one.
 */

/** A tebibyte, 2⁴⁰ bytes: on-demand compute is billed per TiB (cloud.google.com/bigquery/pricing). */
export const BYTES_PER_TIB = 2 ** 40;

/** The first 1 TiB of query data processed each month is free (cloud.google.com/bigquery/pricing). */
export const FREE_BYTES_PER_MONTH = BYTES_PER_TIB;

/**
 * US list price of on-demand queries, USD per TiB. SECONDARY SOURCE: a 2026 note on BigQuery
 * billing (adriennevermorel.com/notes/bigquery-on-demand-billing-mechanics/); the official page
 * said "$5 per TB" in 2017. Treat it as this lab's assumption, not a quote.
 */
export const USD_PER_TIB = 6.25;

/**
 * The least a query is billed for each table it references. The pricing page says charges are
 * "rounded up to the nearest MB, with a minimum 10 MB data processed per table referenced by the
 * query" (seen in a stored copy of cloud.google.com/bigquery/pricing and quoted in Google's
 * adk-python BigQuery tool), and Google's tool spells that minimum 10,485,760 bytes: 10 MiB.
 */
export const MINIMUM_BILLED_BYTES_PER_TABLE = 10 * 2 ** 20;

/** Billing rounds up to whole "MB", taken here as MiB (2²⁰ bytes) like the minimum above. */
export const BILLING_INCREMENT_BYTES = 2 ** 20;

/** What one query over one table is billed for processing `bytesProcessed` bytes. */
export function bytesBilledFor(bytesProcessed: number): number {
  const rounded = Math.ceil(bytesProcessed / BILLING_INCREMENT_BYTES) * BILLING_INCREMENT_BYTES;
  return Math.max(MINIMUM_BILLED_BYTES_PER_TABLE, rounded);
}
