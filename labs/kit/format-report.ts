import type { Lang, RunReport } from './types.ts';

const labels = {
  en: { expected: 'Expected', actual: 'Got', hint: 'Hint', loadFailed: 'Could not load', notRun: 'not run', line: 'line' },
  ja: { expected: '期待値', actual: '実際', hint: 'ヒント', loadFailed: '読み込めませんでした', notRun: '未実行', line: '行' },
} as const;

const marks = { pass: '✓', fail: '✗', timeout: '✗', 'not-run': '·' } as const;

/** The CLI's text: one line per check (`✓`/`✗`, id, title), details indented below, then a summary. */
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
    if (result.expected !== undefined) lines.push(`    ${l.expected}: ${result.expected}`);
    if (result.actual !== undefined) lines.push(`    ${l.actual}: ${result.actual}`);
    const firstHint = result.hints[0];
    if (result.status !== 'pass' && result.status !== 'not-run' && firstHint) {
      lines.push(`    ${l.hint}: ${firstHint[lang]}`);
    }
  }
  const passed = report.results.filter((result) => result.status === 'pass').length;
  lines.push('', `${passed} passed, ${report.results.length - passed} failed`);
  return lines.join('\n');
}
