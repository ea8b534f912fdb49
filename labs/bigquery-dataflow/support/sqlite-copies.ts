import type { Database, SqlJsStatic } from 'sql.js';
import type { ColumnType, Value } from './columnar-table.ts';

/**
 * The SQLite side of the lab's table: before a query runs, SQLite gets a table of the query's
 * name holding only the columns the query references, cut from one copy of the rows per worker.
 *
 * Copying rows from JavaScript into SQLite is the slow part (seconds for the 18 MiB payload
 * column), so it happens once, for the rows every run's table is cut from, as the worker starts
 * (`preloadRows`, in slices). A run's table is then `CREATE TABLE … AS SELECT` of its
 * rows inside SQLite. Heavy columns (over HEAVY_BYTES) are not copied at all: a query that only
 * hands them back gets a row number from SQLite and the value from the JavaScript array; one that
 * filters, sorts or computes with them gets them copied for that query alone.
 */
export interface RowSource {
  name: string;
  schema: Readonly<Record<string, ColumnType>>;
  /** Every row the table's rows are drawn from, by column. */
  base: Readonly<Record<string, readonly Value[]>>;
  /** Which rows of `base` the table holds, in order; all of them when absent. */
  rows?: readonly number[];
}

/** Above this many bytes a column is too slow to copy into SQLite for every run. */
const HEAVY_BYTES = 2 ** 20;
/** The copies' own schema: an unqualified table name in a query finds the table there. */
const SCHEMA = 'lab';
/** Row number of `base`, in every copy; also a copy's one column when a query names none. */
const ROW = '_lab_row';

let store:
  | {
      engine: SqlJsStatic;
      database: Database;
      bases: Map<object, BaseTable>;
      heavy: Map<object, Set<string>>;
      kept?: object;
      current?: string;
    }
  | undefined;

/** One connection for everything: sql.js's file is emulated in JavaScript, `:memory:` is not. */
function open(engine: SqlJsStatic) {
  if (store?.engine !== engine) {
    const database = new engine.Database();
    database.run(`ATTACH ':memory:' AS ${SCHEMA}`);
    store = { engine, database, bases: new Map(), heavy: new Map() };
  }
  return store;
}

/** A base table and how far its rows are copied. */
interface BaseTable {
  name: string;
  light: string[];
  copied: number;
}

/** Rows copied per slice of a preload: small enough that a run order arriving meanwhile waits little. */
const PRELOAD_SLICE_ROWS = 1_000;

/**
 * Copies `source.base` into SQLite a slice at a time, yielding between slices, so the first
 * query of a run does not wait for it and a run order that arrives meanwhile is not held up.
 */
export function preloadRows(engine: SqlJsStatic, source: RowSource): void {
  const opened = open(engine);
  const base = baseTable(opened, source);
  const rowCount = source.base[Object.keys(source.schema)[0]]?.length ?? 0;
  const slice = () => {
    copyRows(opened.database, source, base, Math.min(rowCount, base.copied + PRELOAD_SLICE_ROWS));
    if (base.copied < rowCount) setTimeout(slice, 0);
  };
  slice();
}

/**
 * The connection, with table `source.name` holding `columns` of the source's rows; those in
 * `byRow` (and heavy ones not otherwise needed) hold the row number of `base` instead of a value.
 */
