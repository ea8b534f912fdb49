import { positionIn, type SqlError } from './sql-error.ts';

/**
 * Where a refused query's problem is in the learner's file, as `file:line:column: `: the query's
 * text is found in the file (inside a string or template literal) and the problem's offset
 * counted from there. A query built with `${…}` may not be found whole; then its text up to the
 * end of the problem's line is tried, then the line of the learner's call (from the stack).
 */
export function whereInFile(error: SqlError, file: string, source: string | undefined): string {
  if (source !== undefined && error.offset !== undefined) {
    const lineEnd = error.sql.indexOf('\n', error.offset);
    for (const text of [error.sql, error.sql.slice(0, lineEnd < 0 ? undefined : lineEnd)]) {
      const start = quotedStart(source, text);
      if (start !== undefined)
        return `${file}:${positionIn(source, start + error.offset).join(':')}: `;
    }
  }
  const call = new RegExp(`${file.replace(/\./g, '\\.')}:(\\d+)`).exec(error.stack ?? '');
  return call ? `${file}:${call[1]}: ` : '';
}

/** The first place `text` starts right after a quote or backtick, so a copy in a comment is skipped. */
function quotedStart(source: string, text: string): number | undefined {
  if (text.trim() === '') return undefined;
  for (let at = source.indexOf(text); at >= 0; at = source.indexOf(text, at + 1)) {
    if (/["'`]/.test(source[at - 1] ?? '')) return at;
  }
  return undefined;
}
