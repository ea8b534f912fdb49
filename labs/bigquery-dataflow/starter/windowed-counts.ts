// Exercise 4 — Batch and stream, one pipeline.
// The checks run this one function over a batch (every event at once) and over a stream (events
// arriving out of order, with a watermark). Same code, both modes: that is the Beam model.
import { beam, type PCollection } from '../support/beam.ts';

/**
 * How many times each word occurs in each fixed window of `windowMs` of event time:
 * [word, count] per window. On a stream, data arriving up to `allowedLatenessMs` after the
 * watermark has passed its window's end still counts; later data is dropped.
 */
export function windowedCounts(
  words: PCollection<string>,
  windowMs: number,
  allowedLatenessMs: number,
): PCollection<[string, number]> {
  // TODO: these counts add up all of time. On a stream "all of time" never ends, so the runner
  // refuses to group it: put the events into fixed windows of event time first.
  return words.apply(beam.CountPerElement());
}
