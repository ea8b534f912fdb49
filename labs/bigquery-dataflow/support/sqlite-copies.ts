import type { Database, SqlJsStatic } from 'sql.js';
import type { ColumnType, Value } from './columnar-table.ts';

/**
 * The SQLite side of the lab's table: before a query runs, SQLite gets a table of the query's
 * name holding only the columns the query references, cut from one copy of the rows per worker.
 *
 * Copying rows from JavaScript into SQLite is the slow part (about 3 µs a value, and seconds for
 * the 18 MiB payload column), so it happens once, for the rows every run's table is cut from,
 * as the worker starts (`preloadRows`). A run's table is then `CREATE TABLE … AS SELECT` of its
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
      bases: Map<object, string>;
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

/** Copies `source.base` into SQLite now, so the first query of a run does not wait for it. */
export function preloadRows(engine: SqlJsStatic, source: RowSource): void {
  baseTable(open(engine), source);
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
  const base = baseTable(opened, source);
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

/** The base table of `source`, created (light columns only) on first use. */
function baseTable(opened: NonNullable<typeof store>, source: RowSource): string {
  const known = opened.bases.get(source.base);
  if (known) return known;
  const table = `base_${opened.bases.size}`;
  const names = Object.keys(source.schema);
  const heavy = new Set(names.filter((name) => columnWeight(source.base[name]) > HEAVY_BYTES));
  const light = names.filter((name) => !heavy.has(name));
  const { database } = opened;
  database.run(
    `CREATE TABLE ${SCHEMA}.${table} (${ROW} INTEGER PRIMARY KEY, ${light.map((name) => `${name} ${sqliteType(source.schema[name])}`).join(', ')})`,
  );
  database.run('BEGIN');
  const insert = database.prepare(
    `INSERT INTO ${SCHEMA}.${table} VALUES (?${', ?'.repeat(light.length)})`,
  );
  const values = light.map((name) => source.base[name]);
  const rowCount = source.base[names[0]]?.length ?? 0;
  for (let row = 0; row < rowCount; row++)
    insert.run([row, ...values.map((column) => toSqlite(column[row]))]);
  insert.free();
  database.run('COMMIT');
  opened.bases.set(source.base, table);
  opened.heavy.set(source.base, heavy);
  return table;
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
