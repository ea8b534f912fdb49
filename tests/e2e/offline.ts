import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { manifestOf, type OfflineManifest } from '../../src/integrations/offline-groups.ts';
import { distDir } from './built-site.ts';

/** What the built service worker stores: the manifest `offline-guide.ts` wrote at the top of sw.js. */
export function readServiceWorkerManifest(
  source = readFileSync(join(distDir, 'sw.js'), 'utf8'),
): OfflineManifest {
  return manifestOf(source);
}

/** `source` (a built sw.js) as a new build would write it with `manifest`: the worker of that build. */
export function withServiceWorkerManifest(source: string, manifest: OfflineManifest): string {
  return source.replace(
    /^const GUIDE_MANIFEST = .*;$/m,
    () => `const GUIDE_MANIFEST = ${JSON.stringify(manifest)};`,
  );
}

/** Visits `path` and waits until the footer says reading works offline. */
export async function visitUntilReadyOffline(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /Ready offline|オフラインで読めます|オフライン準備完了/ }),
  ).toBeVisible({ timeout: 60_000 });
}

/** URL paths stored in one of the worker's caches (`guide-reading`, `guide-labs`), revisions included. */
export function storedPaths(page: Page, cacheName: string): Promise<string[]> {
  return page.evaluate(async (name) => {
    if (!(await caches.has(name))) return [];
    const keys = await (await caches.open(name)).keys();
    return keys.map((request) => new URL(request.url).pathname + new URL(request.url).search);
  }, cacheName);
}

/**
 * Once a new build's worker has installed, stops the worker it replaces until the new one takes
 * over, as Chromium does by itself when that worker has been idle for 30 s. A new worker that
 * installs while the old one is still answering the page's requests waits until the old one stops,
 * skipWaiting() or not. Without DevTools that wait ended 35 s after the install in 8 of 8 runs (the
 * page fetching for 4 s, then 30 s idle; driven over plain CDP, no session on the workers).
 * Playwright keeps a DevTools session on every worker, and Chromium never stops a worker with one
 * for being idle, so under test the new worker would wait for ever. The page's next request
 * starts a stopped worker again, so the old one is stopped each second for as long as a successor
 * waits; a worker with no successor waiting is never stopped.
 */
export async function stopReplacedWorker(page: Page): Promise<void> {
  const devtools = await page.context().newCDPSession(page);
  try {
    const versions = new Map<string, string>();
    devtools.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }) => {
      for (const { versionId, status } of updated) versions.set(versionId, status);
    });
    await devtools.send('ServiceWorker.enable');
    await expect
      .poll(
        async () => {
          const statuses = [...versions.values()];
          if (statuses.length === 0 || statuses.includes('installing')) return 'installing';
          if (!statuses.includes('installed')) return 'taken over';
          const replaced = [...versions].find(([, status]) => status === 'activated')?.[0];
          if (replaced) await devtools.send('ServiceWorker.stopWorker', { versionId: replaced });
          return 'waiting';
        },
        { intervals: [1_000], timeout: 30_000 },
      )
      .toBe('taken over');
  } finally {
    await devtools.detach();
  }
}

/**
 * The registration's workers as the page sees them, and as the browser's own service worker page
 * lists them (each version's running status and clients): where a new build's worker is
 * (installing, waiting for the old one to finish its work, or active) when a test waits on it in
 * vain. Never throws: it is read while a failure is being reported, and must not replace that
 * failure.
 */
export async function serviceWorkerStates(page: Page): Promise<string> {
  const read = async (what: string, how: () => Promise<string>) => {
    try {
      return await how();
    } catch (error) {
      return `${what} could not be read: ${error instanceof Error ? error.message : error}`;
    }
  };
  const inPage = await read("the page's view", () =>
    page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return JSON.stringify({
        installing: registration?.installing?.state ?? null,
        waiting: registration?.waiting?.state ?? null,
        active: registration?.active?.state ?? null,
        controller: navigator.serviceWorker.controller?.state ?? null,
      });
    }),
  );
  const inBrowser = await read('chrome://serviceworker-internals', async () => {
    const internals = await page.context().newPage();
    try {
      await internals.goto('chrome://serviceworker-internals/');
      const registration = internals.getByText('Scope:', { exact: false }).first();
      await registration.waitFor({ timeout: 5_000 });
      return await internals.locator('body').innerText();
    } finally {
      await internals.close();
    }
  });
  return `${inPage}\n\n${inBrowser}`;
}
