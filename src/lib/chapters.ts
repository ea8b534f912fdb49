import { getLocalizedEntries, type LocalizedEntry } from './localized-entries.ts';

/** Every chapter page (the talks and the summary) in reading order. */
export async function getChaptersInOrder(locale: string): Promise<LocalizedEntry[]> {
  const chapters = await getLocalizedEntries(locale, (entry) => entry.id.startsWith('chapters/'));
  return chapters.sort(
    (a, b) => (a.entry.data.sidebar.order ?? 0) - (b.entry.data.sidebar.order ?? 0),
  );
}
