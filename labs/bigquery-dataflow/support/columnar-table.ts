import { randomInt, seededRandom } from '../../kit/seeded-random.ts';

/**
 * A small columnar table that counts "bytes processed" the way BigQuery's on-demand pricing
 * does: only the columns a query references are read, whole, whatever the WHERE clause or
 * LIMIT. Column sizes follow Google's data-size rules (INT64, FLOAT64 and TIMESTAMP 8 bytes,
 * BOOL 1 byte, STRING 2 bytes plus its UTF-8 length;
 * cloud.google.com/bigquery/docs/storage_overview#data_size_calculation).
 */
export type ColumnType = 'INT64' | 'FLOAT64' | 'TIMESTAMP' | 'BOOL' | 'STRING';
export type Row = Record<string, string | number | boolean>;

/**
 * The minimum billed per table a query references. Model assumption: 10 MB, the figure on
 * BigQuery's on-demand pricing page as we recall it; check cloud.google.com/bigquery/pricing.
 */
export const MINIMUM_BYTES_PER_TABLE = 10 * 1024 * 1024;

/** On-demand price per TiB, USD. Secondary source (the official page moved to per-TiB pricing; 2017's was $5 per TB). */
export const USD_PER_TIB = 6.25;
export const BYTES_PER_TIB = 1024 ** 4;

const textEncoder = new TextEncoder();
function sizeOf(type: ColumnType, value: Row[string]): number {
  if (type === 'BOOL') return 1;
  if (type === 'STRING') return 2 + textEncoder.encode(String(value)).length;
  return 8;
}

export interface Query {
  /** Columns the query reads, anywhere in it (select list, filter, grouping). */
  columns: string[];
  where?: (row: Row) => boolean;
}

export interface QueryResult {
  rows: Row[];
  bytesProcessed: number;
  bytesBilled: number;
}

export class ColumnarTable {
  readonly name: string;
  readonly schema: Record<string, ColumnType>;
  readonly #rows: Row[];

  constructor(name: string, schema: Record<string, ColumnType>, rows: Row[]) {
    this.name = name;
    this.schema = schema;
    this.#rows = rows;
  }

  get columnNames(): string[] {
    return Object.keys(this.schema);
  }

  /** Bytes a full read of each column costs. */
  columnBytes(column: string): number {
    const type = this.schema[column];
    if (!type) throw new Error(`Table ${this.name} has no column "${column}". Columns: ${this.columnNames.join(', ')}.`);
    return this.#rows.reduce((sum, row) => sum + sizeOf(type, row[column]), 0);
  }

  /** Runs a query: returns the matching rows with only the referenced columns, and what it read. */
  query(query: Query): QueryResult {
    const columns = [...new Set(query.columns)];
    const bytesProcessed = columns.reduce((sum, column) => sum + this.columnBytes(column), 0);
    const rows = this.#rows
      .filter((row) => query.where?.(row) ?? true)
      .map((row) => Object.fromEntries(columns.map((column) => [column, row[column]])));
    return { rows, bytesProcessed, bytesBilled: Math.max(bytesProcessed, MINIMUM_BYTES_PER_TABLE) };
  }
}

const CITIES = ['Tokyo', 'Osaka', 'Nagoya', 'Fukuoka', 'Sapporo', 'Sendai'];
const PLANS = ['free', 'standard', 'premium'];

/**
 * The sample table: one row per app event. Generated from a seed, with a wide `payload` column
 * (as raw event JSON often is) so that which columns a query names matters.
 */
export function sampleEvents(seed = 2017, count = 20_000): ColumnarTable {
  const random = seededRandom(seed);
  const rows: Row[] = [];
  for (let index = 0; index < count; index++) {
    rows.push({
      event_id: index + 1,
      user_id: randomInt(random, 1, 2_000),
      city: CITIES[randomInt(random, 0, CITIES.length - 1)],
      plan: PLANS[randomInt(random, 0, PLANS.length - 1)],
      amount_yen: randomInt(random, 0, 50) * 100,
      is_refund: random() < 0.03,
      occurred_at: 1_490_000_000_000 + index * 60_000,
      payload: JSON.stringify({ device: `d-${randomInt(random, 1, 999)}`, note: 'x'.repeat(randomInt(random, 200, 600)) }),
    });
  }
  return new ColumnarTable('events', {
    event_id: 'INT64',
    user_id: 'INT64',
    city: 'STRING',
    plan: 'STRING',
    amount_yen: 'INT64',
    is_refund: 'BOOL',
    occurred_at: 'TIMESTAMP',
    payload: 'STRING',
  }, rows);
}
