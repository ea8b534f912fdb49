// Exercise 1 — How much concurrency?
// Concurrency is how many execution environments are busy at the same moment.

/**
 * Concurrency a function needs for requests that arrive on their own (API calls, S3 events…):
 * `requestsPerSecond` on average, each taking `averageDurationSeconds`. An environment serves
 * one request at a time, so part of an environment still counts as a whole one.
 */
export function concurrencyForRequests(
  requestsPerSecond: number,
  averageDurationSeconds: number,
): number {
  // TODO: apply the formula from the chapter, then round to whole environments.
  throw new Error('TODO: concurrencyForRequests');
}

/**
 * Concurrency of a function reading a Kinesis or DynamoDB stream with `shards` shards.
 * `parallelizationFactor` (today's setting, 1 by default) lets Lambda process several batches
 * of one shard at once. A factor that is not a whole number from 1 to 10 is a configuration
 * error: throw a RangeError.
 */
export function concurrencyForStream(shards: number, parallelizationFactor = 1): number {
  // TODO: one batch per shard in 2017; today each shard can run up to 10 at once.
  throw new Error('TODO: concurrencyForStream');
}

/** Whether `required` concurrency would be throttled by a regional quota of `limit`. */
export function isThrottled(required: number, limit: number): boolean {
  // TODO: compare with the quota (a function may use the whole quota, but no more).
  throw new Error('TODO: isThrottled');
}
