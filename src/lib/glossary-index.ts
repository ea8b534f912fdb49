/**
 * How each language files its glossary: English by the English term, A–Z; Japanese by the
 * reading (読み順), the kana rows あ か さ … わ in gojūon order first, then terms written in Latin
 * letters, A–Z, as Japanese books and docs index them. Pure functions, so tests can run them.
 */

export type GlossaryLocale = 'en' | 'ja';

/** The fields of a glossary term this module reads (see `glossaryTermSchema`). */
export interface GlossaryTermNames {
  term: string;
  termJa?: string;
  reading: string;
}

/** One term as a language shows it: its headword, and the English term beside it where they differ. */
export interface GlossaryHeading<T> {
  id: string;
  headword: string;
  english?: string;
  data: T;
}

/** The terms under one index letter or kana row; `id` is the group heading's anchor. */
export interface GlossaryGroup<T> {
  label: string;
  id: string;
  terms: GlossaryHeading<T>[];
}

/** The kana rows of the index bar, each with the kana filed under it (voiced and small forms fold in). */
const KANA_ROWS = [
  ['あ', 'あいうえお'],
  ['か', 'かきくけこ'],
  ['さ', 'さしすせそ'],
  ['た', 'たちつてと'],
  ['な', 'なにぬねの'],
  ['は', 'はひふへほ'],
  ['ま', 'まみむめも'],
  ['や', 'やゆよ'],
  ['ら', 'らりるれろ'],
  ['わ', 'わをん'],
] as const;
const LATIN_LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const SMALL_KANA: Record<string, string> = {
  ぁ: 'あ',
  ぃ: 'い',
  ぅ: 'う',
  ぇ: 'え',
  ぉ: 'お',
  っ: 'つ',
  ゃ: 'や',
  ゅ: 'ゆ',
  ょ: 'よ',
  ゎ: 'わ',
};

const japaneseOrder = new Intl.Collator('ja');
const englishOrder = new Intl.Collator('en', { sensitivity: 'base' });

/** Every label of the index bar in order: A–Z in English; the kana rows, then A–Z, in Japanese. */
export function indexLabels(locale: GlossaryLocale): string[] {
  return locale === 'ja' ? [...KANA_ROWS.map(([row]) => row), ...LATIN_LETTERS] : LATIN_LETTERS;
}

/** The index label a sort key files under: its kana row, or its first Latin letter. */
export function indexLabelOf(sortKey: string): string {
  const first = sortKey.normalize('NFD').charAt(0);
  const kana = SMALL_KANA[first] ?? first;
  const row = KANA_ROWS.find(([, members]) => members.includes(kana));
  if (row) return row[0];
  const letter = first.toUpperCase();
  if (LATIN_LETTERS.includes(letter)) return letter;
  throw new Error(
    `Glossary sort key "${sortKey}" starts with "${first}", which files under no kana row or Latin letter`,
  );
}

/** The anchor of an index group's heading ("glossary-a", "glossary-か"): no term id looks like it. */
export const groupId = (label: string) => `glossary-${label.toLowerCase()}`;

/** What a term is filed and headed by in `locale`. */
function headingOf<T extends GlossaryTermNames>(
  id: string,
  data: T,
  locale: GlossaryLocale,
): GlossaryHeading<T> & { sortKey: string } {
  if (locale === 'en') return { id, data, headword: data.term, sortKey: data.term };
  const headword = data.termJa ?? data.term;
  return {
    id,
    data,
    headword,
    english: headword === data.term ? undefined : data.term,
    sortKey: data.reading,
  };
}

/** The glossary's terms grouped under the index labels of `locale`, in reading order; empty groups left out. */
export function groupGlossary<T extends GlossaryTermNames>(
  entries: { id: string; data: T }[],
  locale: GlossaryLocale,
): GlossaryGroup<T>[] {
  const labels = indexLabels(locale);
  const compare = locale === 'ja' ? japaneseOrder.compare : englishOrder.compare;
  const headings = entries.map(({ id, data }) => headingOf(id, data, locale));
  return labels
    .map((label) => ({
      label,
      id: groupId(label),
      terms: headings
        .filter(({ sortKey }) => indexLabelOf(sortKey) === label)
        .sort((a, b) => compare(a.sortKey, b.sortKey))
        .map(({ id, data, headword, english }) => ({ id, data, headword, english })),
    }))
    .filter(({ terms }) => terms.length > 0);
}