export function copyFor(
  engine: SqlJsStatic,
  source: RowSource,
  columns: readonly string[],
  byRow: ReadonlySet<string>,
): Database {
  const opened = open(engine);
  const { database } = opened;
  const baseRows = baseTable(opened, source);
  copyRows(database, source, baseRows, source.base[Object.keys(source.schema)[0]]?.length ?? 0);
  const base = baseRows.name;
  const heavy = opened.heavy.get(source.base)!;
  const key = `${base}:${columns.map((column) => (byRow.has(column) ? `${column}#` : column))}`;
  if (opened.current === key && opened.kept === (source.rows ?? source.base)) return database;
  if (opened.kept !== (source.rows ?? source.base)) {
    database.run(`DROP TABLE IF EXISTS ${SCHEMA}.kept`);
    database.run(`CREATE TABLE ${SCHEMA}.kept (${ROW} INTEGER PRIMARY KEY)`);
    if (source.rows)
      database.run(`INSERT INTO ${SCHEMA}.kept SELECT value FROM json_each(?)`, [
        JSON.stringify(source.rows),
      ]);
    else database.run(`INSERT INTO ${SCHEMA}.kept SELECT ${ROW} FROM ${SCHEMA}.${base}`);
    opened.kept = source.rows ?? source.base;
  }
  database.run(`DROP TABLE IF EXISTS ${SCHEMA}.${source.name}`);
  if (columns.some((column) => heavy.has(column) && !byRow.has(column))) {
    copyRowByRow(database, source, columns, byRow);
  } else {
    const selected = columns.length > 0 ? columns : [ROW];
    database.run(
      `CREATE TABLE ${SCHEMA}.${source.name} AS SELECT ${selected.map((column) => (byRow.has(column) || column === ROW ? `${ROW} AS ${column}` : column)).join(', ')} FROM ${SCHEMA}.${base} WHERE ${ROW} IN (SELECT ${ROW} FROM ${SCHEMA}.kept) ORDER BY ${ROW}`,
    );
  }
  opened.current = key;
  return database;
}

/** The base table of `source` (light columns only), created empty on first use. */
function baseTable(opened: NonNullable<typeof store>, source: RowSource): BaseTable {
  const known = opened.bases.get(source.base);
  if (known) return known;
  const names = Object.keys(source.schema);
  const heavy = new Set(names.filter((name) => columnWeight(source.base[name]) > HEAVY_BYTES));
  const base = {
    name: `base_${opened.bases.size}`,
    light: names.filter((name) => !heavy.has(name)),
    copied: 0,
  };
  opened.database.run(
    `CREATE TABLE ${SCHEMA}.${base.name} (${ROW} INTEGER PRIMARY KEY, ${base.light.map((name) => `${name} ${sqliteType(source.schema[name])}`).join(', ')})`,
  );
  opened.bases.set(source.base, base);
  opened.heavy.set(source.base, heavy);
  return base;
}

/** Copies the base rows not yet copied, up to (not including) row `end`. */
function copyRows(database: Database, source: RowSource, base: BaseTable, end: number): void {
  if (base.copied >= end) return;
  database.run('BEGIN');
  const insert = database.prepare(
    `INSERT INTO ${SCHEMA}.${base.name} VALUES (?${', ?'.repeat(base.light.length)})`,
  );
  const values = base.light.map((name) => source.base[name]);
  for (let row = base.copied; row < end; row++)
    insert.run([row, ...values.map((column) => toSqlite(column[row]))]);
  insert.free();
  database.run('COMMIT');
  base.copied = end;
}

/** The slow way, for a query that computes with a heavy column: every value copied from JavaScript. */
function copyRowByRow(
  database: Database,
  source: RowSource,
  columns: readonly string[],
  byRow: ReadonlySet<string>,
): void {
  const types = columns.map((column) =>
    byRow.has(column) ? 'INTEGER' : sqliteType(source.schema[column]),
  );
  database.run(
    `CREATE TABLE ${SCHEMA}.${source.name} (${columns.map((column, index) => `${column} ${types[index]}`).join(', ')})`,
  );
  database.run('BEGIN');
  const insert = database.prepare(
    `INSERT INTO ${SCHEMA}.${source.name} VALUES (${columns.map(() => '?').join(', ')})`,
  );
  const rows = source.rows ?? source.base[Object.keys(source.schema)[0]].map((_, row) => row);
  for (const row of rows)
    insert.run(
      columns.map((column) => (byRow.has(column) ? row : toSqlite(source.base[column][row]))),
    );
  insert.free();
  database.run('COMMIT');
}

/** Rough bytes of a column's values in memory: enough to tell a 1 KB-a-row column from an INT64. */
function columnWeight(values: readonly Value[] | undefined): number {
  let bytes = 0;
  for (const value of values ?? []) bytes += typeof value === 'string' ? value.length : 8;
  return bytes;
}

const toSqlite = (value: Value) => (typeof value === 'boolean' ? Number(value) : value);

function sqliteType(type: ColumnType | undefined): string {
  if (type === 'STRING') return 'TEXT';
  if (type === 'FLOAT64') return 'REAL';
  return 'INTEGER';
}
