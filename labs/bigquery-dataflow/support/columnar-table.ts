import type { SqlJsStatic } from 'sql.js';
import { bytesBilledFor } from './bigquery-pricing.ts';
import { errorMessage } from '../../kit/describe-thrown.ts';
import { analyzeQuery, type QueryShape } from './sql-analysis.ts';
import { SqlError } from './sql-error.ts';
import { copyFor, type RowSource } from './sqlite-copies.ts';

/**
 * A small table stored by column, as BigQuery stores data, queried in GoogleSQL. `dryRun(sql)`
 * reports the bytes a query would process, as a BigQuery dry run does (which bills nothing): the
 * bytes of every column it references, whole, whatever its filter or LIMIT. `query(sql)` runs it
 * in SQLite (sql.js) over exactly those columns, so the engine can never read a column the bill
 * left out, and reports the same bytes and what on-demand BigQuery bills for them, with its
 * minimum and rounding (bigquery-pricing.ts). A model for learning, not BigQuery.
 */
export type ColumnType = 'INT64' | 'FLOAT64' | 'BOOL' | 'TIMESTAMP' | 'STRING';
export type Value = string | number | boolean | null;
export type Row = Record<string, Value>;

/** What BigQuery's job history (INFORMATION_SCHEMA.JOBS) keeps of each query, in this model. */
export interface QueryJob {
  readonly sql: string;
  readonly dryRun: boolean;
  /** The referenced columns, in table order. */
  readonly columns: readonly string[];
  /** The query says SELECT * / LIMIT: what the checks' messages explain. */
  readonly star: boolean;
  readonly limit: boolean;
  readonly totalBytesProcessed: number;
  readonly totalBytesBilled: number;
}

/** What a dry run reports: the bytes the query would process. A dry run itself is not billed. */
export interface DryRunResult {
  totalBytesProcessed: number;
}

export interface QueryResult extends DryRunResult {
  /** What on-demand BigQuery bills for the run: the processed bytes after its minimum and rounding. */
  totalBytesBilled: number;
  rows: Row[];
}

/**
 * Logical bytes of one value, from GoogleSQL's "Data type sizes" table
 * (cloud.google.com/bigquery/docs/reference/standard-sql/data-types#data_type_sizes): BOOL 1,
 * INT64, FLOAT64 and TIMESTAMP 8, STRING 2 + its UTF-8 length; NULL is 0 for every type.
 */
export function logicalBytes(type: ColumnType, value: Value): number {
  if (value === null) return 0;
  if (type === 'BOOL') return 1;
  if (type === 'STRING') return 2 + utf8Length(String(value));
  return 8;
}

/** UTF-8 length without encoding the text: 1–3 bytes per UTF-16 unit, 4 per surrogate pair. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/** Column sizes, computed once per column array (sample tables share their columns). */
const columnSizes = new WeakMap<readonly Value[], number>();
export class ColumnarTable {
  readonly name: string;
  readonly schema: Readonly<Record<string, ColumnType>>;
  readonly numRows: number;
  readonly #jobs: QueryJob[] = [];
  readonly #columns: Readonly<Record<string, readonly Value[]>>;
  readonly #engine: SqlJsStatic;
  readonly #source: RowSource;

  /**
   * `engine` is sql.js, loaded (see sql-engine.ts): queries then run synchronously. `subset`
   * says the table holds those rows of a larger set of columns, which SQLite may have already.
   */
  constructor(
    name: string,
    schema: Record<string, ColumnType>,
    columns: Record<string, readonly Value[]>,
    engine: SqlJsStatic,
    subset?: { base: Record<string, readonly Value[]>; rows: readonly number[] },
  ) {
    const names = Object.keys(schema);
    this.numRows = columns[names[0]]?.length ?? 0;
    for (const column of names) {
      if (columns[column]?.length !== this.numRows)
        throw new Error(`Column ${column} of ${name} must hold ${this.numRows} values.`);
    }
    this.name = name;
    this.schema = Object.freeze({ ...schema });
    this.#columns = Object.freeze({ ...columns });
    this.#engine = engine;
    this.#source = { name, schema: this.schema, base: subset?.base ?? columns, rows: subset?.rows };
    // The checks judge a query by the jobs this table records, as BigQuery's own job history
    // would: no property of the table, its class or a job can be changed or added afterwards.
    Object.freeze(this);
  }

  /** Every query and dry run run on this table, oldest first: a copy, of records that cannot change. */
  get jobs(): readonly QueryJob[] {
    return [...this.#jobs];
  }

  get columnNames(): string[] {
    return Object.keys(this.schema);
  }

  /** Logical bytes of one whole column: what any query that references it reads. */
  columnBytes(column: string): number {
    const type = this.schema[column];
    if (!type)
      throw new Error(
        `Unrecognized name: ${column}. Columns of ${this.name}: ${this.columnNames.join(', ')}.`,
      );
    const values = this.#columns[column];
    let size = columnSizes.get(values);
    if (size === undefined) {
      size = values.reduce<number>((total, value) => total + logicalBytes(type, value), 0);
      columnSizes.set(values, size);
    }
    return size;
  }

  /** Estimates a query without running it, as a BigQuery dry run does (and it costs nothing). */
  dryRun(sql: string): DryRunResult {
    const { totalBytesProcessed } = this.#record(sql, true).job;
    return { totalBytesProcessed };
  }

  query(sql: string): QueryResult {
    const { job, shape } = this.#record(sql, false);
    const passedThrough = new Set(shape.passedThrough);
    const database = copyFor(this.#engine, this.#source, job.columns, passedThrough);
    const values: Value[][] = [];
    try {
      const statement = database.prepare(sql);
      try {
        if (statement.getColumnNames().length !== shape.outputs.length)
          throw new Error('the result has other columns than the query’s select list.');
        while (statement.step()) values.push(statement.get() as Value[]);
      } finally {
        statement.free();
      }
    } catch (error) {
      throw new SqlError(sql, {
        en: `The lab’s engine (SQLite) could not run this query: ${errorMessage(error)}`,
        ja: `ラボのエンジン(SQLite)はこのクエリを実行できませんでした: ${errorMessage(error)}`,
      });
    }
    let anonymous = 0;
    const keys = shape.outputs.map(({ name }) => name ?? `f${anonymous++}_`);
    const rows = values.map((row) =>
      Object.fromEntries(
        row.map((value, index) => {
          const column = shape.outputs[index].column;
          if (column && passedThrough.has(column))
            return [keys[index], this.#source.base[column][value as number]];
          // SQLite has no BOOL: a BOOL column's 0 and 1 come back as BigQuery gives them.
          if (column && this.schema[column] === 'BOOL' && value !== null)
            return [keys[index], value === 1];
          return [keys[index], value];
        }),
      ),
    );
    return {
      rows,
      totalBytesProcessed: job.totalBytesProcessed,
      totalBytesBilled: job.totalBytesBilled,
    };
  }

  #record(sql: string, dryRun: boolean): { job: QueryJob; shape: QueryShape } {
    const shape = analyzeQuery(sql, this.name, this.columnNames);
    const { columns, star, limit } = shape;
    const totalBytesProcessed = columns.reduce(
      (total, column) => total + this.columnBytes(column),
      0,
    );
    const job: QueryJob = Object.freeze({
      sql,
      dryRun,
      columns: Object.freeze([...columns]),
      star,
      limit,
      totalBytesProcessed,
      totalBytesBilled: bytesBilledFor(totalBytesProcessed),
    });
    this.#jobs.push(job);
    return { job, shape };
  }
}
Object.freeze(ColumnarTable.prototype);
Object.freeze(ColumnarTable);
