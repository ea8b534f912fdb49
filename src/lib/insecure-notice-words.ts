import { translated, type PageLang } from './dictionaries.ts';
import { hashedFile, hashedJson, type HashedFile } from './hashed-file.ts';
import styles from '../styles/components/insecure-context.css?raw';

/**
 * What the not-a-secure-context notice says in one language (`InsecureContextNotice.astro`). Only
 * a page opened over plain HTTP from another machine shows it, so its words are a JSON file that
 * such a page fetches (there is no service worker there to store it) rather than 0.7 KB of hidden
 * text in every page, twice on the secure-SPA lab. Its styles are a file beside it, for the same
 * reason: in the stylesheet every page waits for, they were 1.2 KB no other page used.
 */
export interface InsecureNoticeWords {
  label: string;
  heading: string;
  explain: string;
  labHeading: string;
  labExplain: string;
  fixes: string;
  link: string;
  /** The notice's stylesheet, relative to this file. */
  styles: string;
}

const WORDS: Omit<InsecureNoticeWords, 'styles'> = {
  label: 'insecure.label',
  heading: 'insecure.heading',
  explain: 'insecure.explain',
  labHeading: 'insecure.labHeading',
  labExplain: 'insecure.labExplain',
  fixes: 'insecure.fixes',
  link: 'insecure.link',
};

/** The notice's stylesheet, named `insecure-notice/styles.<hash>.css` under the site's base. */
export const insecureNoticeStyles = (): HashedFile => hashedFile('styles', styles);

/** The file for `lang`, named `insecure-notice/<lang>.<hash>.json` under the site's base. */
export function insecureNoticeFile(lang: PageLang): HashedFile {
  const words: InsecureNoticeWords = {
    ...translated(lang, WORDS),
    styles: `${insecureNoticeStyles().name}.css`,
  };
  return hashedJson(lang, words);
}

/** The file's URL under the site's base (`/` or `/sub/`). */
export const insecureNoticeUrl = (lang: PageLang, base: string) =>
  `${base}insecure-notice/${insecureNoticeFile(lang).name}.json`;
