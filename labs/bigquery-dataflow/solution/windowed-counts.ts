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
  return words
    .apply(beam.WindowInto<string>(beam.FixedWindows(windowMs), { allowedLatenessMs }))
    .apply(beam.CountPerElement<string>());
}
