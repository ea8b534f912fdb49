import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { distDir } from './built-site.ts';
import { openLab } from './lab-page.ts';
import { visitUntilReadyOffline } from './offline.ts';

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
