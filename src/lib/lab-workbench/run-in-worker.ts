import { loadFailedReport } from '../../../labs/kit/run-checks.ts';
import { timedOutReport } from '../../../labs/kit/timed-out-report.ts';
import type { CheckResult, LabOutline, RunReport } from '../../../labs/kit/types.ts';
import type { RunEvent, RunRequest } from './protocol.ts';

/** How long one check may run before the page decides the learner's code loops forever. */
export const CHECK_LIMIT_MS = 5_000;

/**
 * Runs the checks in a worker and watches it: a check that does not finish within the limit
 * gets the worker terminated (the only way to stop a `while (true)`), and the next run starts
 * a fresh one.
 */
export class LabRunner {
  #worker: Worker | undefined;
  readonly #outline: LabOutline;
  readonly #stuckLoadingMessage: string;

  /** `stuckLoadingMessage` explains, in the page's language, a run stopped before any check began. */
  constructor(outline: LabOutline, stuckLoadingMessage: string) {
    this.#outline = outline;
    this.#stuckLoadingMessage = stuckLoadingMessage;
  }

  /** Starts a worker and has it load the lab now, so the first Run is quick and needs no network. */
  #startWorker(): Worker {
    const worker = new Worker(new URL('./lab-worker.ts', import.meta.url), { type: 'module' });
    const request: RunRequest = { type: 'prepare', slug: this.#outline.slug };
    worker.postMessage(request);
    return worker;
  }

  #stuckLoading(): RunReport {
    return loadFailedReport(this.#outline, { file: '', message: this.#stuckLoadingMessage });
  }

  prepare(): void {
    this.#worker ??= this.#startWorker();
  }

  run(files: Record<string, string>, onCheckDone?: (result: CheckResult) => void): Promise<RunReport> {
    const worker = (this.#worker ??= this.#startWorker());
    const finished: CheckResult[] = [];
    return new Promise((resolve, reject) => {
      let watchdog: ReturnType<typeof setTimeout> | undefined;
      const stop = () => {
        clearTimeout(watchdog);
        worker.removeEventListener('message', listen);
        worker.removeEventListener('error', fail);
      };
      // Armed from the moment the files are sent, so a loop at the top level of a file is caught too.
      const arm = (checkId?: string) => {
        watchdog = setTimeout(() => {
          stop();
          worker.terminate();
          // A fresh worker, loaded ahead, for the next run (and for offline use).
          this.#worker = this.#startWorker();
          resolve(checkId ? timedOutReport(this.#outline, finished, checkId, CHECK_LIMIT_MS) : this.#stuckLoading());
        }, CHECK_LIMIT_MS);
      };
      const listen = (event: MessageEvent<RunEvent>) => {
        const message = event.data;
        clearTimeout(watchdog);
        if (message.type === 'check-start') {
          arm(message.id);
        } else if (message.type === 'check-done') {
          finished.push(message.result);
          onCheckDone?.(message.result);
        } else if (message.type === 'report') {
          stop();
          resolve(message.report);
        } else {
          stop();
          reject(new Error(message.message));
        }
      };
      const fail = (event: ErrorEvent) => {
        stop();
        this.#worker = undefined;
        reject(new Error(event.message || 'The lab worker could not start.'));
      };
      worker.addEventListener('message', listen);
      worker.addEventListener('error', fail);
      const request: RunRequest = { type: 'run', slug: this.#outline.slug, files };
      worker.postMessage(request);
      arm();
    });
  }
}
