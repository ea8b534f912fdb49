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
  return runChecks(lab, loaded.modules, options);
}
