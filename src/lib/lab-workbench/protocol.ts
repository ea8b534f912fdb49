import type { CheckResult, RunReport } from '../../../labs/kit/types.ts';

/** What the page asks of the lab worker: load the lab ahead of time, or run the checks. */
export type RunRequest =
  | { type: 'prepare'; slug: string }
  | {
      type: 'run';
      slug: string;
      /** The learner's files by name, as in the editor. */
      files: Record<string, string>;
      /** Repeats a run's generated cases; a fresh seed when absent. */
      seed?: number;
    };

/** What the lab worker reports while it runs. */
export type RunEvent =
  | { type: 'check-start'; id: string }
  | { type: 'check-done'; result: CheckResult }
  | { type: 'report'; report: RunReport }
  | { type: 'crash'; message: string };
