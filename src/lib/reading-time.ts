/**
 * Estimated minutes to read a chapter's source. The rates are assumptions, not measurements:
 * 200 words a minute for English technical prose and 500 characters a minute for Japanese.
 */
const WORDS_PER_MINUTE = 200;
const JAPANESE_CHARACTERS_PER_MINUTE = 500;

export function readingMinutes(mdxSource: string, lang: 'en' | 'ja'): number {
  const prose = mdxSource
    .replace(/^import .*$/gm, '')
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/```[\s\S]*?```/g, (block) => block.split('\n').slice(0, 3).join(' '))
    .replace(/<[^>]+>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']');
  const amount =
    lang === 'ja'
      ? (prose.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length /
          JAPANESE_CHARACTERS_PER_MINUTE +
        (prose.match(/[A-Za-z]+/g) ?? []).length / WORDS_PER_MINUTE
      : (prose.match(/\S+/g) ?? []).length / WORDS_PER_MINUTE;
  return Math.max(1, Math.round(amount));
}
