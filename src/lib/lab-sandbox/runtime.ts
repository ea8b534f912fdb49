// The lab runtime: bundled once per lab (kit, the lab, its support files and packages) into one
// classic script that the sandbox starts as a worker from a blob: URL. Each worker runs one set
// of files and is then terminated, so nothing of one run survives into the next.
import { errorMessage } from '../../../labs/kit/describe-thrown.ts';
import { loadSources } from '../../../labs/kit/load-sources.ts';
import { loadFailedReport, runChecks } from '../../../labs/kit/run-checks.ts';
import type { Lab } from '../../../labs/kit/types.ts';
import { isRunOrder, type RunnerEvent } from './messages.ts';
import { stripGlobals } from './strip-globals.ts';
import { installSubtleProxy } from './subtle-proxy.ts';

/**
 * Waits for the MessagePort the page hands over (through the sandbox, before any learner code
 * exists), then answers one run order on it. The port and its bound `postMessage` live only in
 * this closure: learner code cannot reach them, and replacing `MessagePort.prototype.postMessage`
 * later changes nothing. The worker's own `postMessage` reaches only the sandbox document, which
 * ignores it. The second port, if any, serves `crypto.subtle` (see subtle-proxy.ts).
 */
export function startLabRuntime(lab: Lab, provided: Record<string, unknown>): void {
  const takePort = (event: MessageEvent) => {
    const [port, subtlePort] = event.ports;
    if (!port) return;
    removeEventListener('message', takePort);
    if (subtlePort) installSubtleProxy(subtlePort);
    const send: (event: RunnerEvent) => void = MessagePort.prototype.postMessage.bind(port);
    port.onmessage = (order: MessageEvent) => {
      port.onmessage = null;
      void run(order.data, send);
    };
    // Said once the lab's support code is warm: the page sends no run order before "ready".
    void warmUp().then(() => send({ type: 'ready' }));
  };
  addEventListener('message', takePort);

  /** A warm-up that fails costs only speed: the run still works, cold. */
  async function warmUp(): Promise<void> {
    try {
      await lab.warmUp?.();
    } catch (error) {
      console.warn('The lab runtime could not warm up:', error);
    }
  }

  async function run(order: unknown, send: (event: RunnerEvent) => void): Promise<void> {
    if (!isRunOrder(order)) {
      send({ type: 'crash', message: 'The page sent the lab runtime a run order it cannot read.' });
      return;
    }
    const ids = lab.checks.map((check) => check.id);
    if (ids.join('\n') !== order.checks.join('\n')) {
      send({ type: 'other-version' });
      return;
    }
    stripGlobals(globalThis);
    try {
      const loaded = loadSources(order.files, provided);
      const report =
        'loadError' in loaded
          ? loadFailedReport(lab, loaded.loadError, order.seed)
          : await runChecks(lab, loaded.modules, {
              seed: order.seed,
              sources: order.files,
              onCheckStart: (id) => send({ type: 'check-start', id }),
              onCheckDone: (result) => send({ type: 'check-done', result }),
            });
      send({ type: 'report', report });
    } catch (error) {
      send({ type: 'crash', message: errorMessage(error) });
    }
  }
}
