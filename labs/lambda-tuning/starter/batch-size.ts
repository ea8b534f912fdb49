// Exercise 4 — Batch size for a stream.
import { MAX_STREAM_BATCH_SIZE } from '../support/stream-limits.ts';

export interface StreamLoad {
  shards: number;
  /** Records arriving per second across the whole stream, spread evenly over the shards. */
  recordsPerSecond: number;
  /** Fixed time every invocation costs, whatever its batch size (start-up, a database round trip). */
  overheadMs: number;
  /** Time to process one record. */
  perRecordMs: number;
  /** Batches one shard processes at once (1 by default; 2017 had no other choice). */
  parallelizationFactor?: number;
}

export type BatchPlan =
  { keepsUp: true; batchSize: number } | { keepsUp: false; shardsNeeded: number };

/**
 * The smallest batch size (1 to MAX_STREAM_BATCH_SIZE) with which every shard processes records
 * at least as fast as they arrive. A batch of `b` records takes overheadMs + b × perRecordMs.
 *
 * When even the largest batch cannot keep up, say so: return `keepsUp: false` and how many shards
 * the stream would need at the largest batch size. Never return a batch size that falls behind.
 */
export function planBatchSize(load: StreamLoad): BatchPlan {
  // TODO: records per second one shard can process with batches of b, compared with what arrives per shard.
  throw new Error('TODO: planBatchSize');
}
