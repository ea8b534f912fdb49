import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { distDir } from './built-site.ts';
import { openSearch } from './search.ts';

test.use({ serviceWorkers: 'allow' });
// These tests edit files of the build for a moment; nothing else may run beside them.
test.describe.configure({ mode: 'serial' });

async function visitUntilReadyOffline(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: /Ready offline/ })).toBeVisible({ timeout: 30_000 });
}

test('after one visit, chapters and search work with no network', async ({ page, context }) => {
  await visitUntilReadyOffline(page);
  await context.setOffline(true);

  for (const [path, heading] of [
    ['/chapters/opening/', /Opening/],
    ['/chapters/gcp-data/', /Google Cloud/],
    ['/glossary/', /Glossary/],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  }

  await (await openSearch(page)).fill('BigQuery');
  await expect(page.locator('a.pagefind-ui__result-link[href="/chapters/gcp-data/"]')).toBeVisible();
});

test('a changed page shows on the next load, and a new build replaces the stored copy', async ({ page }) => {
  await visitUntilReadyOffline(page);
  const pageFile = join(distDir, 'chapters/summary/index.html');
  const workerFile = join(distDir, 'sw.js');
  const originalPage = readFileSync(pageFile, 'utf8');
  const originalWorker = readFileSync(workerFile, 'utf8');
  try {
    await page.goto('/chapters/summary/');
    writeFileSync(pageFile, originalPage.replace('</h1>', ' (rebuilt)</h1>'));
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('(rebuilt)');

    const oldVersion = /const VERSION = "(\w+)"/.exec(originalWorker)![1];
    writeFileSync(workerFile, originalWorker.replace(oldVersion, 'rebuilt0000000000'));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
    await expect
      .poll(() => page.evaluate(() => caches.keys()), { timeout: 30_000 })
      .toEqual(['guide-rebuilt0000000000']);
  } finally {
    writeFileSync(pageFile, originalPage);
    writeFileSync(workerFile, originalWorker);
  }
});
