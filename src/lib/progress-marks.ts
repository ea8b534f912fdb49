import { readProgress } from './lab-workbench/lab-storage.ts';

/** Adds a ✓ after the sidebar link and the home-page card of every lab the learner finished. */
export function showProgressMarks(): void {
  const template = document.querySelector<HTMLTemplateElement>('template[data-progress-mark]');
  if (!template) return;
  const done = Object.entries(readProgress())
    .filter(([, progress]) => progress.done)
    .map(([slug]) => slug);
  const targets = [
    ...document.querySelectorAll<HTMLAnchorElement>('#starlight__sidebar a[href*="/labs/"]'),
    ...document.querySelectorAll<HTMLAnchorElement>('[data-lab-slug] > a'),
  ];
  for (const link of targets) {
    const slug = link.closest<HTMLElement>('[data-lab-slug]')?.dataset.labSlug ?? link.pathname.split('/labs/')[1]?.replace(/\/$/, '');
    if (!slug || !done.includes(slug) || link.querySelector('.progress-mark')) continue;
    link.append(template.content.cloneNode(true));
    link.dataset.done = 'true';
  }
}
