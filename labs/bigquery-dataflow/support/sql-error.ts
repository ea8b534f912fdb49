import type { Text } from '../../kit/types.ts';

/**
 * A query the lab's table refused: a syntax error, a name it does not know, or a construct its
 * engine cannot run. `offset` is where in the SQL text (0-based), when the parser knows; the
 * message ends the way BigQuery's do, with `at [line:column]` of the query.
 */
export class SqlError extends Error {
  readonly text: Text;
  readonly sql: string;
  readonly offset?: number;

  constructor(sql: string, text: Text, offset?: number) {
    const at = offset === undefined ? '' : ` at [${positionIn(sql, offset).join(':')}]`;
    const located = { en: `${text.en}${at}`, ja: `${text.ja}${at}` };
    super(located.en);
    this.name = 'SqlError';
    this.text = located;
    this.sql = sql;
    this.offset = offset;
  }
}

/** True for a `SqlError`, also one from another copy of this file (the page bundles support code apart). */
export function isSqlError(error: unknown): error is SqlError {
  return (
    error instanceof Error &&
    error.name === 'SqlError' &&
    typeof (error as Partial<SqlError>).sql === 'string'
  );
}

/** 1-based line and column of `offset` in `text`. */
export function positionIn(text: string, offset: number): [line: number, column: number] {
  const before = text.slice(0, offset).split('\n');
  return [before.length, before[before.length - 1].length + 1];
}
