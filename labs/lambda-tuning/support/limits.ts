/**
 * Lambda's documented numbers that the exercises use. Each cites where it comes from; see the
 * "2017 → now" notes in the Lambda chapter.
 */

/** Default concurrency quota per account and Region, shared by all functions (docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html). */
export const DEFAULT_REGIONAL_CONCURRENCY = 1_000;

/** Kinesis and DynamoDB Streams: concurrent batches per shard, 1 by default, at most 10 (ParallelizationFactor, docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html). */
export const MAX_PARALLELIZATION_FACTOR = 10;
