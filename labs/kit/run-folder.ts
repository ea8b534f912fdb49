import { loadFolder } from './load-folder.ts';
import { loadFailedReport, runChecks, type RunHooks } from './run-checks.ts';
import type { Lab, RunReport } from './types.ts';

/** Loads the learner files in `dir` and runs the lab's checks on them (Node and StackBlitz). */
export async function runFolder(lab: Lab, dir: string, hooks?: RunHooks): Promise<RunReport> {
  const loaded = await loadFolder(dir);
  if ('loadError' in loaded) return loadFailedReport(lab, loaded.loadError);
  return runChecks(lab, loaded.modules, hooks);
}
