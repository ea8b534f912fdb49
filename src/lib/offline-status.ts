import type { OfflineReport, OfflineRequest } from './offline-messages.ts';
import { whenIdleAfterLoad } from './when-idle.ts';

type ReportListener = (report: OfflineReport) => void;
const listeners = new Set<ReportListener>();
let worker: Promise<ServiceWorker | undefined> | undefined;

/**
 * Registers the guide's service worker and resolves with the active worker, or nothing where
 * service workers are blocked. It waits for the page to load and then go idle: on a first visit
 * the install stores about 1 MB, and begun at `load` it ran beside a lab page's start (its editor
 * and type checker are built after `load`), which Lighthouse counted as blocking time (lab page,
 * eleven runs each: median score 76 registered at load, 82 registered when idle).
 */
export function connectOffline(scriptUrl: string): Promise<ServiceWorker | undefined> {
  if (!('serviceWorker' in navigator)) return Promise.resolve(undefined);
  worker ??= new Promise<void>((resolve) => whenIdleAfterLoad(resolve))
    .then(() => navigator.serviceWorker.register(scriptUrl))
    .then(
      async (registration: ServiceWorkerRegistration | undefined) => {
        // Some embedded browsers and test harnesses block service workers and resolve with nothing.
        if (!registration) return undefined;
        navigator.serviceWorker.addEventListener(
          'message',
          (event: MessageEvent<OfflineReport>) => {
            if (event.data?.type === 'offline-status')
              for (const listener of listeners) listener(event.data);
          },
        );
        if (!registration.active) preparing();
        return (await navigator.serviceWorker.ready).active ?? undefined;
      },
      (error: unknown) => {
        console.warn('The offline copy of the guide could not be set up:', error);
        return undefined;
      },
    );
  return worker;
}

/** Calls `listener` with every report the service worker sends to this page. */
export function onOfflineReport(listener: ReportListener): void {
  listeners.add(listener);
}

/** Before the first install ends nothing is stored: said without asking the worker. */
function preparing(): void {
  for (const listener of listeners)
    listener({
      type: 'offline-status',
      reading: false,
      labs: { stored: 0, total: 1 },
      storing: false,
    });
}

/** Sends `request` to the active service worker once it is ready. */
export async function askOffline(scriptUrl: string, request: OfflineRequest): Promise<boolean> {
  const active = await connectOffline(scriptUrl);
  active?.postMessage(request);
  return active !== undefined;
}

export type OfflineState = 'preparing' | 'readingOnly' | 'ready';

/** What the footer says: reading is stored once the worker is active; "ready" once the labs are too. */
export const offlineStateOf = (report: OfflineReport): OfflineState =>
  !report.reading ? 'preparing' : report.labs.stored >= report.labs.total ? 'ready' : 'readingOnly';
