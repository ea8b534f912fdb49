import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { distDir } from './built-site.ts';
import {
  readServiceWorkerManifest,
  serviceWorkerStates,
  stopReplacedWorker,
  storedPaths,
  visitUntilReadyOffline,
  withServiceWorkerManifest,
} from './offline.ts';
import { openSearch, searchResultLinks, FIRST_RESULTS_TIMEOUT } from './search.ts';

test.use({ serviceWorkers: 'allow' });
// These tests edit files of the build for a moment; nothing else may run beside them.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

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
  await expect(
    searchResultLinks(page).and(page.locator('[href="/chapters/gcp-data/"]')),
  ).toBeVisible({ timeout: FIRST_RESULTS_TIMEOUT });
});

test('a changed page shows on the next load, and a new build replaces the stored copy', async ({
  page,
}) => {
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

    // The new build differs in this one page: its precache entry (revision and digest) changes.
    const changedPage = readFileSync(pageFile);
    const manifest = readServiceWorkerManifest(originalWorker);
    const entry = manifest.reading.find((candidate) => candidate.url === '/chapters/summary/')!;
    const oldKey = `/chapters/summary/?__WB_REVISION__=${entry.revision}`;
    const before = await storedPaths(page, 'guide-reading');
    expect(before).toContain(oldKey);
    entry.revision = createHash('sha256').update(changedPage).digest('hex').slice(0, 16);
    entry.integrity = `sha256-${createHash('sha256').update(changedPage).digest('base64')}`;
    writeFileSync(workerFile, withServiceWorkerManifest(originalWorker, manifest));
    // The reader is still reading when the new build's worker installs: the page fetches another
    // chapter through the worker, four at a time for 4 s, around the update.
    await page.evaluate(async () => {
      const end = performance.now() + 4_000;
      const keepReading = async () => {
        while (performance.now() < end)
          await fetch('/chapters/opening/')
            .then((response) => response.text())
            .catch(() => undefined);
      };
      for (let reader = 0; reader < 4; reader++) void keepReading();
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const newKey = `/chapters/summary/?__WB_REVISION__=${entry.revision}`;
    await expect
      .poll(() => storedPaths(page, 'guide-reading'), { timeout: 30_000 })
      .toContain(newKey);
    // Only that page's entry was replaced; every other stored file is the one stored before. The
    // old entry goes when the new worker activates, a moment after the old one has stopped.
    try {
      await stopReplacedWorker(page);
      await expect
        .poll(async () => (await storedPaths(page, 'guide-reading')).sort(), { timeout: 30_000 })
        .toEqual([...before.filter((key) => key !== oldKey), newKey].sort());
    } catch (error) {
      // Say where the new worker was if it did not take over, or the old entry outlived it.
      await test.info().attach('service worker states', {
        body: await serviceWorkerStates(page),
        contentType: 'text/plain',
      });
      throw error;
    }
  } finally {
    writeFileSync(pageFile, originalPage);
    writeFileSync(workerFile, originalWorker);
  }
});
