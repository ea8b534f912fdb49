import { expect } from '../../kit/expect.ts';
import { randomInt } from '../../kit/seeded-random.ts';
import type { Check, LearnerModules, Text } from '../../kit/types.ts';
import { beam, compareCodePoints, runPipeline } from '../support/beam.ts';

type Autocomplete = typeof import('../solution/autocomplete.ts');
type Completion = [word: string, count: number];
const FILE = 'autocomplete.ts';

/** The expected completions, worked out with plain loops (checks may loop; the pipeline may not). */
function expectedCompletions(words: string[], n: number): Map<string, Completion[]> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  const byPrefix = new Map<string, Completion[]>();
  for (const [word, count] of counts) {
    const characters = [...word];
    for (let length = 1; length <= characters.length; length++) {
      const prefix = characters.slice(0, length).join('');
      byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), [word, count]]);
    }
  }
  for (const [prefix, completions] of byPrefix) {
    byPrefix.set(
      prefix,
      completions.sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0])).slice(0, n),
    );
  }
  return byPrefix;
}

/** Runs the learner's pipeline over `words` and reads its output as prefix → completions. */
function learnerCompletions(
  learner: LearnerModules,
  words: string[],
  n: number,
): Map<string, unknown> {
  const autocomplete = expect.fn<Autocomplete['autocomplete']>(learner[FILE], 'autocomplete', FILE);
  const result = runPipeline(beam.Create(words), (input) => autocomplete(input, n));
  const byPrefix = new Map<string, unknown>();
  for (const { value } of result.output) {
    expect.ok(
      Array.isArray(value) && value.length === 2 && typeof value[0] === 'string',
      {
        en: 'Each output element must be a [prefix, completions] pair.',
        ja: '出力の各要素は [接頭辞, 候補の配列] の組である必要があります。',
      },
      { expected: '["se", [["server", 3], …]]', actual: value },
    );
    const prefix = (value as [string, unknown])[0];
    expect.ok(!byPrefix.has(prefix), {
      en: `The prefix ${JSON.stringify(prefix)} came out twice: group by prefix so each has one list.`,
      ja: `接頭辞 ${JSON.stringify(prefix)} が 2 回出力されました。接頭辞ごとにまとめ、リストを 1 つにしましょう。`,
    });
    byPrefix.set(prefix, (value as [string, unknown])[1]);
  }
  return byPrefix;
}

/**
 * Checks the page's word list with its `n`, then the same words with extra copies of some and an
 * `n` from 1 to 4, both drawn from the run's seed: other counts, other ties, other cut-offs.
 */
function compareWith(words: string[], n: number, label: Text): Check['run'] {
  return (learner, { random }) => {
    compareOnce(learner, words, n, label);
    const extra = Array.from(
      { length: randomInt(random, 3, 8) },
      () => words[randomInt(random, 0, words.length - 1)],
    );
    compareOnce(learner, [...words, ...extra], randomInt(random, 1, 4), {
      en: `${label.en} with ${extra.length} more drawn from them`,
      ja: `${label.ja}(そこから ${extra.length} 語を足したもの)`,
    });
  };
}

function compareOnce(learner: LearnerModules, words: string[], n: number, label: Text): void {
  const actual = learnerCompletions(learner, words, n);
  const expected = expectedCompletions(words, n);
  const call = { en: `autocomplete(${label.en}, ${n})`, ja: `autocomplete(${label.ja}, ${n})` };
  const missing = [...expected.keys()].filter((prefix) => !actual.has(prefix));
  const extra = [...actual.keys()].filter((prefix) => !expected.has(prefix));
  expect.deepEqual(
    { missing, extra },
    { missing: [], extra: [] },
    {
      en: `${call.en}: prefixes missing from your output, and prefixes that should not be there`,
      ja: `${call.ja}: 出力に足りない接頭辞と、出てはいけない接頭辞`,
    },
  );
  for (const prefix of [...expected.keys()].sort(compareCodePoints)) {
    expect.deepEqual(actual.get(prefix), expected.get(prefix), {
      en: `${call.en}, completions of ${JSON.stringify(prefix)}`,
      ja: `${call.ja} の ${JSON.stringify(prefix)} の候補`,
    });
  }
}

