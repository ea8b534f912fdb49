import { fetchJson } from './fetch-json.ts';
import type { InsecureNoticeWords } from './insecure-notice-words.ts';

/**
 * Fills and shows each not-a-secure-context notice on a page opened over plain HTTP from another
 * machine; elsewhere the notices stay empty and hidden, and nothing is fetched. The words come
 * from the JSON file each notice names (`data-insecure-context`); the lab's notice (`data-lab`)
 * speaks of that lab.
 */
export async function showInsecureNotices(): Promise<void> {
  if (window.isSecureContext) return;
  const notices = [...document.querySelectorAll<HTMLElement>('[data-insecure-context]')];
  const words = new Map<string, Promise<InsecureNoticeWords>>();
  for (const notice of notices) {
    const url = notice.dataset.insecureContext!;
    if (!words.has(url)) words.set(url, fetchJson<InsecureNoticeWords>(url));
  }
  for (const notice of notices) {
    const said = await words.get(notice.dataset.insecureContext!)!.catch(() => undefined);
    if (!said) continue;
    const lab = notice.dataset.lab !== undefined;
    const strong = document.createElement('strong');
    strong.textContent = lab ? said.labHeading : said.heading;
    const what = document.createElement('p');
    what.append(strong, ` ${lab ? said.labExplain : said.explain}`);
    const link = document.createElement('a');
    link.href = notice.dataset.href!;
    link.textContent = said.link;
    const fixes = document.createElement('p');
    fixes.append(`${said.fixes} `, link);
    notice.replaceChildren(what, fixes);
    notice.setAttribute('aria-label', said.label);
    notice.hidden = false;
  }
}
