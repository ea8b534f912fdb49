import bigquery from 'node-sql-parser/build/bigquery.js';
import { errorMessage } from '../../kit/describe-thrown.ts';
import type { Text } from '../../kit/types.ts';
import { SqlError } from './sql-error.ts';

/**
 * Reads a GoogleSQL query with node-sql-parser's BigQuery grammar and says what the lab's table
 * needs to know: the columns it references (what on-demand BigQuery bills), whether it says
 * `SELECT *` or `LIMIT`, and the names of its output columns. It refuses, naming the construct,
 * whatever the lab's engine (SQLite) would run differently from BigQuery or not at all, so a
 * query that passes here means the same in both.
 */
export interface QueryShape {
  /** Referenced table columns, in table order. */
  columns: string[];
  star: boolean;
  limit: boolean;
  /**
   * The result's columns, `*` expanded: the name BigQuery gives each (none for an expression
   * without an alias: BigQuery calls those f0_, f1_, …) and the table column it is, if it is one.
   */
  outputs: Array<{ name?: string; column?: string }>;
  /**
   * Referenced columns the query only hands back, never filters, groups, sorts or computes with:
   * the engine may carry a row number for them and look the value up afterwards.
   */
  passedThrough: string[];
}

type Node = Record<string, unknown> & { type?: string; loc?: { start: { offset: number } } };
type Clause = 'select' | 'where' | 'group' | 'having' | 'order';
const CLAUSE_NAMES: Record<Clause, string> = {
  select: 'SELECT list',
  where: 'WHERE clause',
  group: 'GROUP BY clause',
  having: 'HAVING clause',
  order: 'ORDER BY clause',
};

const parser = new bigquery.Parser();
const AGGREGATES = ['COUNT', 'SUM', 'AVG', 'MIN', 'MAX'];
const OPERATORS = new Set(
  ['AND', 'OR', '=', '!=', '<>', '<', '<=', '>', '>=', '+', '-', '*', '/'].concat([
    'IN',
    'NOT IN',
    'BETWEEN',
    'NOT BETWEEN',
    'IS',
    'IS NOT',
    'LIKE',
    'NOT LIKE',
  ]),
);
const LITERALS = new Set(['number', 'single_quote_string', 'bool', 'null']);
/** What a construct is called in a message, for the node types a learner is likely to write. */
const CONSTRUCTS: Record<string, Text> = {
  timestamp: { en: 'a TIMESTAMP literal', ja: 'TIMESTAMP リテラル' },
  date: { en: 'a DATE literal', ja: 'DATE リテラル' },
  datetime: { en: 'a DATETIME literal', ja: 'DATETIME リテラル' },
  interval: { en: 'INTERVAL', ja: 'INTERVAL ' },
  cast: { en: 'CAST', ja: 'CAST ' },
  struct: { en: 'STRUCT', ja: 'STRUCT ' },
  array: { en: 'ARRAY', ja: 'ARRAY ' },
  extract: { en: 'EXTRACT', ja: 'EXTRACT ' },
  select: { en: 'a subquery', ja: 'サブクエリ' },
};

