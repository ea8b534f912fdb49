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
  return words
    .apply(beam.CountPerElement<string>())
    .apply(
      beam.FlatMap(([word, count]: Completion) =>
        prefixesOf(word).map((prefix): [string, Completion] => [prefix, [word, count]]),
      ),
    )
    .apply(beam.TopPerKey<string, Completion>(n, byCountThenWord));
}

/** Every prefix, by code point: Array.from splits a string into characters, not UTF-16 units. */
function prefixesOf(word: string): string[] {
  const characters = Array.from(word);
  return characters.map((_, index) => characters.slice(0, index + 1).join(''));
}

function byCountThenWord([wordA, countA]: Completion, [wordB, countB]: Completion): number {
  return countB - countA || compareCodePoints(wordA, wordB);
}
