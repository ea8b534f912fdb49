import { getCollection, type CollectionEntry } from 'astro:content';

export type DocsEntry = CollectionEntry<'docs'>;

export interface LocalizedEntry {
  /** The page in the requested language, or its English twin where no translation exists yet. */
  entry: DocsEntry;
  /** Where the reader of that language finds the page (Starlight serves fallbacks under /ja/ too). */
  href: string;
}

const localePrefix = (locale: string) => (locale === 'root' ? '' : `${locale}/`);

/**
 * English pages that pass `filter`, each replaced by its translation in `locale` where one exists.
 * English is the source of truth for which pages exist, as Starlight's fallback pages are.
 */
export async function getLocalizedEntries(
  locale: string,
  filter: (entry: DocsEntry) => boolean,
): Promise<LocalizedEntry[]> {
  const all = await getCollection('docs');
  const byId = new Map(all.map((entry) => [entry.id, entry]));
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return all
    .filter((entry) => !entry.id.startsWith('ja/') && entry.id !== 'ja' && filter(entry))
    .map((english) => ({
      entry: byId.get(`${localePrefix(locale)}${english.id}`) ?? english,
      href: `${base}/${localePrefix(locale)}${english.id === 'index' ? '' : `${english.id}/`}`,
    }));
}
