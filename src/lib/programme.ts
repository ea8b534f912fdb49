import { getCollection, type CollectionEntry } from 'astro:content';
import type { Talk } from './schemas.ts';

export type Chapter = CollectionEntry<'docs'> & { data: { talk: Talk } };

/** Locale folder of an entry id (`ja/chapters/x` → `ja`), or `root` for English. */
export function localeOf(id: string): string {
  const first = id.split('/')[0];
  return first === 'ja' ? 'ja' : 'root';
}

/** Talk chapters of one locale, in the order they were given on the night. */
export async function getProgramme(locale: string): Promise<Chapter[]> {
  const entries = await getCollection('docs', (entry) => Boolean(entry.data.talk));
  return (entries as Chapter[])
    .filter((entry) => localeOf(entry.id) === locale)
    .sort((a, b) => a.data.talk.order - b.data.talk.order);
}

/** Lab pages of one locale, in the order of the talks they come from. */
export async function getLabPages(locale: string) {
  const entries = await getCollection('docs', (entry) => Boolean(entry.data.lab));
  const programme = await getProgramme(locale);
  const talkOrder = (slug: string) =>
    programme.find((chapter) => chapter.data.talk.lab === slug)?.data.talk.order ?? Infinity;
  return entries
    .filter((entry) => localeOf(entry.id) === locale)
    .sort((a, b) => talkOrder(a.data.lab!.slug) - talkOrder(b.data.lab!.slug));
}

/** Site-relative link to an entry (Starlight ids are slugs; the index page is the empty slug). */
export function hrefOf(id: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${id === 'index' ? '' : `${id}/`}`;
}
