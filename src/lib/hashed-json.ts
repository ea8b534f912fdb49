import { createHash } from 'node:crypto';
import en from '../content/i18n/en.json' with { type: 'json' };
import ja from '../content/i18n/ja.json' with { type: 'json' };

/** A JSON file the build serves under a name that carries a hash of its text (build time). */
export interface HashedJson {
  /** `<prefix>.<hash>`, without `.json`. */
  name: string;
  body: string;
}

/**
 * `value` as a JSON file named `<prefix>.<hash of its text>`: a rebuild that leaves it alone
 * leaves its URL alone, and a browser may keep it for good.
 */
export function hashedJson(prefix: string, value: unknown): HashedJson {
  const body = JSON.stringify(value);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { name: `${prefix}.${hash}`, body };
}

const dictionaries = { en, ja } as const;
export type PageLang = keyof typeof dictionaries;
export const PAGE_LANGS = Object.keys(dictionaries) as PageLang[];

/**
 * Looks a key up in `lang`'s dictionary, the one Starlight's `t()` reads (src/content/i18n/),
 * falling back to English as `t()` does.
 */
export function translatorFor(lang: PageLang): (key: string) => string {
  const dictionary: Record<string, string> = dictionaries[lang];
  return (key) => dictionary[key] ?? en[key as keyof typeof en];
}
