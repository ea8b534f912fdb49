import { readProgress } from './lab-workbench/lab-storage.ts';

/**
 * Adds a ✓ after the sidebar link and the home-page card of every lab the learner finished, and
 * a different mark where every check passed only with the untouched solution in place.
 */
export function showProgressMarks(): void {
  const done = document.querySelector<HTMLTemplateElement>('template[data-progress-mark]');
  const solution = document.querySelector<HTMLTemplateElement>('template[data-progress-mark-solution]');
  if (!done || !solution) return;
  const templates = { done, solution };
  const progress = readProgress();
  const markOf = (slug: string) => (progress[slug]?.done ? 'done' : progress[slug]?.solution ? 'solution' : undefined);
  const targets = [
    ...document.querySelectorAll<HTMLAnchorElement>('#starlight__sidebar a[href*="/labs/"]'),
    ...document.querySelectorAll<HTMLAnchorElement>('[data-lab-slug] > a'),
  ];
  for (const link of targets) {
    const slug = link.closest<HTMLElement>('[data-lab-slug]')?.dataset.labSlug ?? link.pathname.split('/labs/')[1]?.replace(/\/$/, '');
    const mark = slug ? markOf(slug) : undefined;
    if (!mark || link.dataset.progress === mark) continue;
    link.querySelector('.progress-mark')?.remove();
    link.append(templates[mark].content.cloneNode(true));
    link.dataset.progress = mark;
    if (mark === 'done') link.dataset.done = 'true';
    else delete link.dataset.done;
  }
}
