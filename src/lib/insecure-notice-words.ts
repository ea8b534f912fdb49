import { translated, type PageLang } from './dictionaries.ts';
import { hashedJson, type HashedJson } from './hashed-json.ts';

/**
 * What the not-a-secure-context notice says in one language (`InsecureContextNotice.astro`). Only
 * a page opened over plain HTTP from another machine shows it, so its words are a JSON file that
 * such a page fetches (there is no service worker there to store it) rather than 0.7 KB of hidden
 * text in every page, twice on the secure-SPA lab.
 */
export interface InsecureNoticeWords {
  label: string;
  heading: string;
  explain: string;
  labHeading: string;
  labExplain: string;
  fixes: string;
  link: string;
}

const WORDS: InsecureNoticeWords = {
  label: 'insecure.label',
  heading: 'insecure.heading',
  explain: 'insecure.explain',
  labHeading: 'insecure.labHeading',
  labExplain: 'insecure.labExplain',
  fixes: 'insecure.fixes',
  link: 'insecure.link',
};

/** The file for `lang`, named `insecure-notice/<lang>.<hash>.json` under the site's base. */
export function insecureNoticeFile(lang: PageLang): HashedJson {
  return hashedJson(lang, translated(lang, WORDS));
}

/** The file's URL under the site's base (`/` or `/sub/`). */
export const insecureNoticeUrl = (lang: PageLang, base: string) =>
  `${base}insecure-notice/${insecureNoticeFile(lang).name}.json`;
