import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadFolder } from './load-folder.ts';
import { loadFailedReport, runChecks, type RunOptions } from './run-checks.ts';
import type { Lab, RunReport } from './types.ts';

/** How to run a folder: `runChecks`'s options, and a hook called as each learner file starts to load. */
export interface FolderRunOptions extends RunOptions {
  onFileLoad?(file: string): void;
}

/** Loads the learner files in `dir` and runs the lab's checks on them (Node and StackBlitz). */
export async function runFolder(
  lab: Lab,
  dir: string,
  options: FolderRunOptions = {},
): Promise<RunReport> {
  const loaded = await loadFolder(dir, options.onFileLoad);
  if ('loadError' in loaded) return loadFailedReport(lab, loaded.loadError, options.seed);
  const sources: Record<string, string> = {};
  for (const file of Object.keys(loaded.modules))
    sources[file] = await readFile(join(dir, file), 'utf8');
  return runChecks(lab, loaded.modules, { ...options, sources });
}
