import { loadFailedReport } from '../../../labs/kit/run-checks.ts';
import { timedOutReport } from '../../../labs/kit/timed-out-report.ts';
import type { LabOutline, RunReport } from '../../../labs/kit/types.ts';
import { runtimePath, SANDBOX_PATH } from '../lab-sandbox/paths.ts';
import { LabSandbox, type SandboxWorker } from '../lab-sandbox/sandbox-frame.ts';
import { ObservedRun } from './observed-run.ts';

/** The lab's runtime comes from another build than the page: a reload brings the two together. */
export class OtherVersionError extends Error {
  constructor() {
    super('This page and its lab runtime come from different builds of the site.');
    this.name = 'OtherVersionError';
  }
}

/** How long one check may run before the page decides the learner's code loops forever. */
export const CHECK_LIMIT_MS = 5_000;

/**
 * How long a run waits for its worker to get ready (load the lab, warm it up) before it gives up:
 * none of the learner's code has run by then, so this is no watchdog for it, only a floor under a
 * runtime that never starts. Generous, for a slow phone loading the BigQuery lab's SQL engine.
 */
export const START_LIMIT_MS = 30_000;

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
  readonly #messages: { stuckLoading: string; notStarted: string; notLoaded: string };

  /**
   * `messages`, in the page's language: `stuckLoading` for a run stopped after its order was sent
   * but before any check began, `notStarted` for a worker that never got ready, `notLoaded` for a
   * sandbox or runtime that did not download.
   */
  constructor(
    outline: LabOutline,
    messages: { stuckLoading: string; notStarted: string; notLoaded: string },
  ) {
    this.#outline = outline;
    this.#messages = messages;
  }

  /** Starts the sandbox and a worker now, so the next Run is quick (and, once loaded, needs no network). */
  prepare(): void {
    const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
    // A sandbox whose download failed (a Wi-Fi blip) never runs: the next Run downloads it again.
    if (this.#sandbox?.failed) {
      this.#sandbox.dispose();
      this.#sandbox = undefined;
    }
    const sandbox = (this.#sandbox ??= new LabSandbox(
      base + SANDBOX_PATH,
      base + runtimePath(this.#outline.slug),
    ));
    if (this.#spare) return;
    const spare = (this.#spare = sandbox.startWorker().catch((error: unknown) => {
      // The browser's words ("Failed to fetch") are neither in the page's language nor a way on.
      throw sandbox.failed ? new Error(this.#messages.notLoaded) : error;
    }));
    // A worker that failed to start is not kept: the next run tries a new one.
    spare.catch(() => {
      if (this.#spare === spare) this.#spare = undefined;
    });
  }

  /**
   * Runs `files` once; `seed` repeats an earlier run's generated cases. `onCheckStart` hears each
   * check start, after its watchdog is armed.
   */
  run(
    files: Record<string, string>,
    { seed, onCheckStart }: { seed?: number; onCheckStart?: (checkId: string) => void } = {},
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
      // Armed when the run order goes to the worker, so a loop at the top level of a file is
      // caught too; re-armed as each check starts, and left running after it, up to the report.
      const arm = (checkId?: string) => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => {
          const report = checkId
            ? timedOutReport(this.#outline, observed.finished, checkId, CHECK_LIMIT_MS)
            : this.#stuckLoading();
          finish(() => resolve(report));
        }, CHECK_LIMIT_MS);
      };
      watchdog = setTimeout(
        () => finish(() => reject(new Error(this.#messages.notStarted))),
        START_LIMIT_MS,
      );
      starting.then(
        (worker) => {
          if (settled) return;
          worker.onFailure = (message) => finish(() => reject(new Error(message)));
          worker.onEvent = (event) => {
            try {
              if (event.type === 'check-start') {
                observed.start(event.id);
                arm(event.id);
                onCheckStart?.(event.id);
              } else if (event.type === 'check-done') {
                observed.done(event.result);
              } else if (event.type === 'report') {
                const report = observed.report(event.report);
                finish(() => resolve(report));
              } else if (event.type === 'crash') {
                finish(() => reject(new Error(event.message)));
              } else if (event.type === 'other-version') {
                finish(() => reject(new OtherVersionError()));
              }
            } catch (error) {
              finish(() => reject(error));
            }
          };
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
    return loadFailedReport(this.#outline, { file: '', message: this.#messages.stuckLoading });
  }
}
