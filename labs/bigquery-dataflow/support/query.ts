/**
 * The small query language of the lab's columnar table: a SQL query written as an object, so the
 * table can see exactly which columns a query references (what BigQuery bills on demand).
 *
 *   SELECT city, SUM(amount_yen) AS revenue FROM events WHERE is_refund = false GROUP BY city
 *
 * is written
 *
 *   { select: ['city', sum('amount_yen', 'revenue')], where: [['is_refund', '=', false]], groupBy: ['city'] }
 */
export type Value = string | number | boolean | null;
export type Row = Record<string, Value>;

export type Comparison = '=' | '!=' | '<' | '<=' | '>' | '>=';
/** `[column, comparison, value]`. As in SQL, a comparison with NULL is never true. */
export type Condition = readonly [column: string, comparison: Comparison, value: Value];

export type AggregateFunction = 'COUNT' | 'COUNT_DISTINCT' | 'SUM' | 'AVG' | 'MIN' | 'MAX';
export interface Aggregate {
  fn: AggregateFunction;
  /** The column aggregated; none for COUNT(*). */
  column?: string;
  /** The output column's name (SQL's `AS`). */
  as: string;
}

export interface Query {
  /** Column names and aggregates; `'*'` means every column (SELECT *). */
  select: ReadonlyArray<string | Aggregate>;
  /** Conditions that must all hold (AND). */
  where?: readonly Condition[];
  groupBy?: readonly string[];
  /** Output columns (or, without grouping, any table column) to sort by. */
  orderBy?: ReadonlyArray<readonly [name: string, direction: 'asc' | 'desc']>;
  /** Rows to return at most. It does not change the bytes a query reads. */
  limit?: number;
}

/** COUNT(*): reads no column. */
export const count = (as = 'count'): Aggregate => ({ fn: 'COUNT', as });
export const countDistinct = (column: string, as = `count_distinct_${column}`): Aggregate => ({
  fn: 'COUNT_DISTINCT',
  column,
  as,
});
export const sum = (column: string, as = `sum_${column}`): Aggregate => ({ fn: 'SUM', column, as });
export const avg = (column: string, as = `avg_${column}`): Aggregate => ({ fn: 'AVG', column, as });
export const min = (column: string, as = `min_${column}`): Aggregate => ({ fn: 'MIN', column, as });
export const max = (column: string, as = `max_${column}`): Aggregate => ({ fn: 'MAX', column, as });

/**
 * The table columns a query reads, in table order: every column it names anywhere (select list,
 * filter, grouping, sort), all of them for `'*'`. Throws on a name the table does not have.
 */
export function referencedColumns(
  query: Query,
  table: string,
  columnNames: readonly string[],
): string[] {
  const known = new Set(columnNames);
  const named = new Set<string>();
  const use = (name: string, where: string) => {
    if (!known.has(name)) {
      throw new Error(
        `Unrecognized name: ${name} (in ${where}). Columns of ${table}: ${columnNames.join(', ')}.`,
      );
    }
    named.add(name);
  };
  if (!Array.isArray(query?.select) || query.select.length === 0) {
    throw new Error('A query needs a select list, e.g. { select: ["city"] } or { select: ["*"] }.');
  }
  for (const item of query.select) {
    if (item === '*') columnNames.forEach((name) => named.add(name));
    else if (typeof item === 'string') use(item, 'select');
    else if (item.column !== undefined) use(item.column, `${item.fn}(${item.column})`);
  }
  for (const [column] of query.where ?? []) use(column, 'where');
  for (const column of query.groupBy ?? []) use(column, 'groupBy');
  const outputs = new Set(outputNames(query, columnNames));
  for (const [name] of query.orderBy ?? []) if (!outputs.has(name)) use(name, 'orderBy');
  return columnNames.filter((name) => named.has(name));
}

