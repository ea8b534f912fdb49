// Runs the learner's code in a Web Worker: it never touches the page, its storage or the network.
import { loadSources } from '../../../labs/kit/load-sources.ts';
import { loadFailedReport, runChecks } from '../../../labs/kit/run-checks.ts';
import type { Lab } from '../../../labs/kit/types.ts';
import { labPackages } from './lab-packages.ts';
import type { RunEvent, RunRequest } from './protocol.ts';

const labModules = import.meta.glob<{ lab: Lab }>('/labs/*/lab.ts');
const supportModules = import.meta.glob<Record<string, unknown>>('/labs/*/support/*.ts');

// Taken away before learner code runs; the kit needs none of them.
for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'indexedDB', 'caches', 'importScripts', 'BroadcastChannel']) {
  try {
    Object.defineProperty(globalThis, name, { value: undefined, configurable: false, writable: false });
  } catch {
    // A browser that does not let the property be replaced still has the worker's CSP (connect-src 'none').
  }
}

const post = (event: RunEvent) => postMessage(event);

/** Modules the learner may import: the lab's support files and the npm packages it declares. */
async function providedModules(slug: string, lab: Lab): Promise<Record<string, unknown>> {
  const provided: Record<string, unknown> = {};
  const prefix = `/labs/${slug}/`;
  for (const [path, load] of Object.entries(supportModules)) {
    if (path.startsWith(prefix)) provided[path.slice(prefix.length)] = await load();
  }
  for (const name of lab.packages ?? []) provided[name] = await labPackages[name]?.();
  return provided;
}

/** Loads a lab and what it provides once; the page asks early, so Run works offline too. */
const prepared = new Map<string, Promise<{ lab: Lab; provided: Record<string, unknown> }>>();
function prepare(slug: string) {
  if (!prepared.has(slug)) {
    prepared.set(
      slug,
      (async () => {
        const load = labModules[`/labs/${slug}/lab.ts`];
        if (!load) throw new Error(`No lab called "${slug}" is bundled with this page.`);
        const { lab } = await load();
        return { lab, provided: await providedModules(slug, lab) };
      })(),
    );
  }
  return prepared.get(slug)!;
}

addEventListener('message', async (event: MessageEvent<RunRequest>) => {
  const request = event.data;
  if (request.type === 'prepare') {
    void prepare(request.slug).catch(() => undefined);
    return;
  }
  const { slug, files, seed } = request;
  try {
    const { lab, provided } = await prepare(slug);
    const loaded = loadSources(files, provided);
    const report =
      'loadError' in loaded
        ? loadFailedReport(lab, loaded.loadError, seed)
        : await runChecks(lab, loaded.modules, {
            seed,
            onCheckStart: (id) => post({ type: 'check-start', id }),
            onCheckDone: (result) => post({ type: 'check-done', result }),
          });
    post({ type: 'report', report });
  } catch (error) {
    post({ type: 'crash', message: error instanceof Error ? error.message : String(error) });
  }
});
