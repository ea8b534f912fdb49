import type { Exercise, Lang } from '../../../labs/kit/types.ts';
import type { ExerciseProgress } from '../stored-progress.ts';
import { stateOf, type ExerciseState } from './exercise-progress.ts';
import type { LabLayout } from './lab-layout.ts';
import { format, localize, type WorkbenchStrings } from './strings.ts';
import { tabAfterKey } from './tab-keys.ts';

/** How an exercise's standing reads: "not started", "3 of 4", "done ✓", "solved with the solution". */
export function exerciseStatusText(progress: ExerciseProgress, strings: WorkbenchStrings): string {
  const texts: Record<ExerciseState, string> = {
    'not-started': strings.exerciseNotStarted,
    partial: format(strings.exercisePartial, progress as unknown as Record<string, number>),
    done: strings.exerciseDone,
    solution: strings.exerciseSolution,
  };
  return texts[stateOf(progress)];
}

/** A short mark for a file tab: ✓ when done, "3/4" on the way, nothing before the first pass. */
const tabMark = (progress: ExerciseProgress): string =>
  ({
    'not-started': '',
    partial: `${progress.passed}/${progress.total}`,
    done: '✓',
    solution: '✓',
  })[stateOf(progress)];

/**
 * One exercise at a time: tabs at the top of the instructions column pick the exercise, whose
 * instructions show (the others fold away) and whose file opens. Each tab, each line of the plan
 * box and each file tab carries the exercise's status from the latest run.
 */
export function exercisePicker(options: {
  root: HTMLElement;
  layout: LabLayout;
  exercises: Exercise[];
  strings: WorkbenchStrings;
  lang: Lang;
  onSelect(exercise: Exercise): void;
}) {
  const { root, layout, exercises, strings, lang } = options;
  const plan = document.querySelector<HTMLElement>(`[data-plan="${root.dataset.lab}"]`);
  const list = document.createElement('div');
  list.className = 'wb-exercises';
  list.setAttribute('role', 'tablist');
  list.setAttribute('aria-label', strings.exercisesLabel);
  let current = exercises[0];

  const tabs = exercises.map((exercise) => {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.setAttribute('role', 'tab');
    tab.dataset.exercise = String(exercise.number);
    tab.title = localize(exercise.title, lang);
    const section = layout.sections.get(exercise.number);
    if (section) tab.setAttribute('aria-controls', section.id);
    const name = document.createElement('span');
    name.className = 'wb-exercise-name';
    name.textContent = format(strings.exerciseTab, { n: exercise.number });
    const status = document.createElement('span');
    status.className = 'wb-exercise-status';
    tab.append(name, status);
    tab.addEventListener('click', () => select(exercise.number));
    tab.addEventListener('keydown', (event) => {
      const to = tabAfterKey(event.key, exercises.indexOf(exercise), exercises.length);
      if (to === undefined) return;
      event.preventDefault();
      const next = exercises[to];
      select(next.number);
      list.querySelector<HTMLElement>(`[data-exercise="${next.number}"]`)!.focus();
    });
    return tab;
  });
  list.append(...tabs);
  layout.instructions.prepend(list);

  function select(number: number) {
    const exercise = exercises.find((candidate) => candidate.number === number) ?? exercises[0];
    const changed = exercise !== current;
    current = exercise;
    for (const tab of tabs) {
      const selected = tab.dataset.exercise === String(exercise.number);
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
    }
    for (const [n, section] of layout.sections) section.hidden = n !== exercise.number;
    // A new exercise starts at its title, not where the last one was scrolled to.
    if (changed && list.getBoundingClientRect().top < 0) list.scrollIntoView({ block: 'start' });
    options.onSelect(exercise);
  }

  return {
    select,
    current: () => current,
    /** The exercise a learner file belongs to, if any. */
    exerciseOf: (file: string) => exercises.find((exercise) => exercise.file === file),
    showProgress(progress: Record<string, ExerciseProgress>) {
      for (const exercise of exercises) {
        const own = progress[exercise.number];
        const text = own ? exerciseStatusText(own, strings) : strings.exerciseNotStarted;
        const state = own ? stateOf(own) : 'not-started';
        const tab = tabs[exercises.indexOf(exercise)];
        tab.dataset.state = state;
        tab.querySelector('.wb-exercise-status')!.textContent = text;
        const line = plan?.querySelector<HTMLElement>(`[data-exercise="${exercise.number}"]`);
        if (line) {
          line.dataset.state = state;
          line.querySelector('[data-exercise-status]')!.textContent = text;
        }
        const fileTab = root.querySelector<HTMLElement>(
          `[role="tab"][data-file="${exercise.file}"]`,
        );
        if (fileTab) {
          fileTab.dataset.state = state;
          fileTab.querySelector('.wb-tab-mark')!.textContent = own ? tabMark(own) : '';
          fileTab.querySelector('.wb-tab-status')!.textContent =
            `, ${format(strings.exerciseTab, { n: exercise.number })}: ${text}`;
        }
      }
    },
  };
}
