/**
 * The talk's scan figure, and the one assumption exercise 2 adds to it. Neither is a measured
 * BigQuery number.
 */

/**
 * "1PBのスキャンがわずか130s!" (a 1 PB scan in only 130 seconds), from the 2017 event report.
 * UNVERIFIED: no published benchmark was found for it (then-now.md, row 6.6); treat it as the
 * speaker's demo figure. The talk did not say whether PB meant 10¹⁵ or 2⁵⁰ bytes.
 */
export const TALK_SCAN = { amount: 1, unit: 'PB', seconds: 130 } as const;

/**
 * MODEL ASSUMPTION: what one worker scans per second, 100 MB/s (decimal). An illustrative round
 * number to turn a throughput into a count of machines, not a BigQuery or Dataflow figure.
 */
export const MODEL_WORKER_BYTES_PER_SECOND = 100e6;
