import { transform } from 'sucrase';
import { errorMessage, thrownText } from './describe-thrown.ts';
import type { LearnerModules, LoadError } from './types.ts';

/**
 * Loads learner files from their text, where no file system exists (the page's Web Worker).
 * sucrase strips the types and turns `import` into `require`, keeping every line where it was,
 * so errors point at the line the learner sees in the editor. Imports resolve against the other
 * learner files and `provided`: modules bundled with the site, keyed by the path they have from
 * the lab folder (`support/limits.ts`) or by package name (`jose`).
 */
export function loadSources(
  files: Record<string, string>,
  provided: Record<string, unknown>,
): { modules: LearnerModules } | { loadError: LoadError } {
  const compiled: Record<string, string> = {};
  for (const [file, source] of Object.entries(files)) {
    try {
      compiled[file] = transform(source, {
        transforms: ['typescript', 'imports'],
        filePath: file,
      }).code;
    } catch (error) {
      return { loadError: syntaxError(file, error) };
    }
  }

  const modules: LearnerModules = {};
  const loading = new Set<string>();
  const load = (file: string): Record<string, unknown> => {
    if (modules[file]) return modules[file];
    if (loading.has(file))
      throw new Error(`${file} imports itself through a cycle; break the cycle.`);
    loading.add(file);
    const module = { exports: {} as Record<string, unknown> };
    const require = (specifier: string) => resolveImport(file, specifier);
    // Wrapping on the code's own first line keeps line numbers; sourceURL names the file in stacks.
    const factory = (0, eval)(
      `(function (exports, require, module) {${compiled[file]}\n})\n//# sourceURL=learner/${file}`,
    );
    factory(module.exports, require, module);
    modules[file] = module.exports;
    return module.exports;
  };
  const resolveImport = (from: string, specifier: string): unknown => {
    const path = resolveFromStarter(specifier);
    if (path.startsWith('starter/') && compiled[path.slice('starter/'.length)] !== undefined) {
      return load(path.slice('starter/'.length));
    }
    if (path in provided) return provided[path];
    throw new Error(`${from} imports "${specifier}", which this lab does not provide.`);
  };

  for (const file of Object.keys(compiled)) {
    try {
      load(file);
    } catch (error) {
      return { loadError: runtimeError(file, error) };
    }
  }
  return { modules };
}

/** Learner files live in `starter/`; `../support/x.ts` from there is `support/x.ts`. */
function resolveFromStarter(specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const parts = ['starter'];
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

function syntaxError(file: string, error: unknown): LoadError {
  const message = errorMessage(error);
  // sucrase reports "Unexpected token (3:14)": line and column of the problem.
  const position = /\((\d+):(\d+)\)\s*$/.exec(message);
  return {
    file,
    line: position ? Number(position[1]) : undefined,
    column: position ? Number(position[2]) + 1 : undefined,
    message: message.replace(/\s*\(\d+:\d+\)\s*$/, ''),
  };
}

function runtimeError(file: string, error: unknown): LoadError {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : thrownText(error);
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const frame = /learner\/([\w.-]+\.ts):(\d+)/.exec(stack);
  return { file: frame?.[1] ?? file, line: frame ? Number(frame[2]) : undefined, message };
}
