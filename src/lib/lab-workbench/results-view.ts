import { comparedIn } from '../../../labs/kit/compared-value.ts';
import { hintsInOrder } from '../../../labs/kit/hints-in-order.ts';
import type { CheckResult, Exercise, Lang, RunReport } from '../../../labs/kit/types.ts';
import { element } from '../dom-element.ts';
import { withCodeSpans } from './code-spans.ts';
import { exerciseProgress, stateOf } from './exercise-progress.ts';
import { exerciseStatusText } from './exercise-picker.ts';
import { format, localize, type WorkbenchStrings } from './strings.ts';
import type { ValueLine } from './value-difference.ts';

const statusMark = { pass: '✓', fail: '✗', timeout: '✗', 'not-run': '·' } as const;

/**
 * Draws a run's results: a summary line for the lab, then the checks grouped by exercise, the
 * exercise being worked on first and open, the others folded under their status (all open after
 * Run all). Each check says passed or failed, with what was expected and what came back, and
 * hints are revealed one at a time from a failed check (the one that fits the failure first).
 * Gives what a screen reader is to say of the run: the summary line, and a file that did not load.
 */
export function renderResults(options: {
  container: HTMLElement;
  report: RunReport;
  lang: Lang;
  strings: WorkbenchStrings;
  exercises: Exercise[];
  /** The exercise the run was for, or every exercise (Run all). */
  focus: number | 'all';
  /** Groups the learner unfolded, kept open when the results are drawn again. */
  unfolded: Set<number>;
  isSolution(file: string): boolean;
  hintsShown: Record<string, number>;
  onShowHint(checkId: string): void;
  /** Brings a location (1-based line and column) of a learner file into the editor. */
  onLocate(file: string, line: number, column: number): void;
}): string {
  const { container, report, lang, strings, hintsShown, exercises, focus, unfolded } = options;
  const passed = report.results.filter((result) => result.status === 'pass').length;
  const total = report.results.length;
  container.replaceChildren();

  const progress = exerciseProgress(exercises, report.results, options.isSolution);
  const withSolution = Object.values(progress).some((exercise) => exercise.solution);
  const allPass = passed === total;
  const summary = element(
    'p',
    'wb-summary',
    !allPass
      ? format(strings.summary, { passed, total })
      : withSolution
        ? strings.allPassSolution
        : strings.allPass,
  );
  summary.dataset.state = !allPass ? 'fail' : withSolution ? 'solution' : 'pass';
  container.append(summary);
  const said = [summary.textContent];
  if (report.seed !== undefined) {
    container.append(
      element('p', 'wb-seed', format(strings.seed, { seed: report.seed, lab: report.lab })),
    );
  }

  if (report.loadError) {
    const { file, line, column, message } = report.loadError;
    const text = !file
      ? message
      : format(line ? strings.loadErrorAt : strings.loadError, { file, line: line ?? '', message });
    const error = element('p', 'wb-load-error');
    error.append(...withCodeSpans(text));
    if (file && line) {
      const go = element('button', 'wb-location', `${file}:${line}${column ? `:${column}` : ''}`, {
        type: 'button',
        'aria-label': format(strings.goToLocation, { file, line }),
      });
      go.addEventListener('click', () => options.onLocate(file, line, column ?? 1));
      error.append(' ', go);
    }
    container.append(error);
    said.push(error.textContent);
  }

  const ordered =
    focus === 'all'
      ? exercises
      : [...exercises].sort((a, b) => Number(b.number === focus) - Number(a.number === focus));
  const groups = element('div', 'wb-checks');
  for (const exercise of ordered) {
    const group = element('details', 'wb-group');
    group.dataset.exercise = String(exercise.number);
    group.dataset.state = stateOf(progress[exercise.number]);
    group.open = focus === 'all' || focus === exercise.number || unfolded.has(exercise.number);
    group.addEventListener('toggle', () => {
      if (group.open) unfolded.add(exercise.number);
      else unfolded.delete(exercise.number);
    });
    const title = format(strings.exerciseGroup, {
      n: exercise.number,
      title: localize(exercise.title, lang),
    });
    const summaryLine = element('summary', 'wb-group-title', title);
    summaryLine.append(
      element('span', 'wb-group-status', exerciseStatusText(progress[exercise.number], strings)),
    );
    const list = element('ol', 'wb-group-checks');
    for (const result of report.results.filter((result) => result.exercise === exercise.number)) {
      list.append(checkItem(result, lang, strings, hintsShown[result.id] ?? 0, options.onShowHint));
    }
    group.append(summaryLine, list);
    groups.append(group);
  }
  container.append(groups);
  return said.join(' ');
}