/** Runs a query over the table's rows (read lazily, one column at a time). */
export function evaluate(
  query: Query,
  columnNames: readonly string[],
  rowCount: number,
  cell: (column: string, row: number) => Value,
): Row[] {
  const matching: number[] = [];
  for (let row = 0; row < rowCount; row++) {
    if (
      (query.where ?? []).every(([column, comparison, value]) =>
        compare(cell(column, row), comparison, value),
      )
    )
      matching.push(row);
  }
  const aggregates = query.select.filter((item): item is Aggregate => typeof item !== 'string');
  let rows: Row[];
  if (aggregates.length === 0 && !query.groupBy) {
    const names = outputNames(query, columnNames);
    for (const [name, direction] of [...(query.orderBy ?? [])].reverse()) {
      matching.sort((a, b) => ordered(cell(name, a), cell(name, b), direction));
    }
    rows = matching.map((row) => Object.fromEntries(names.map((name) => [name, cell(name, row)])));
  } else {
    rows = grouped(query, matching, cell);
    for (const [name, direction] of [...(query.orderBy ?? [])].reverse()) {
      if (rows.length > 0 && !(name in rows[0]))
        throw new Error(`ORDER BY ${name}: a grouped query can only sort by its output columns.`);
      rows.sort((a, b) => ordered(a[name], b[name], direction));
    }
  }
  if (query.limit === undefined) return rows;
  if (!Number.isInteger(query.limit) || query.limit < 0)
    throw new Error(`limit must be a whole number ≥ 0, got ${query.limit}.`);
  return rows.slice(0, query.limit);
}

function outputNames(query: Query, columnNames: readonly string[]): string[] {
  return query.select.flatMap((item) =>
    item === '*' ? [...columnNames] : typeof item === 'string' ? [item] : [item.as],
  );
}

function grouped(
  query: Query,
  matching: number[],
  cell: (column: string, row: number) => Value,
): Row[] {
  const groupBy = query.groupBy ?? [];
  for (const item of query.select) {
    if (typeof item === 'string' && !groupBy.includes(item)) {
      throw new Error(
        `SELECT list expression references column ${item} which is neither grouped nor aggregated.`,
      );
    }
  }
  const groups = new Map<string, number[]>();
  if (groupBy.length === 0) groups.set('', matching);
  for (const row of groupBy.length > 0 ? matching : []) {
    const key = JSON.stringify(groupBy.map((column) => cell(column, row)));
    const rows = groups.get(key);
    if (rows) rows.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()].map((rows) =>
    Object.fromEntries(
      query.select.map((item) =>
        typeof item === 'string'
          ? [item, cell(item, rows[0])]
          : [
              item.as,
              aggregate(
                item,
                rows.map((row) => (item.column ? cell(item.column, row) : 1)),
              ),
            ],
      ),
    ),
  );
}

function aggregate(item: Aggregate, values: Value[]): Value {
  const present = values.filter((value) => value !== null);
  if (item.fn === 'COUNT') return present.length;
  if (item.fn === 'COUNT_DISTINCT') return new Set(present).size;
  if (present.length === 0) return null;
  if (item.fn === 'MIN') return present.reduce((a, b) => (ordered(a, b, 'asc') <= 0 ? a : b));
  if (item.fn === 'MAX') return present.reduce((a, b) => (ordered(a, b, 'asc') >= 0 ? a : b));
  const total = present.reduce<number>((sum, value) => sum + Number(value), 0);
  return item.fn === 'SUM' ? total : total / present.length;
}

function compare(actual: Value, comparison: Comparison, expected: Value): boolean {
  if (actual === null || expected === null) return false;
  switch (comparison) {
    case '=':
      return actual === expected;
    case '!=':
      return actual !== expected;
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
    default:
      throw new Error(`Unknown comparison "${String(comparison)}"; use one of = != < <= > >=.`);
  }
}

/** BigQuery sorts NULL first when ascending and last when descending. */
function ordered(a: Value, b: Value, direction: 'asc' | 'desc'): number {
  const sign = direction === 'desc' ? -1 : 1;
  if (a === b) return 0;
  if (a === null) return -sign;
  if (b === null) return sign;
  return (a < b ? -1 : 1) * sign;
}
