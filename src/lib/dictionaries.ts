import en from '../content/i18n/en.json' with { type: 'json' };
import ja from '../content/i18n/ja.json' with { type: 'json' };

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

/** Each name of `keys` with its key's text in `lang`. */
export function translated<Name extends string>(
  lang: PageLang,
  keys: Record<Name, string>,
): Record<Name, string> {
  const t = translatorFor(lang);
  return Object.fromEntries(
    Object.entries<string>(keys).map(([name, key]) => [name, t(key)]),
  ) as Record<Name, string>;
}
