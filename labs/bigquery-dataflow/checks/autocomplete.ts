import { expect } from '../../kit/expect.ts';
import type { Check, LearnerModules } from '../../kit/types.ts';
import { PCollection } from '../support/beam-model.ts';

type Autocomplete = typeof import('../solution/autocomplete.ts');
type Completion = [string, number];
const FILE = 'autocomplete.ts';
const autocompleteOf = (learner: LearnerModules) => expect.fn<Autocomplete['autocomplete']>(learner[FILE], 'autocomplete', FILE);

/** The expected completions, worked out directly (checks may loop; the pipeline may not). */
function expectedCompletions(words: string[], n: number): Record<string, Completion[]> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  const byPrefix: Record<string, Completion[]> = {};
  for (const [word, count] of counts) {
    const characters = Array.from(word);
    for (let length = 1; length <= characters.length; length++) (byPrefix[characters.slice(0, length).join('')] ??= []).push([word, count]);
  }
  for (const prefix of Object.keys(byPrefix)) {
    byPrefix[prefix] = byPrefix[prefix].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, n);
  }
  return byPrefix;
}

function asRecord(result: unknown, what: string): Record<string, Completion[]> {
  expect.ok(result instanceof PCollection, {
    en: `${what} must return a PCollection built with the model's transforms.`,
    ja: `${what} はモデルの変換で作った PCollection を返す必要があります。`,
  }, { actual: result });
  return Object.fromEntries(PCollection.materialize(result as PCollection<[string, Completion[]]>).map((element) => element.value));
}

const corpus = ['server', 'serverless', 'serve', 'serverless', 'server', 'sql', 'stream', 'stream', 'serverless', 'sql', 'shard', 'serve'];
const japanese = ['サーバー', 'サーバーレス', 'サーバーレス', 'サービス', 'クラウド', 'クラウド', 'クエリ', '関数', '関数型', '🚀ship', '🚀ship', '🚀scale'];

export const autocompleteChecks: Check[] = [
  {
    id: 'autocomplete.top-n-with-ties',
    exercise: 3,
    title: { en: 'Top completions for every prefix, ties broken by the word', ja: 'すべての接頭辞について上位の候補を出し、同数なら単語順にする' },
    hints: [
      { en: 'Count first; then fan each counted word out to all of its prefixes with flatMap.', ja: 'まず数え、数えた単語ごとに flatMap ですべての接頭辞へ展開します。' },
      { en: 'topPerKey takes a compare function: count first, then the word (the smaller word wins a tie).', ja: 'topPerKey には比較関数を渡します。まず回数、同数なら単語(小さい方が上位)です。' },
    ],
    run(learner) {
      const result = asRecord(autocompleteOf(learner)(PCollection.of(corpus), 2), 'autocomplete');
      expect.deepEqual(result, expectedCompletions(corpus, 2), { en: 'autocomplete(corpus, 2)', ja: 'autocomplete(corpus, 2)' });
    },
  },
  {
    id: 'autocomplete.unicode',
    exercise: 3,
    title: { en: 'Prefixes are whole characters: Japanese words and emoji work', ja: '接頭辞は文字単位: 日本語や絵文字も正しく扱う' },
    hints: [{ en: 'word.slice counts UTF-16 units and splits emoji; Array.from(word) gives characters.', ja: 'word.slice は UTF-16 の単位で数えるため絵文字が割れます。Array.from(word) なら文字単位です。' }],
    run(learner) {
      const result = asRecord(autocompleteOf(learner)(PCollection.of(japanese), 3), 'autocomplete');
      expect.deepEqual(result, expectedCompletions(japanese, 3), { en: 'autocomplete(Japanese words, 3)', ja: 'autocomplete(日本語の単語, 3)' });
    },
  },
];
