import { getChaptersInOrder } from './chapters.ts';
import { labMinutes } from './lab-sources.ts';
import { getLabPages } from './programme.ts';
import { readingMinutes } from './reading-time.ts';

export interface AgendaItem {
  kind: 'chapter' | 'lab';
  title: string;
  href: string;
  minutes: number;
}

/**
 * The workshop in the order a room works through it: each chapter, then the lab it leads to
 * (a lab that two chapters share comes after the second of them).
 */
export async function getAgenda(
  locale: string,
): Promise<{ items: AgendaItem[]; totalMinutes: number }> {
  const lang = locale === 'ja' ? 'ja' : 'en';
  const [chapters, labs] = await Promise.all([getChaptersInOrder(locale), getLabPages(locale)]);
  const items: AgendaItem[] = [];
  chapters.forEach(({ entry, href }, index) => {
    items.push({
      kind: 'chapter',
      title: entry.data.title,
      href,
      minutes: readingMinutes(entry.body ?? '', lang),
    });
    const slug = entry.data.talk?.lab;
    const nextSharesLab = chapters[index + 1]?.entry.data.talk?.lab === slug;
    const lab = labs.find((page) => page.entry.data.lab?.slug === slug);
    if (slug && lab && !nextSharesLab) {
      items.push({
        kind: 'lab',
        title: lab.entry.data.title,
        href: lab.href,
        minutes: labMinutes(slug),
      });
    }
  });
  return { items, totalMinutes: items.reduce((sum, item) => sum + item.minutes, 0) };
}

/** "4 h 35 min" / "4 時間 35 分" ("1 h", not "1 h 0 min"), for a number of minutes. */
export function formatDuration(minutes: number, lang: 'en' | 'ja'): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (lang === 'ja')
    return [hours && `${hours} 時間`, (rest || !hours) && `${rest} 分`].filter(Boolean).join(' ');
  return [hours && `${hours} h`, (rest || !hours) && `${rest} min`].filter(Boolean).join(' ');
}
