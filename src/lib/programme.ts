import { getLocalizedEntries, type LocalizedEntry } from './localized-entries.ts';
import type { Talk } from './schemas.ts';

export type TalkEntry = LocalizedEntry & { talk: Talk };

/** Talk chapters in the order they were given on the night. */
export async function getProgramme(locale: string): Promise<TalkEntry[]> {
  const chapters = await getLocalizedEntries(locale, (entry) => Boolean(entry.data.talk));
  return chapters
    .map((chapter) => ({ ...chapter, talk: chapter.entry.data.talk! }))
    .sort((a, b) => a.talk.order - b.talk.order);
}

/** Lab pages in the order of the talks they come from. */
export async function getLabPages(locale: string): Promise<LocalizedEntry[]> {
  const [labs, programme] = await Promise.all([
    getLocalizedEntries(locale, (entry) => Boolean(entry.data.lab)),
    getProgramme(locale),
  ]);
  const talkOrder = (slug: string) =>
    programme.find((chapter) => chapter.talk.lab === slug)?.talk.order ?? Infinity;
  return labs.sort((a, b) => talkOrder(a.entry.data.lab!.slug) - talkOrder(b.entry.data.lab!.slug));
}
