import { hintsInOrder } from '../../../labs/kit/hints-in-order.ts';
import type { CheckResult, Lang, RunReport } from '../../../labs/kit/types.ts';
import { format, localize, type WorkbenchStrings } from './strings.ts';

const statusMark = { pass: '✓', fail: '✗', timeout: '✗', 'not-run': '·' } as const;

/**
 * Draws a run's results: one item per check (passed or failed, with what was expected and what
 * came back), hints revealed one at a time from a failed check (the one that fits the failure
 * first), a summary line and the run's seed.
 */
export function renderResults(options: {
  container: HTMLElement;
  report: RunReport;
  lang: Lang;
  strings: WorkbenchStrings;
  hintsShown: Record<string, number>;
  onShowHint(checkId: string): void;
}): void {
  const { container, report, lang, strings, hintsShown } = options;
  const passed = report.results.filter((result) => result.status === 'pass').length;
  const total = report.results.length;
  container.replaceChildren();

  const summary = element('p', 'wb-summary', passed === total ? strings.allPass : format(strings.summary, { passed, total }));
  summary.dataset.state = passed === total ? 'pass' : 'fail';
  container.append(summary);
  if (report.seed !== undefined) {
    container.append(element('p', 'wb-seed', format(strings.seed, { seed: report.seed, lab: report.lab })));
  }

  if (report.loadError) {
    const { file, line, message } = report.loadError;
    const text = !file ? message : format(line ? strings.loadErrorAt : strings.loadError, { file, line: line ?? '', message });
    container.append(element('p', 'wb-load-error', text));
  }

  const list = element('ol', 'wb-checks');
  for (const result of report.results) list.append(checkItem(result, lang, strings, hintsShown[result.id] ?? 0, options.onShowHint));
  container.append(list);
}

function checkItem(result: CheckResult, lang: Lang, strings: WorkbenchStrings, shown: number, onShowHint: (id: string) => void) {
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
  if (result.message) item.append(element('p', 'wb-message', localize(result.message, lang)));
  if (result.expected !== undefined || result.actual !== undefined) {
    const values = element('dl', 'wb-values');
    if (result.expected !== undefined) values.append(element('dt', '', strings.expected), element('dd', '', result.expected));
    if (result.actual !== undefined) values.append(element('dt', '', strings.actual), element('dd', '', result.actual));
    item.append(values);
  }
  const ordered = hintsInOrder(result);
  if (result.status !== 'pass' && ordered.length) {
    const hints = element('ol', 'wb-hints');
    ordered.slice(0, shown).forEach((hint, index) => {
      hints.append(element('li', '', `${format(strings.hintLabel, { n: index + 1 })} ${localize(hint, lang)}`, { tabindex: '-1' }));
    });
    item.append(hints);
    if (shown < ordered.length) {
      const button = element('button', 'wb-hint-button', format(strings.showHint, { n: shown + 1, total: ordered.length }), {
        type: 'button',
      });
      button.addEventListener('click', () => onShowHint(result.id));
      item.append(button);
    }
  }
  return item;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}
