import { loadFailedReport } from '../../../labs/kit/run-checks.ts';
import { timedOutReport } from '../../../labs/kit/timed-out-report.ts';
import type { CheckResult, LabOutline, RunReport } from '../../../labs/kit/types.ts';
import { runtimePath, SANDBOX_PATH } from '../lab-sandbox/paths.ts';
import { LabSandbox, type SandboxWorker } from '../lab-sandbox/sandbox-frame.ts';
import { ObservedRun } from './observed-run.ts';

/** How long one check may run before the page decides the learner's code loops forever. */
export const CHECK_LIMIT_MS = 5_000;

/**
 * Runs the checks in a fresh worker of the lab sandbox for every run, and watches it: a check that
 * does not finish within the limit gets its worker stopped (the only way to stop a `while (true)`).
 * A worker never outlives its run, so no timer, global or pending promise reaches the next one;
 * the next worker is started ahead, so Run stays quick and works offline.
 */
export class LabRunner {
  #sandbox: LabSandbox | undefined;
  #spare: Promise<SandboxWorker> | undefined;
  readonly #outline: LabOutline;
  readonly #stuckLoadingMessage: string;

  /** `stuckLoadingMessage` explains, in the page's language, a run stopped before any check began. */
  constructor(outline: LabOutline, stuckLoadingMessage: string) {
    this.#outline = outline;
    this.#stuckLoadingMessage = stuckLoadingMessage;
  }

  /** Starts the sandbox and a worker now, so the first Run is quick and needs no network. */
  prepare(): void {
    const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
    this.#sandbox ??= new LabSandbox(base + SANDBOX_PATH, base + runtimePath(this.#outline.slug));
    if (this.#spare) return;
    const spare = (this.#spare = this.#sandbox.startWorker());
    // A worker that failed to start is not kept: the next run tries a new one.
    spare.catch(() => {
      if (this.#spare === spare) this.#spare = undefined;
    });
  }

  /** Runs `files` once; `seed` repeats an earlier run's generated cases. */
  run(
    files: Record<string, string>,
    { seed, onCheckDone }: { seed?: number; onCheckDone?: (result: CheckResult) => void } = {},
  ): Promise<RunReport> {
    this.prepare();
    const starting = this.#spare!;
    this.#spare = undefined;
    const observed = new ObservedRun(this.#outline);
    return new Promise((resolve, reject) => {
      let watchdog: ReturnType<typeof setTimeout> | undefined;
      let settled = false;
      const finish = (settle: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(watchdog);
        starting.then(
          (worker) => worker.stop(),
          () => undefined,
        );
        this.prepare();
        settle();
      };
      // Armed from the moment the run starts, so a loop at the top level of a file is caught too;
      // re-armed as each check starts, and left running after it, up to the report.
      const arm = (checkId?: string) => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => {
          const report = checkId
            ? timedOutReport(this.#outline, observed.finished, checkId, CHECK_LIMIT_MS)
            : this.#stuckLoading();
          finish(() => resolve(report));
        }, CHECK_LIMIT_MS);
      };
      arm();
      starting.then(
        (worker) => {
          if (settled) return;
          worker.onFailure = (message) => finish(() => reject(new Error(message)));
          worker.onEvent = (event) => {
            try {
              if (event.type === 'check-start') {
                observed.start(event.id);
                arm(event.id);
              } else if (event.type === 'check-done') {
                observed.done(event.result);
                onCheckDone?.(event.result);
              } else if (event.type === 'report') {
                const report = observed.report(event.report);
                finish(() => resolve(report));
              } else if (event.type === 'crash') {
                finish(() => reject(new Error(event.message)));
              }
            } catch (error) {
              finish(() => reject(error));
            }
          };
          // The learner's code gets the whole limit, however long the worker took to get ready.
          arm();
          worker.send({
            type: 'run',
            files,
            checks: this.#outline.checks.map((check) => check.id),
            seed,
          });
        },
        (error: unknown) => finish(() => reject(error)),
      );
    });
  }

  #stuckLoading(): RunReport {
    return loadFailedReport(this.#outline, { file: '', message: this.#stuckLoadingMessage });
  }
}
