import { bytesBilledFor } from './bigquery-pricing.ts';
import { evaluate, referencedColumns, type Query, type Row, type Value } from './query.ts';

export { avg, count, countDistinct, max, min, sum } from './query.ts';
export type { Aggregate, Comparison, Condition, Query, Row, Value } from './query.ts';

/**
 * A small table stored by column, as BigQuery stores data, that reports what each query would be
 * billed on demand: the bytes of every column the query references, whole, whatever its filter
 * or LIMIT; then BigQuery's minimum and rounding (see bigquery-pricing.ts). It runs in memory and
 * is a model for learning, not BigQuery.
 */
export type ColumnType = 'INT64' | 'FLOAT64' | 'BOOL' | 'TIMESTAMP' | 'STRING';

/** What BigQuery's job history (INFORMATION_SCHEMA.JOBS) keeps of each query, in this model. */
export interface QueryJob {
  query: Query;
  dryRun: boolean;
  /** The referenced columns, in table order. */
  columns: string[];
  totalBytesProcessed: number;
  totalBytesBilled: number;
}

export interface QueryResult {
  rows: Row[];
  totalBytesProcessed: number;
  totalBytesBilled: number;
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
  /** Every query and dry run run on this table, oldest first. */
  readonly jobs: QueryJob[] = [];
  readonly #columns: Readonly<Record<string, readonly Value[]>>;

  constructor(
    name: string,
    schema: Record<string, ColumnType>,
    columns: Record<string, readonly Value[]>,
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
  dryRun(query: Query): Omit<QueryResult, 'rows'> {
    return this.#record(query, true);
  }

  query(query: Query): QueryResult {
    const job = this.#record(query, false);
    const rows = evaluate(
      query,
      this.columnNames,
      this.numRows,
      (column, row) => this.#columns[column][row],
    );
    return {
      rows,
      totalBytesProcessed: job.totalBytesProcessed,
      totalBytesBilled: job.totalBytesBilled,
    };
  }

  #record(query: Query, dryRun: boolean): QueryJob {
    const columns = referencedColumns(query, this.name, this.columnNames);
    const totalBytesProcessed = columns.reduce(
      (total, column) => total + this.columnBytes(column),
      0,
    );
    const job = {
      query,
      dryRun,
      columns,
      totalBytesProcessed,
      totalBytesBilled: bytesBilledFor(totalBytesProcessed),
    };
    this.jobs.push(job);
    return job;
  }
}
