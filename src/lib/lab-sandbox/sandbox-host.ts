// The script of the sandbox document (/lab-sandbox/): a page framed with `sandbox="allow-scripts"`
// and no `allow-same-origin`, so its origin is opaque and the site's Cache Storage, IndexedDB and
// localStorage do not exist for it or its workers. It starts lab workers from a blob: URL of the
// runtime script the page sends, hands each one the port the page made for it, and stops them.
import { isSandboxOrder, type SandboxNotice } from './messages.ts';
import { SITE_META } from './paths.ts';
import { serveSubtle } from './subtle-service.ts';

// `location.origin` is "null" in an opaque origin and the URL is about:srcdoc: the page that
// framed this document wrote its origin into a meta tag before handing the document over.
const site = document.querySelector<HTMLMetaElement>(`meta[name="${SITE_META}"]`)?.content ?? '';
const workers = new Map<number, { worker: Worker; subtle: MessagePort }>();
let runtimeUrl: string | undefined;

const tell = (notice: SandboxNotice) => parent.postMessage(notice, site);

addEventListener('message', (event: MessageEvent) => {
  if (event.source !== parent || event.origin !== site || !isSandboxOrder(event.data)) return;
  const order = event.data;
  if (order.type === 'load-runtime') {
    if (runtimeUrl) URL.revokeObjectURL(runtimeUrl);
    runtimeUrl = URL.createObjectURL(new Blob([order.script], { type: 'text/javascript' }));
  } else if (order.type === 'start-worker') {
    const [port] = event.ports;
    if (!runtimeUrl || !port || workers.has(order.worker)) {
      tell({
        type: 'worker-failed',
        worker: order.worker,
        message: 'The lab runtime is not loaded yet.',
      });
      return;
    }
    const worker = new Worker(runtimeUrl, { name: `lab-runner-${order.worker}` });
    worker.addEventListener('error', (error) => {
      error.preventDefault();
      tell({
        type: 'worker-failed',
        worker: order.worker,
        message: error.message || 'The lab worker stopped with an error.',
      });
    });
    // The worker's own port to the page, then one to this document's crypto.subtle.
    const subtle = new MessageChannel();
    serveSubtle(subtle.port1);
    worker.postMessage({ type: 'port' }, [port, subtle.port2]);
    workers.set(order.worker, { worker, subtle: subtle.port1 });
  } else {
    const stopped = workers.get(order.worker);
    stopped?.worker.terminate();
    stopped?.subtle.close();
    workers.delete(order.worker);
  }
});

tell({ type: 'sandbox-ready' });
