import { linkedExercise } from './linked-exercise.ts';

/**
 * Starlight's "On this page" element: `current` is the setter its class defines, which moves the
 * link's `aria-current` and, in the phone's bar, the text naming the section; `getRootMargin` gives
 * the band under the bar in which Starlight looks for what the reader is reading.
 */
type StarlightContents = HTMLElement & {
  current: HTMLAnchorElement;
  getRootMargin?: () => string;
};

/**
 * Keeps "On this page" off the exercises the reader cannot see. Starlight names the heading above
 * whatever is in view, walking back through the page. A lab page shows one exercise and hides the
 * others in place, so from the workbench down that walk ended in the last exercise's hidden text,
 * and a learner on exercise 1 read "Exercise 5" in the phone's bar. A mark on a heading inside a
 * hidden exercise moves to the shown exercise's heading, whenever Starlight moves the mark and
 * whenever another exercise is shown.
 *
 * Starlight also looks only at what follows a heading, and the exercise picker and the workbench
 * follow none: in a phone's Code and Results views, where the workbench fills the screen, the bar
 * went on naming what was in view before (the overview). When one of `exerciseParts` enters
 * Starlight's band, the shown exercise is marked; and while one is in it, a mark Starlight moves
 * back to the overview (the page's heights changing under the band, as when a run on a phone
 * switches to the results) moves to the shown exercise.
 */
export function contentsFollowExercise(
  sections: Map<number, HTMLElement>,
  exerciseParts: HTMLElement[],
): void {
  const lists = [
    ...document.querySelectorAll<StarlightContents>('starlight-toc, mobile-starlight-toc'),
  ];
  if (!lists.length || !sections.size) return;
  const exercises = [...sections.values()];

  const markShown = (list: StarlightContents) => {
    const shownHeading = exercises
      .find((section) => !section.hidden)
      ?.getAttribute('aria-labelledby');
    if (!shownHeading) return;
    // Matched the way Starlight matches its links to headings.
    const link = [...list.querySelectorAll('a')].find(
      (candidate) => candidate.hash === `#${encodeURIComponent(shownHeading)}`,
    );
    if (link) list.current = link;
  };
  const mend = (list: StarlightContents) => {
    const marked = list.querySelector<HTMLAnchorElement>('a[aria-current="true"]');
    const holder = marked && linkedExercise(sections, marked.hash);
    if (holder ? sections.get(holder.number)!.hidden : inBand(list, exerciseParts)) markShown(list);
  };
  const mendAll = () => lists.forEach(mend);

  for (const list of lists)
    new MutationObserver(() => mend(list)).observe(list, {
      subtree: true,
      attributeFilter: ['aria-current'],
    });
  const shownChanges = new MutationObserver(mendAll);
  for (const section of exercises) shownChanges.observe(section, { attributeFilter: ['hidden'] });
  mendAll();

  for (const list of lists) watchBand(list, exerciseParts, () => markShown(list));
}

/**
 * Calls `enter` when one of `parts` comes into the band `list` reads, measured as Starlight
 * measures it, again after the window is resized (the bar's height may change with it).
 */
function watchBand(list: StarlightContents, parts: HTMLElement[], enter: () => void): void {
  if (typeof list.getRootMargin !== 'function') return;
  let observer: IntersectionObserver | undefined;
  const observe = () => {
    observer?.disconnect();
    observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) enter();
      },
      { rootMargin: list.getRootMargin!() },
    );
    for (const part of parts) observer.observe(part);
  };
  observe();
  let resized: ReturnType<typeof setTimeout> | undefined;
  addEventListener('resize', () => {
    clearTimeout(resized);
    resized = setTimeout(observe, 200);
  });
}

/**
 * Whether one of `parts` is in the band `list` reads now: Starlight's root margin insets the
 * viewport from the top and the bottom ("-120px 0% -671px"), as its IntersectionObserver does.
 */
function inBand(list: StarlightContents, parts: HTMLElement[]): boolean {
  if (typeof list.getRootMargin !== 'function') return false;
  const [top, , bottom] = list.getRootMargin().split(' ').map(parseFloat);
  const from = -top;
  const to = document.documentElement.clientHeight + bottom;
  return parts.some((part) => {
    const box = part.getBoundingClientRect();
    return box.height > 0 && box.top < to && box.bottom > from;
  });
}
