import initSqlJs, { type SqlJsStatic } from 'sql.js';

/**
 * The engine that runs the lab's queries: SQLite, compiled to WebAssembly by sql.js. Node (the
 * CLI, StackBlitz) loads the package's own .wasm file; the page's lab runtime is built with
 * sql.js's inline build, the same WebAssembly carried inside the script, because the sandboxed
 * worker may not fetch anything.
 *
 * It starts loading as soon as this file is imported: the page starts each run's worker ahead of
 * the click on Run, so compiling the WebAssembly is done by the time the checks ask for it.
 */
const engine: Promise<SqlJsStatic> = initSqlJs();
// A failure is reported to whoever awaits the engine, not as an unhandled rejection at import.
engine.catch(() => undefined);

export function sqlEngine(): Promise<SqlJsStatic> {
  return engine;
}
