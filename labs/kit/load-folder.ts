import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorMessage } from './describe-thrown.ts';
import type { LearnerModules, LoadError } from './types.ts';

/**
 * Imports every learner file (`*.ts`, not tests) of a folder, or says which one failed to load.
 * `onFileLoad` hears each file's name before its top level runs, so a host can say which one hangs.
 */
export async function loadFolder(
  dir: string,
  onFileLoad?: (file: string) => void,
): Promise<{ modules: LearnerModules } | { loadError: LoadError }> {
  const files = (await readdir(dir))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .sort();
  const modules: LearnerModules = {};
  for (const file of files) {
    onFileLoad?.(file);
    try {
      modules[file] = (await import(pathToFileURL(resolve(join(dir, file))).href)) as Record<
        string,
        unknown
      >;
    } catch (error) {
      return { loadError: toLoadError(file, error) };
    }
  }
  return { modules };
}

function toLoadError(file: string, error: unknown): LoadError {
  const message = errorMessage(error);
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const position = new RegExp(`${file.replace('.', '\\.')}:(\\d+)(?::(\\d+))?`).exec(
    `${message}\n${stack}`,
  );
  return {
    file,
    line: position ? Number(position[1]) : undefined,
    column: position?.[2] ? Number(position[2]) : undefined,
    message: message.split('\n')[0],
  };
}
