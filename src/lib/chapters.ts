import { getCollection, type CollectionEntry } from 'astro:content';
import { localeOf } from './programme.ts';

/**
 * Every chapter page (talks and the summary) of a locale in reading order. A chapter not yet
 * translated falls back to its English twin, as Starlight does for the page itself.
 */
export async function getChaptersInOrder(locale: string): Promise<CollectionEntry<'docs'>[]> {
  const all = await getCollection('docs', (entry) => /^(ja\/)?chapters\//.test(entry.id));
  const english = all.filter((entry) => localeOf(entry.id) === 'root');
  const chapters = english.map((entry) =>
    locale === 'root' ? entry : (all.find((candidate) => candidate.id === `${locale}/${entry.id}`) ?? entry),
  );
  return chapters.sort((a, b) => (a.data.sidebar.order ?? 0) - (b.data.sidebar.order ?? 0));
}
