// Exercise 1 — How much concurrency?
// Concurrency is how many execution environments are busy at the same moment.
import { MAX_PARALLELIZATION_FACTOR } from '../support/limits.ts';

/**
 * Concurrency a function needs for requests that arrive on their own (API calls, S3 events…):
 * `requestsPerSecond` on average, each taking `averageDurationSeconds`. An environment serves
 * one request at a time, so part of an environment still counts as a whole one.
 */
export function concurrencyForRequests(
  requestsPerSecond: number,
  averageDurationSeconds: number,
): number {
  return Math.ceil(requestsPerSecond * averageDurationSeconds);
}

/**
 * Concurrency of a function reading a Kinesis or DynamoDB stream with `shards` shards.
 * `parallelizationFactor` (today's setting, 1 by default) lets Lambda process several batches
 * of one shard at once. A factor that is not a whole number from 1 to 10 is a configuration
 * error: throw a RangeError.
 */
export function concurrencyForStream(shards: number, parallelizationFactor = 1): number {
  if (
    !Number.isInteger(parallelizationFactor) ||
    parallelizationFactor < 1 ||
    parallelizationFactor > MAX_PARALLELIZATION_FACTOR
  ) {
    throw new RangeError(
      `parallelizationFactor must be a whole number from 1 to ${MAX_PARALLELIZATION_FACTOR}, got ${parallelizationFactor}`,
    );
  }
  return shards * parallelizationFactor;
}

/** Whether `required` concurrency would be throttled by a regional quota of `limit`. */
export function isThrottled(required: number, limit: number): boolean {
  return required > limit;
}
