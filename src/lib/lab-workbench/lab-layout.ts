import type { WorkbenchStrings } from './strings.ts';
import { tabAfterKey } from './tab-keys.ts';

/**
 * The lab page's narrow layout, as the media queries of LabWorkbench.astro's CSS write it: under
 * 64rem one view at a time (a phone, a narrow tablet); from 64rem the instructions are beside the
 * editor.
 */
export const NARROW_LAYOUT = '(max-width: 63.99rem)';

/** The three parts of a lab a phone shows one at a time; a wide screen shows them all. */
export const VIEWS = ['instructions', 'code', 'results'] as const;
export type LabView = (typeof VIEWS)[number];

/** A heading that opens an exercise's instructions, in either language: "Exercise 2: …", "演習 2: …". */
const EXERCISE_HEADING = /^\s*(?:Exercise|演習)\s*(\d+)/;

export interface LabLayout {
  /** The instructions of each exercise, by its number. */
  sections: Map<number, HTMLElement>;
  /** Where the exercise picker goes: the top of the instructions column. */
  instructions: HTMLElement;
  show(view: LabView): void;
  /** Calls `listener` with each view shown from now on, by the switch or by `show`. */
  onShow(listener: (view: LabView) => void): void;
}

/**
 * Lays a lab page out as a lab: the overview (everything before the first exercise) stays above,
 * each exercise's instructions go in a column beside the workbench (sticky on wide screens), and
 * what follows the last exercise goes below. The instructions are the page's own MDX, so they are
 * moved here, once, instead of being written twice; without JavaScript the page reads top to bottom.
 * A phone gets a switch between Instructions, Code and Results; switching only hides, so nothing
 * (the editor's text, its undo history, the results) is lost.
 */
export function arrangeLabPage(workbench: HTMLElement, strings: WorkbenchStrings): LabLayout {
  const layout = document.createElement('div');
  layout.className = 'wb-layout';
  const instructions = document.createElement('div');
  instructions.className = 'wb-instructions';
  instructions.dataset.pane = 'instructions';
  instructions.id = `${workbench.id}-instructions`;
  instructions.setAttribute('aria-label', strings.viewInstructions);
  instructions.setAttribute('role', 'region');
  const after = document.createElement('div');
  after.className = 'wb-after';

  const sections = new Map<number, HTMLElement>();
  let section: HTMLElement | undefined;
  let seenExercise = false;
  const following = [];
  for (let node = workbench.nextElementSibling; node; node = node.nextElementSibling)
    following.push(node);
  const overview: Element[] = [];
  for (const node of following) {
    const heading = node.matches('h2')
      ? node
      : node.matches('.sl-heading-wrapper.level-h2')
        ? node.querySelector('h2')
        : null;
    const number = heading ? EXERCISE_HEADING.exec(heading.textContent ?? '')?.[1] : undefined;
    if (heading && number) {
      seenExercise = true;
      section = document.createElement('section');
      section.className = 'wb-exercise-text';
      section.dataset.exercise = number;
      section.id = `${workbench.id}-exercise-${number}`;
      section.setAttribute('aria-labelledby', heading.id);
      // Hidden until the exercise picker shows the current exercise, in the same task: the editor
      // measures itself before that, and would have the browser style every exercise's moved text
      // (most of the page) only for all but one to be hidden.
      section.hidden = true;
      sections.set(Number(number), section);
      instructions.append(section);
    } else if (heading) {
      section = undefined;
    }
    if (node.matches('[data-progress-transfer]')) after.append(node);
    else if (section) section.append(node);
    else if (seenExercise) after.append(node);
    else overview.push(node);
  }
  workbench.before(...overview);
  workbench.replaceWith(layout);

  const switcher = document.createElement('div');
  switcher.className = 'wb-switch';
  switcher.setAttribute('role', 'tablist');
  switcher.setAttribute('aria-label', strings.viewsLabel);
  const labels: Record<LabView, string> = {
    instructions: strings.viewInstructions,
    code: strings.viewCode,
    results: strings.viewResults,
  };
  const buttons = VIEWS.map((view) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('role', 'tab');
    button.dataset.view = view;
    button.setAttribute(
      'aria-controls',
      view === 'instructions' ? instructions.id : `${workbench.id}-${view}`,
    );
    button.textContent = labels[view];
    button.addEventListener('click', () => {
      show(view);
      // Deep in a long exercise, the chosen view starts at the switch, not somewhere above it.
      if (layout.getBoundingClientRect().top < 0) layout.scrollIntoView({ block: 'start' });
    });
    button.addEventListener('keydown', (event) => {
      const to = tabAfterKey(event.key, VIEWS.indexOf(view), VIEWS.length);
      if (to === undefined) return;
      event.preventDefault();
      const next = VIEWS[to];
      show(next);
      switcher.querySelector<HTMLElement>(`[data-view="${next}"]`)!.focus();
    });
    return button;
  });
  switcher.append(...buttons);
  layout.append(switcher, instructions, workbench);
  layout.after(after);
  if (!after.childElementCount) after.remove();

  const listeners: Array<(view: LabView) => void> = [];
  function show(view: LabView) {
    layout.dataset.view = view;
    for (const button of buttons) {
      const selected = button.dataset.view === view;
      button.setAttribute('aria-selected', String(selected));
      button.tabIndex = selected ? 0 : -1;
    }
    for (const listener of listeners) listener(view);
  }
  show('instructions');
  return { sections, instructions, show, onShow: (listener) => listeners.push(listener) };
}
