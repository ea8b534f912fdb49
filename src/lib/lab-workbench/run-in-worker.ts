import { timedOutReport, type LabOutline } from '../../../labs/kit/timed-out-report.ts';
import type { CheckResult, RunReport } from '../../../labs/kit/types.ts';
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

  constructor(outline: LabOutline) {
    this.#outline = outline;
  }

  run(files: Record<string, string>, onCheckDone?: (result: CheckResult) => void): Promise<RunReport> {
    const worker = (this.#worker ??= new Worker(new URL('./lab-worker.ts', import.meta.url), { type: 'module' }));
    const finished: CheckResult[] = [];
    return new Promise((resolve, reject) => {
      let watchdog: ReturnType<typeof setTimeout> | undefined;
      const stop = () => {
        clearTimeout(watchdog);
        worker.removeEventListener('message', listen);
        worker.removeEventListener('error', fail);
      };
      const listen = (event: MessageEvent<RunEvent>) => {
        const message = event.data;
        clearTimeout(watchdog);
        if (message.type === 'check-start') {
          watchdog = setTimeout(() => {
            stop();
            worker.terminate();
            this.#worker = undefined;
            resolve(timedOutReport(this.#outline, finished, message.id, CHECK_LIMIT_MS));
          }, CHECK_LIMIT_MS);
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
    });
  }
}