export function analyzeQuery(
  sql: string,
  table: string,
  columnNames: readonly string[],
): QueryShape {
  if (typeof sql !== 'string' || sql.trim() === '') {
    throw new SqlError(String(sql), {
      en: `A query is SQL text, e.g. "SELECT city FROM ${table}"; got ${sql === '' ? 'an empty string' : typeof sql}.`,
      ja: `クエリは SQL の文字列です(例: "SELECT city FROM ${table}")。渡された値: ${sql === '' ? '空の文字列' : typeof sql}。`,
    });
  }
  let ast: Node | Node[];
  try {
    // The parser's own AST types do not describe the location fields this file reads.
    ast = parser.astify(sql, {
      database: 'BigQuery',
      parseOptions: { includeLocations: true },
    }) as unknown as Node | Node[];
  } catch (error) {
    throw syntaxError(sql, error);
  }
  const refuse = (construct: string | Text, node?: Node, why?: Text): never => {
    const name = typeof construct === 'string' ? { en: construct, ja: `${construct} ` } : construct;
    throw new SqlError(
      sql,
      {
        en: `The lab’s engine does not run ${name.en}${why ? `: ${why.en}` : '.'}`,
        ja: `ラボのエンジンは ${name.ja}を実行できません${why ? `。${why.ja}` : '。'}`,
      },
      node?.loc?.start.offset,
    );
  };
  if (Array.isArray(ast)) {
    if (ast.length !== 1) refuse({ en: 'more than one statement', ja: '複数の文' }, ast[1]);
    ast = ast[0];
  }
  if (ast.type !== 'select')
    refuse(
      {
        en: `a ${String(ast.type).toUpperCase()} statement`,
        ja: `${String(ast.type).toUpperCase()} 文`,
      },
      ast,
    );
  if (ast.with) refuse({ en: 'WITH (a common table expression)', ja: 'WITH(共通テーブル式)' }, ast);
  if (ast.as_struct_val) refuse('SELECT AS STRUCT', ast);
  if (ast.qualify) refuse('QUALIFY', ast.qualify as Node);
  if (ast.window) refuse('WINDOW', ast);

  const from = (ast.from ?? []) as Node[];
  if (from.length === 0)
    refuse({ en: 'a query without FROM', ja: 'FROM のないクエリ' }, ast, fromOnly(table));
  if (from.length > 1) refuse('JOIN', from[1], fromOnly(table));
  if (from[0].expr)
    refuse({ en: 'a subquery in FROM', ja: 'FROM の中のサブクエリ' }, from[0], fromOnly(table));
  if (from[0].db || String(from[0].table).toLowerCase() !== table) {
    const name = [from[0].db, from[0].table].filter(Boolean).join('.');
    throw new SqlError(
      sql,
      {
        en: `Not found: Table ${name}. The lab has one table: write FROM ${table}.`,
        ja: `テーブル ${name} が見つかりません。ラボのテーブルは 1 つです。FROM ${table} と書いてください。`,
      },
      from[0].loc?.start.offset,
    );
  }
  const tableNames = new Set([table, String(from[0].as ?? table).toLowerCase()]);

  const known = new Map(columnNames.map((name) => [name.toLowerCase(), name]));
  const referenced = new Set<string>();
  const aliases = new Set<string>();
  const outputs: QueryShape['outputs'] = [];
  /** Columns used anywhere but as a plain select item. */
  const computed = new Set<string>();
  /** GROUP BY / ORDER BY by position or alias, or DISTINCT: then every select item is computed with. */
  let outputsComputed = Boolean(ast.distinct);
  let star = false;
  /** Names that may be select-list aliases, checked once every alias is known. */
  const maybeAliases: Array<{ name: string; node: Node }> = [];

  const columnOf = (node: Node): string | undefined => {
    const column = node.column as string | { expr: { value: string } };
    const name = typeof column === 'string' ? column : column.expr.value;
    const qualifier = node.table as string | null;
    if (qualifier && !tableNames.has(qualifier.toLowerCase()))
      unrecognized(sql, qualifier, [...tableNames], node);
    const canonical = known.get(name.toLowerCase());
    if (canonical) referenced.add(canonical);
    return canonical;
  };
  /** Columns named outside any aggregate, which a grouped query must group by (BigQuery refuses the rest). */
  const bare: Array<{ column: string; node: Node; clause: Clause }> = [];
  const grouped = new Set<string>();
  let aggregated = Boolean(ast.groupby);
  const visit = (node: Node, clause: Clause, inAggregate = false): void => {
    if (!node || typeof node !== 'object') return;
    const type = node.type ?? '';
    const later = clause !== 'select' && clause !== 'where';
    if (type === 'number' && later) outputsComputed = true;
    if (type === 'column_ref') {
      const column = columnOf(node);
      const name = writtenName(node);
      if (column) {
        computed.add(column);
        if (clause === 'group') grouped.add(column);
        else if (!inAggregate && clause !== 'where') bare.push({ column, node, clause });
      } else if (later && !node.table) maybeAliases.push({ name, node });
      else unrecognized(sql, name, columnNames, node);
    } else if (type === 'aggr_func') {
      const name = String(node.name).toUpperCase();
      if (!AGGREGATES.includes(name)) refuse(`${name}()`, node, onlyAggregates());
      if (node.over)
        refuse(
          { en: `${name}() OVER (a window function)`, ja: `${name}() OVER(ウィンドウ関数)` },
          node,
        );
      if (clause === 'where')
        refuse({ en: `${name}() in WHERE`, ja: `WHERE の中の ${name}() ` }, node, {
          en: 'filter groups with HAVING instead',
          ja: 'グループの絞り込みには HAVING を使います',
        });
      aggregated = true;
      const args = node.args as Node;
      if ((args.expr as Node)?.type !== 'star') visit(args.expr as Node, clause, true);
    } else if (type === 'function') {
      const name = ((node.name as { name: Array<{ value: string }> }).name[0]?.value ??
        (node.name as { schema?: { value: string } }).schema?.value ??
        'this function') as string;
      refuse(`${name.toUpperCase()}()`, node, onlyAggregates());
    } else if (type === 'binary_expr') {
      const operator = String(node.operator).toUpperCase();
      if (!OPERATORS.has(operator))
        refuse({ en: `the ${operator} operator`, ja: `${operator} 演算子` }, node);
      visit(node.left as Node, clause, inAggregate);
      visit(node.right as Node, clause, inAggregate);
    } else if (type === 'unary_expr') {
      visit(node.expr as Node, clause, inAggregate);
    } else if (type === 'expr_list') {
      for (const item of node.value as Node[]) visit(item, clause, inAggregate);
    } else if (type === 'case') {
      visit(node.expr as Node, clause, inAggregate);
      for (const arm of node.args as Node[]) {
        visit(arm.cond as Node, clause, inAggregate);
        visit(arm.result as Node, clause, inAggregate);
      }
    } else if (type === 'string' || type === 'double_quote_string') {
      refuse({ en: 'a string in double quotes', ja: '二重引用符の文字列' }, node, {
        en: `write '${String(node.value)}' in single quotes: SQLite, the lab’s engine, reads "…" as a column name`,
        ja: `'${String(node.value)}' のように一重引用符で書いてください。ラボのエンジン SQLite は "…" を列名として読みます`,
      });
    } else if (!LITERALS.has(type)) {
      refuse(
        CONSTRUCTS[type] ?? {
          en: `this construct (${type || 'unknown'})`,
          ja: `この構文(${type || 'unknown'})`,
        },
        node,
      );
    }
  };

  for (const item of ast.columns as Node[]) {
    if (item.type === 'except' || item.type === 'replace')
      refuse(`SELECT * ${item.type.toUpperCase()}`, item, {
        en: 'list the columns you need instead (BigQuery would still bill every column it keeps)',
        ja: '必要な列を並べてください(BigQuery でも残した列はすべて課金されます)',
      });
    const expr = item.expr as Node;
    const alias = (item.as as string | null) ?? undefined;
    if (alias) aliases.add(alias.toLowerCase());
    if (expr.type === 'column_ref' && expr.column === '*') {
      star = true;
      outputs.push(...columnNames.map((column) => ({ name: column, column })));
    } else if (expr.type === 'column_ref') {
      const column = columnOf(expr);
      if (!column) return unrecognized(sql, writtenName(expr), columnNames, expr);
      bare.push({ column, node: expr, clause: 'select' });
      outputs.push({ name: alias ?? writtenName(expr), column });
    } else {
      visit(expr, 'select');
      outputs.push({ name: alias });
    }
  }
  visit(ast.where as Node, 'where');
  for (const item of ((ast.groupby as Node | null)?.columns ?? []) as Node[]) {
    if (item.type === 'number') {
      const column = outputs[Number(item.value) - 1]?.column;
      if (column) grouped.add(column);
    }
    visit(item, 'group');
  }
  visit(ast.having as Node, 'having');
  for (const item of (ast.orderby ?? []) as Node[]) visit(item.expr as Node, 'order');
  for (const { column, node, clause } of aggregated ? bare : []) {
    if (grouped.has(column)) continue;
    throw new SqlError(
      sql,
      {
        en: `${CLAUSE_NAMES[clause]} expression references column ${writtenName(node)} which is neither grouped nor aggregated`,
        ja: `${CLAUSE_NAMES[clause]} の式が列 ${writtenName(node)} を参照していますが、この列は GROUP BY にも集計関数にも含まれていません`,
      },
      node.loc?.start.offset,
    );
  }
  for (const { name, node } of maybeAliases) {
    if (!aliases.has(name.toLowerCase())) unrecognized(sql, name, columnNames, node);
    outputsComputed = true;
  }
  if (star) columnNames.forEach((name) => referenced.add(name));
  const columns = columnNames.filter((name) => referenced.has(name));

  return {
    columns,
    star,
    limit: Boolean((ast.limit as Node | null)?.value && ((ast.limit as Node).value as []).length),
    outputs,
    passedThrough: outputsComputed ? [] : columns.filter((name) => !computed.has(name)),
  };
}

