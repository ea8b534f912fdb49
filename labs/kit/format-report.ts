import { comparedIn } from './compared-value.ts';
import { hintsInOrder } from './hints-in-order.ts';
import type { Lang, RunReport } from './types.ts';

const labels = {
  en: {
    expected: 'Expected',
    actual: 'Got',
    hint: 'Hint',
    loadFailed: 'Could not load',
    notRun: 'not run',
    line: 'line',
    seed: (seed: number) =>
      `Seed ${seed} (add --seed ${seed} to repeat this run with the same cases)`,
    summary: (passed: number, failed: number) => `${passed} passed, ${failed} failed`,
  },
  ja: {
    expected: '期待値',
    actual: '実際',
    hint: 'ヒント',
    loadFailed: '読み込めませんでした',
    notRun: '未実行',
    line: '行',
    seed: (seed: number) =>
      `シード ${seed}(--seed ${seed} を付けると同じケースでもう一度実行できます)`,
    summary: (passed: number, failed: number) =>
      `${passed} passed, ${failed} failed(成功 ${passed} 件、失敗 ${failed} 件)`,
  },
} as const;

const marks = { pass: '✓', fail: '✗', timeout: '✗', 'not-run': '·' } as const;

/**
 * The CLI's text: one line per check (`✓`/`✗`, id, title), details indented below with the hint
 * that fits the failure, then a summary and the seed that repeats the run.
 */
export function formatReport(report: RunReport, lang: Lang): string {
  const l = labels[lang];
  const lines: string[] = [];
  if (report.loadError) {
    const { file, line, message } = report.loadError;
    lines.push(`${l.loadFailed} ${file}${line ? ` (${l.line} ${line})` : ''}: ${message}`, '');
  }
  for (const result of report.results) {
    const suffix = result.status === 'not-run' ? ` (${l.notRun})` : '';
    lines.push(`${marks[result.status]} ${result.id}  ${result.title[lang]}${suffix}`);
    if (result.message) lines.push(`    ${result.message[lang]}`);
    const [expected, actual] = markDifferingLines(
      comparedIn(result.expected, lang),
      comparedIn(result.actual, lang),
    );
    if (expected !== undefined) lines.push(labelled(l.expected, expected));
    if (actual !== undefined) lines.push(labelled(l.actual, actual));
    const [firstHint] = hintsInOrder(result);
    if (result.status !== 'pass' && result.status !== 'not-run' && firstHint) {
      lines.push(`    ${l.hint}: ${firstHint[lang]}`);
    }
  }
  const passed = report.results.filter((result) => result.status === 'pass').length;
  lines.push('', l.summary(passed, report.results.length - passed));
  if (report.seed !== undefined) lines.push(l.seed(report.seed));
  return lines.join('\n');
}

/** A value after its label; one that spans lines (a pretty-printed object) starts below it, indented as a block. */
function labelled(label: string, value: string): string {
  if (!value.includes('\n')) return `    ${label}: ${value}`;
  return `    ${label}:\n${value.replace(/^/gm, '    ')}`;
}

/**
 * Two values that both span lines get a gutter: `›` on each line the other value does not have (by
 * longest common subsequence of lines, so a missing key marks only its own line), two spaces on
 * the others. A terminal has no highlight to rely on; the page marks the characters as well.
 */
function markDifferingLines(expected?: string, actual?: string): [string?, string?] {
  if (expected === undefined || actual === undefined) return [expected, actual];
  if (!expected.includes('\n') || !actual.includes('\n')) return [expected, actual];
  const a = expected.split('\n');
  const b = actual.split('\n');
  // common[i][j]: the longest run of lines a[i..] and b[j..] share, in order.
  const common = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i][j] =
        a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const keptA = new Set<number>();
  const keptB = new Set<number>();
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      keptA.add(i++);
      keptB.add(j++);
    } else if (common[i + 1][j] >= common[i][j + 1]) i++;
    else j++;
  }
  const gutter = (lines: string[], kept: Set<number>) =>
    lines.map((line, index) => `${kept.has(index) ? '  ' : '› '}${line}`).join('\n');
  return [gutter(a, keptA), gutter(b, keptB)];
}