const TIES = [
  'serverless',
  'server',
  'sql',
  'serverless',
  'stream',
  'server',
  'serve',
  'spark',
  'serverless',
  'sql',
  'shard',
  'serve',
  'server',
  'spanner',
  'stream',
  'spark',
];
const JAPANESE = [
  'サーバーレス',
  'サーバー',
  'サーバーレス',
  'サービス',
  'サーバーレス',
  'サーバー',
  'クラウド',
  'クラウド',
  'クエリ',
  '関数',
  '関数',
  '関数型',
  '𠮷野家',
  '𠮷野家',
  '𠮷田',
  '🚀ship',
  '🚀ship',
  '🚀scale',
];
const HASHTAGS = [
  '#serverless',
  '#Serverless',
  '#ﾗｰﾒﾝ',
  '#𠮷野家',
  '#serverless',
  '#𠮷野家',
  '#Serverless',
  '#ﾗｰﾒﾝ',
  '#sushi',
];

export const autocompleteChecks: Check[] = [
  {
    id: 'autocomplete.top-n-with-ties',
    exercise: 3,
    title: {
      en: 'The top n completions of every prefix; a tie goes to the word first by code point',
      ja: 'すべての接頭辞について上位 n 件を出す。同数ならコードポイント順で先の単語を上にする',
    },
    hints: [
      {
        en: 'Three transforms: beam.CountPerElement(), a beam.FlatMap from [word, count] to [prefix, [word, count]] pairs, then beam.TopPerKey(n, compare).',
        ja: '変換は 3 つです。beam.CountPerElement()、[word, count] を [接頭辞, [word, count]] の組に広げる beam.FlatMap、そして beam.TopPerKey(n, compare)。',
      },
      {
        en: 'compare works like Array.prototype.sort’s: negative when a comes first. Higher counts first is b[1] - a[1]; on a tie, compare the words.',
        ja: 'compare は Array.prototype.sort の比較関数と同じで、a を先にするなら負の数を返します。回数の多い順は b[1] - a[1]、同数なら単語を比べます。',
      },
    ],
    run: compareWith(TIES, 3, { en: 'words with ties', ja: '同数を含む単語' }),
  },
  {
    id: 'autocomplete.whole-characters',
    exercise: 3,
    title: {
      en: 'Prefixes are whole characters: 𠮷野家 and 🚀 are never cut in half',
      ja: '接頭辞は文字単位: 𠮷野家 や 🚀 を途中で切らない',
    },
    hints: [
      {
        en: 'word.slice(0, i) counts UTF-16 code units, and 𠮷 and 🚀 take two each: slice cuts them in half.',
        ja: 'word.slice(0, i) は UTF-16 のコード単位で数えます。𠮷 や 🚀 は 2 コード単位なので、slice では真ん中で切れてしまいます。',
      },
      {
        en: 'Array.from(word) splits a string into characters (code points); build each prefix from those.',
        ja: 'Array.from(word) なら文字列を文字(コードポイント)に分けられます。それをつなげて接頭辞を作りましょう。',
      },
    ],
    run: compareWith(JAPANESE, 3, { en: 'Japanese words and emoji', ja: '日本語の単語と絵文字' }),
  },
  {
    id: 'autocomplete.code-point-order',
    exercise: 3,
    title: {
      en: 'Ties are ordered by code point, not by < or localeCompare',
      ja: '同数の並びは < や localeCompare ではなくコードポイントで決める',
    },
    hints: [
      {
        en: 'JavaScript’s < compares UTF-16 units (so #𠮷野家 sorts before #ﾗｰﾒﾝ), and localeCompare follows a language’s rules (#serverless before #Serverless).',
        ja: 'JavaScript の < は UTF-16 のコード単位で比べ(#𠮷野家 が #ﾗｰﾒﾝ より前になる)、localeCompare は言語ごとの規則に従います(#serverless が #Serverless より前になる)。',
      },
      {
        en: 'compareCodePoints from ../support/beam.ts orders by code point, as Python and BigQuery do.',
        ja: '../support/beam.ts の compareCodePoints は、Python や BigQuery と同じくコードポイント順に並べます。',
      },
    ],
    run: compareWith(HASHTAGS, 3, { en: 'hashtags', ja: 'ハッシュタグ' }),
  },
];
