// Exercise 3 — AutoComplete, the Dataflow way.
// `words` is a PCollection: a step of a pipeline that has not run yet, not an array. You cannot
// loop over it; you apply transforms (beam.Map, beam.FlatMap, beam.CountPerElement,
// beam.TopPerKey…) and return the PCollection they make. The checks run your pipeline.
import { beam, compareCodePoints, type PCollection } from '../support/beam.ts';

/** A word and how many times it occurs. */
export type Completion = [word: string, count: number];

/**
 * For every prefix of every word, the `n` most frequent words that start with it:
 * [prefix, Completion[]], best first. "Most frequent" means a higher count first, then, on a
 * tie, the word that comes first by Unicode code point (compareCodePoints). A prefix is made of
 * whole characters, so 𠮷野家 has three: 𠮷, 𠮷野 and 𠮷野家.
 */
export function autocomplete(
  words: PCollection<string>,
  n: number,
): PCollection<[string, Completion[]]> {
  // TODO: 1. count each word; 2. fan each [word, count] out to [prefix, [word, count]] for every
  // prefix; 3. keep the top n per prefix.
  throw new Error('TODO: autocomplete');
}
