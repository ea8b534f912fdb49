/**
 * Batch size for Kinesis and DynamoDB Streams event source mappings: 100 by default, at most
 * 10,000 (docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html).
 */
export const DEFAULT_STREAM_BATCH_SIZE = 100;
export const MAX_STREAM_BATCH_SIZE = 10_000;
