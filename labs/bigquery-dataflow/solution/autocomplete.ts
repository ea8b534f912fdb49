// Exercise 3 — AutoComplete, the Dataflow way.
import { countPerElement, topPerKey, type PCollection } from '../support/beam-model.ts';

export type Completion = [word: string, count: number];

/**
 * For every prefix of every word, the `n` most frequent words that start with it, as a pipeline
 * of the model's transforms (no loops over the whole input):
 * 1. count each word (countPerElement);
 * 2. for each [word, count], emit [prefix, [word, count]] for every prefix of the word
 *    (prefixes by character, so Japanese words work: Array.from(word));
 * 3. keep the top `n` per prefix: higher count first, then the word by code point.
 */
export function autocomplete(words: PCollection<string>, n: number): PCollection<[string, Completion[]]> {
  const counted = countPerElement(words);
  const byPrefix = counted.flatMap(([word, count]) => {
    const characters = Array.from(word);
    return characters.map((_, index) => [characters.slice(0, index + 1).join(''), [word, count]] as [string, Completion]);
  });
  return topPerKey(byPrefix, n, ([wordA, countA], [wordB, countB]) => countA - countB || (wordA < wordB ? 1 : wordA > wordB ? -1 : 0));
}