function writtenName(node: Node): string {
  const column = node.column as string | { expr: { value: string } };
  return typeof column === 'string' ? column : column.expr.value;
}

const fromOnly = (table: string): Text => ({
  en: `the lab has one table; read it with FROM ${table}`,
  ja: `ラボのテーブルは 1 つです。FROM ${table} で読みます`,
});
const onlyAggregates = (): Text => ({
  en: `besides operators, only ${AGGREGATES.join(', ')} run the same in BigQuery and in the lab`,
  ja: `演算子のほかに BigQuery とラボで同じように動くのは ${AGGREGATES.join('、')} だけです`,
});

/** BigQuery's own wording: "Unrecognized name: amout_yen; Did you mean amount_yen? at [1:12]". */
function unrecognized(sql: string, name: string, candidates: readonly string[], node: Node): never {
  const near = candidates.find(
    (candidate) => editDistance(candidate.toLowerCase(), name.toLowerCase()) <= 2,
  );
  const suggestion = near
    ? { en: `; Did you mean ${near}?`, ja: `(${near} のことですか？)` }
    : { en: '', ja: '' };
  throw new SqlError(
    sql,
    {
      en: `Unrecognized name: ${name}${suggestion.en}`,
      ja: `認識できない名前です: ${name}${suggestion.ja}`,
    },
    node.loc?.start.offset,
  );
}

function syntaxError(sql: string, error: unknown): SqlError {
  let offset = (error as { location?: { start?: { offset?: number } } })?.location?.start?.offset;
  if (offset === undefined) {
    const message = errorMessage(error);
    return new SqlError(sql, { en: `Syntax error: ${message}`, ja: `構文エラー: ${message}` });
  }
  // The grammar reports the furthest place it got to, which can be inside a name ("amount|_yen AS"):
  // the token that could not follow is then the next one after that name.
  if (/\w/.test(sql[offset - 1] ?? '') && /\w/.test(sql[offset] ?? ''))
    offset += /^\w*\s*/.exec(sql.slice(offset))![0].length;
  const token = /^[A-Za-z_]\w*|^\S/.exec(sql.slice(offset))?.[0];
  const what =
    token === undefined
      ? { en: 'end of query', ja: 'クエリの終わり' }
      : { en: `"${token}"`, ja: `「${token}」` };
  return new SqlError(
    sql,
    { en: `Syntax error: Unexpected ${what.en}`, ja: `構文エラー: ${what.ja} はここに書けません` },
    offset,
  );
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length];
}
