import initSqlJs, { type SqlJsStatic } from 'sql.js';

/**
 * The engine that runs the lab's queries: SQLite, compiled to WebAssembly by sql.js. Node (the
 * CLI, StackBlitz) loads the package's own .wasm file; the page's lab runtime is built with
 * sql.js's inline build, the same WebAssembly carried inside the script, because the sandboxed
 * worker may not fetch anything. Loaded once, on the first query of a run.
 */
let engine: Promise<SqlJsStatic> | undefined;

export function sqlEngine(): Promise<SqlJsStatic> {
  engine ??= initSqlJs();
  return engine;
}
