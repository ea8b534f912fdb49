import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { distDir } from './built-site.ts';
import { openLab } from './lab-page.ts';
import { storedPaths, visitUntilReadyOffline } from './offline.ts';
import { FIRST_RESULTS_TIMEOUT, openSearch, searchResultLinks } from './search.ts';

test.use({ serviceWorkers: 'allow' });
// A first visit stores the reading group (several MB through the worker) before anything is checked.
test.describe.configure({ timeout: 120_000 });

const PLANTED = 'document.documentElement.dataset.planted = "yes";';

/** Replaces the stored copy of `path` with other bytes, as any script of the origin could. */
async function plant(page: Page, cacheName: string, path: string): Promise<void> {
  const planted = await page.evaluate(
    async ([name, target, body]) => {
      const cache = await caches.open(name);
      const key = (await cache.keys()).find((request) => new URL(request.url).pathname === target);
      if (!key) return false;
      await cache.put(key, new Response(body, { headers: { 'Content-Type': 'text/javascript' } }));
      return true;
    },
    [cacheName, path, PLANTED] as const,
  );
  expect(planted, `${path} is stored in ${cacheName}`).toBe(true);
}

const firstModuleScript = (page: Page) =>
  page.locator('script[type="module"][src]').first().getAttribute('src') as Promise<string>;

test('a stored page script replaced with other bytes is never run; the build’s copy is served', async ({
  page,
}) => {
  await visitUntilReadyOffline(page);
  const script = await firstModuleScript(page);
  await plant(page, 'guide-reading', script);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.dataset.planted)).toBeUndefined();
  const served = await page.evaluate(
    (src) => fetch(src).then((response) => response.text()),
    script,
  );
  expect(served).toBe(readFileSync(join(distDir, script), 'utf8'));
});

test('offline, a tampered stored script fails to load instead of running', async ({
  page,
  context,
}) => {
  await visitUntilReadyOffline(page);
  const script = await firstModuleScript(page);
  await plant(page, 'guide-reading', script);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.dataset.planted)).toBeUndefined();
});

test('a stored lab script replaced with other bytes is never run', async ({ page }) => {
  await visitUntilReadyOffline(page, '/labs/lambda-tuning/');
  await openLab(page, 'lambda-tuning');
  const script = (await page
    .locator('script[type="module"][src*="LabWorkbench"]')
    .getAttribute('src'))!;
  await expect
    .poll(
      () =>
        page.evaluate(
          async (src) => Boolean(await (await caches.open('guide-labs')).match(src)),
          script,
        ),
      { timeout: 60_000 },
    )
    .toBe(true);
  await plant(page, 'guide-labs', script);

  await openLab(page, 'lambda-tuning');
  expect(await page.evaluate(() => document.documentElement.dataset.planted)).toBeUndefined();
});

test('the search index is stored gunzipped and checked: other bytes in its place are never served, and search still finds', async ({
  page,
}) => {
  await visitUntilReadyOffline(page);
  const meta = (await storedPaths(page, 'guide-reading'))
    .map((path) => path.split('?')[0])
    .find((path) => /^\/pagefind\/pagefind\.en_\w+\.pf_meta$/.test(path));
  expect(meta, 'the English search metadata is stored').toBeDefined();
  const built = gunzipSync(readFileSync(join(distDir, meta!)));
  const served = () =>
    page.evaluate(
      async (path) => [...new Uint8Array(await (await fetch(path)).arrayBuffer())],
      meta!,
    );
  // Inflated once, when stored: Pagefind's script, seeing its signature, skips inflating it.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  expect(Buffer.from(await served())).toEqual(built);

  await plant(page, 'guide-reading', meta!);
  await page.reload();
  await (await openSearch(page)).fill('Lambda');
  await expect(
    searchResultLinks(page).and(page.locator('[href="/chapters/lambda-tuning/"]')),
  ).toBeVisible({ timeout: FIRST_RESULTS_TIMEOUT });
  expect(Buffer.from(await served())).toEqual(built);
});