function checkItem(
  result: CheckResult,
  lang: Lang,
  strings: WorkbenchStrings,
  shown: number,
  onShowHint: (id: string) => void,
) {
  const item = element('li', 'wb-check');
  item.dataset.status = result.status;
  item.dataset.checkId = result.id;
  const heading = element('p', 'wb-check-title');
  heading.append(
    element('span', 'wb-mark', statusMark[result.status], { 'aria-hidden': 'true' }),
    element('span', 'sr-only', `${strings[`status.${result.status}`]}: `),
    element('code', 'wb-check-id', result.id),
    ` ${localize(result.title, lang)}`,
  );
  item.append(heading);
  if (result.message) {
    const message = element('p', 'wb-message');
    message.append(...withCodeSpans(localize(result.message, lang)));
    item.append(message);
  }
  if (result.expected !== undefined || result.actual !== undefined)
    item.append(comparedValues(result, strings, lang));
  const ordered = hintsInOrder(result);
  if (result.status !== 'pass' && ordered.length) {
    // No list until a hint is shown: an empty one is read out as "list, 0 items".
    const hints = element('ol', 'wb-hints');
    ordered.slice(0, shown).forEach((hint, index) => {
      const line = element('li', '', `${format(strings.hintLabel, { n: index + 1 })} `, {
        tabindex: '-1',
      });
      line.append(...withCodeSpans(localize(hint, lang)));
      hints.append(line);
    });
    if (shown > 0) item.append(hints);
    if (shown < ordered.length) {
      const button = element(
        'button',
        'wb-hint-button',
        format(strings.showHint, { n: shown + 1, total: ordered.length }),
        {
          type: 'button',
        },
      );
      button.addEventListener('click', () => onShowHint(result.id));
      item.append(button);
    }
  }
  return item;
}

/**
 * Expected and Got, one above the other when they span lines. Where both are given and have
 * enough in common, the lines that differ get a `›` (and "differs" for a screen reader) and the
 * differing parts a highlight, with a legend saying so: colour is never the only marker. The
 * comparison comes in its own chunk (it shares CodeMirror's diff with Compare with solution), so
 * the values show at once and the marks follow; should the chunk fail to load, they stay plain.
 */
function comparedValues(result: CheckResult, strings: WorkbenchStrings, lang: Lang): HTMLElement {
  const values = element('dl', 'wb-values');
  const add = (label: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    const value = element('dd', 'wb-value', text);
    if (text.includes('\n')) value.dataset.multiline = 'true';
    values.append(element('dt', '', label), value);
    return value;
  };
  const expectedText = comparedIn(result.expected, lang);
  const actualText = comparedIn(result.actual, lang);
  const expected = add(strings.expected, expectedText);
  const actual = add(strings.actual, actualText);
  if (!expected || !actual) return values;
  import('./value-difference.ts').then(
    ({ valueDifference }) => {
      const difference = valueDifference(expectedText!, actualText!);
      if (!difference) return;
      expected.replaceChildren(...difference.expected.map((line) => valueLine(line, strings)));
      actual.replaceChildren(...difference.actual.map((line) => valueLine(line, strings)));
      const legend = difference.visibleWhitespace
        ? `${strings.valuesLegend} ${strings.whitespaceLegend}`
        : strings.valuesLegend;
      values.after(element('p', 'wb-values-legend', legend));
    },
    () => undefined,
  );
  return values;
}

function valueLine(line: ValueLine, strings: WorkbenchStrings): HTMLElement {
  const row = element('div', 'wb-value-line');
  // A wrapped line continues under its own text, not under the braces.
  const text = line.segments.map((segment) => segment.text).join('');
  row.style.setProperty('--indent', String(text.length - text.trimStart().length));
  if (line.differs) {
    row.dataset.differs = 'true';
    row.append(
      element('span', 'wb-differs', '›', { 'aria-hidden': 'true' }),
      element('span', 'sr-only', `${strings.valueDiffers} `),
    );
  }
  row.append(
    ...line.segments.map((segment) =>
      segment.differs ? element('mark', '', segment.text) : segment.text,
    ),
  );
  return row;
}
