import {
  isRunnerEvent,
  isSandboxNotice,
  type RunnerEvent,
  type RunOrder,
  type SandboxOrder,
} from './messages.ts';
import { SITE_META } from './paths.ts';

/** One lab worker in the sandbox, ready to take one run order. Reached only through its port. */
export interface SandboxWorker {
  send(order: RunOrder): void;
  /** Events of the run, checked for shape; one that is malformed arrives as a crash. */
  onEvent?: (event: RunnerEvent) => void;
  /** The worker stopped with an uncaught error (the sandbox saw its `error` event). */
  onFailure?: (message: string) => void;
  stop(): void;
}

/**
 * The page's side of the sandbox: a hidden `sandbox="allow-scripts"` frame (an opaque origin)
 * whose document is /lab-sandbox.html, fetched by the page and set as the frame's `srcdoc`.
 * Chromium sends no sandboxed frame's navigation through the service worker, so a frame that
 * navigated to the file would not load offline; a fetch from the page does. The srcdoc document
 * keeps the file's own policy (its meta tag: no network, workers from blob: only) on top of the
 * lab page's. It gets the lab's runtime script once and starts a worker of it on request; the
 * page fetches that script too, so the sandbox needs no network at all.
 */
export class LabSandbox {
  readonly #frame: HTMLIFrameElement;
  readonly #loaded: Promise<void>;
  readonly #onMessage: (event: MessageEvent) => void;
  #failed = false;
  readonly #failureHandlers = new Map<number, (message: string) => void>();
  #nextWorker = 1;

  constructor(sandboxUrl: string, runtimeUrl: string) {
    const frame = (this.#frame = document.createElement('iframe'));
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.hidden = true;
    let sandboxReady = () => {};
    const ready = new Promise<void>((resolve) => (sandboxReady = resolve));
    this.#onMessage = (event: MessageEvent) => {
      // An opaque origin posts with origin "null"; the source tells our frame from any other.
      if (
        event.source !== frame.contentWindow ||
        event.origin !== 'null' ||
        !isSandboxNotice(event.data)
      )
        return;
      const notice = event.data;
      if (notice.type === 'sandbox-ready') sandboxReady();
      else this.#failureHandlers.get(notice.worker)?.(notice.message);
    };
    addEventListener('message', this.#onMessage);
    const fetchText = (url: string) =>
      fetch(url).then((response) => {
        if (!response.ok) throw new Error(`${url} answered ${response.status}.`);
        return response.text();
      });
    const documentText = fetchText(sandboxUrl).then((html) => {
      // The srcdoc document's URL is about:srcdoc, so it is told which site's page frames it.
      const site = document.createElement('meta');
      site.name = SITE_META;
      site.content = location.origin;
      frame.srcdoc = html.replace('<head>', `<head>${site.outerHTML}`);
      document.body.append(frame);
    });
    const script = fetchText(runtimeUrl);
    this.#loaded = Promise.all([script, ready, documentText]).then(([text]) =>
      this.#post({ type: 'load-runtime', script: text }),
    );
    this.#loaded.catch(() => (this.#failed = true));
  }

  /** Whether the sandbox page or the lab's runtime failed to download: this sandbox never runs. */
  get failed(): boolean {
    return this.#failed;
  }

  /** Takes the sandbox off the page, so another can take its place. */
  dispose(): void {
    removeEventListener('message', this.#onMessage);
    this.#frame.remove();
  }

  // "*": an opaque origin cannot be named as a target; the frame is ours and cannot navigate away.
  #post(order: SandboxOrder, transfer: Transferable[] = []) {
    this.#frame.contentWindow!.postMessage(order, '*', transfer);
  }

  /** Starts a fresh worker and resolves once it has loaded the lab and holds its port. */
  async startWorker(): Promise<SandboxWorker> {
    await this.#loaded;
    const id = this.#nextWorker++;
    const { port1, port2 } = new MessageChannel();
    return new Promise((resolve, reject) => {
      const worker: SandboxWorker = {
        send: (order) => port1.postMessage(order),
        stop: () => {
          port1.close();
          this.#failureHandlers.delete(id);
          this.#post({ type: 'stop-worker', worker: id });
        },
      };
      this.#failureHandlers.set(id, (message) => {
        if (worker.onFailure) return worker.onFailure(message);
        worker.stop();
        reject(new Error(message));
      });
      port1.onmessage = (event: MessageEvent) => {
        const data: RunnerEvent = isRunnerEvent(event.data)
          ? event.data
          : { type: 'crash', message: 'The lab worker sent a message this page cannot read.' };
        if (data.type === 'ready') resolve(worker);
        else worker.onEvent?.(data);
      };
      this.#post({ type: 'start-worker', worker: id }, [port2]);
    });
  }
}
