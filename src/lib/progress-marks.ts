import { element } from './dom-element.ts';
import { stateOf } from './lab-workbench/exercise-progress.ts';
import { readProgress, type LabProgress } from './lab-workbench/lab-storage.ts';
import { format } from './lab-workbench/strings.ts';

/** What a lab link shows: ✓ done, ◇ passed only with the untouched solution, or exercises so far. */
type Mark =
  | { kind: 'done' | 'solution' }
  | { kind: 'partial'; done: number; solution: number; total: number };

/** A lab's mark from its stored progress; none before its first run that got anywhere. */
export function markOf(progress: LabProgress | undefined): Mark | undefined {
  if (progress?.done) return { kind: 'done' };
  if (progress?.solution) return { kind: 'solution' };
  const exercises = Object.values(progress?.exercises ?? {});
  const states = exercises.map(stateOf);
  const done = states.filter((state) => state === 'done').length;
  const solution = states.filter((state) => state === 'solution').length;
  if (!done && !solution) return undefined;
  return { kind: 'partial', done, solution, total: exercises.length };
}

/** The page's words for the marks, in its language (`ProgressMarks.astro`). */
type MarkWords = DOMStringMap;

/**
 * A mark as a link shows it: its sign for the eye, its words for a screen reader and on hover.
 * `<span class="progress-mark" title="Lab done"><span aria-hidden="true">✓</span><span
 * class="sr-only">Lab done</span></span>`; a partial mark says "2 of 5 exercises done" and shows 2/5.
 */
function markNode(mark: Mark, words: MarkWords): HTMLElement {
  let sign: string;
  let label: string;
  if (mark.kind === 'partial') {
    sign = `${mark.done}/${mark.total}${mark.solution ? ` ◇${mark.solution}` : ''}`;
    label =
      format(words.exercises!, mark) +
      (mark.solution ? format(words.exercisesSolution!, mark) : '');
  } else {
    sign = mark.kind === 'done' ? '✓' : '◇';
    label = words[mark.kind]!;
  }
  const node = element('span', 'progress-mark', undefined, { title: label });
  if (mark.kind !== 'done') node.dataset[mark.kind] = '';
  node.append(
    element('span', '', sign, { 'aria-hidden': 'true' }),
    element('span', 'sr-only', label),
  );
  return node;
}

/**
 * Marks the sidebar link and the home-page card of every lab the learner has worked on: ✓ when it
 * is done, ◇ where every check passed only with the untouched solution, and while it is under way
 * how many exercises are done ("2/5", with "◇1" for those passed with the solution), said in full
 * to a screen reader and on hover.
 */
export function showProgressMarks(): void {
  const words = document.querySelector<HTMLElement>('[data-progress-words]')?.dataset;
  if (!words) return;
  const progress = readProgress();
  const targets = [
    ...document.querySelectorAll<HTMLAnchorElement>('#starlight__sidebar a[href*="/labs/"]'),
    ...document.querySelectorAll<HTMLAnchorElement>('[data-lab-slug] > a'),
  ];
  for (const link of targets) {
    const slug =
      link.closest<HTMLElement>('[data-lab-slug]')?.dataset.labSlug ??
      link.pathname.split('/labs/')[1]?.replace(/\/$/, '');
    const mark = slug ? markOf(progress[slug]) : undefined;
    const key =
      mark?.kind === 'partial' ? `${mark.done}/${mark.total}/${mark.solution}` : mark?.kind;
    if (!mark || link.dataset.progressKey === key) continue;
    link.querySelector('.progress-mark')?.remove();
    const node = markNode(mark, words);
    link.append(node);
    link.dataset.progress = mark.kind;
    link.dataset.progressKey = key;
    if (mark.kind === 'done') link.dataset.done = 'true';
    else delete link.dataset.done;
  }
}
