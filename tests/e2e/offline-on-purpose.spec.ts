import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Response } from '@playwright/test';
import { distDir } from './built-site.ts';
import { expect, test } from './fixtures.ts';
import { openLab, runChecks } from './lab-page.ts';
import {
  readServiceWorkerManifest,
  stopReplacedWorker,
  storedPaths,
  visitUntilReadyOffline,
  withServiceWorkerManifest,
} from './offline.ts';

test.use({ serviceWorkers: 'allow' });
// A first visit stores the reading group (several MB through the worker) before anything is checked.
test.describe.configure({ timeout: 120_000 });

const manifest = readServiceWorkerManifest();
const labUrls = new Set(manifest.labs.map((entry) => entry.url));
const withoutRevision = (key: string) => key.replace(/\?__WB_REVISION__=\w+$/, '');

/** Every Pagefind file the page itself asked for (not the service worker filling its cache). */
function pagefindResponses(page: Page): Response[] {
  const answered: Response[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/pagefind/')) answered.push(response);
  });
  return answered;
}

/**
 * Waits until the page has loaded Pagefind and its index's metadata (the last file it loads
 * before the first query), then checks the service worker's copy answered every file.
 */
async function expectPagefindFromOfflineCopy(answered: Response[]): Promise<void> {
  const loaded = (pattern: RegExp) =>
    answered.some((response) => pattern.test(new URL(response.url()).pathname));
  await expect.poll(() => loaded(/^\/pagefind\/pagefind\.js$/) && loaded(/\.pf_meta$/)).toBe(true);
  expect(
    answered.filter((response) => !response.fromServiceWorker()).map((response) => response.url()),
    'Pagefind files the page fetched from the network',
  ).toEqual([]);
}

test('search loads while the reader reads once the offline copy is in place, from that copy', async ({
  page,
}) => {
  const answered = pagefindResponses(page);
  const segmenters = await countSegmenters(page);
  // First page of a first visit: once the worker has stored the guide and taken over the page,
  // Pagefind and the index are on the device, so the page loads them when idle and the first
  // search answers as fast as later ones, without a byte more from the network.
  await visitUntilReadyOffline(page, '/chapters/opening/');
  await expectPagefindFromOfflineCopy(answered);
  // A later page does the same, from its start.
  answered.length = 0;
  await page.goto('/ja/chapters/gcp-data/');
  await expectPagefindFromOfflineCopy(answered);
  await expect(page.locator('site-search dialog')).not.toBeVisible();
  // Readying a query's word splitting (Japanese break data: one long task) waits for a reader
  // heading for the search button; loading while idle does not do it for them.
  await page.evaluate(() => new Promise((done) => requestIdleCallback(done)));
  expect(await segmenters(), 'word splitters made before the reader went near search').toBe(0);
  await page.locator('[data-open-search]').hover();
  await expect.poll(segmenters).toBeGreaterThan(0);
});

/** Counts the `Intl.Segmenter`s each page of `page` makes; the function returned reads the count. */
async function countSegmenters(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const Segmenter = Intl.Segmenter;
    const counted = window as unknown as { segmentersMade: number };
    counted.segmentersMade = 0;
    const Counted = class extends Segmenter {
      constructor(...args: ConstructorParameters<typeof Segmenter>) {
        super(...args);
        counted.segmentersMade++;
      }
    };
    Object.defineProperty(Intl, 'Segmenter', {
      value: Counted,
      writable: true,
      configurable: true,
    });
  });
  return () =>
    page.evaluate(() => (window as unknown as { segmentersMade: number }).segmentersMade);
}

test('the first visit stores pages in both languages, styles and both search indexes, and no lab page or lab code', async ({
  page,
}) => {
  await visitUntilReadyOffline(page);
  await expect(
    page.getByRole('status').filter({ hasText: /Ready offline for reading/ }),
  ).toBeVisible();
  const reading = (await storedPaths(page, 'guide-reading')).map(withoutRevision);
  expect(reading).toEqual(
    expect.arrayContaining([
      '/chapters/lambda-tuning/',
      '/ja/chapters/lambda-tuning/',
      '/glossary/',
      '/ja/glossary/',
    ]),
  );
  expect(reading.some((path) => path.endsWith('.css'))).toBe(true);
  expect(
    reading.filter((path) => /^\/pagefind\/pagefind\.(en|ja)_\w+\.pf_meta$/.test(path)),
  ).toHaveLength(2);
  // Lab pages (their HTML carries the lab's code), the type checker, the lab worker and the
  // labs' code wait until a lab is opened.
  expect(reading).not.toContain('/labs/lambda-tuning/');
  expect(
    reading.filter(
      (path) => labUrls.has(path) || /type-check|lab-worker|typescript|lib\.es/.test(path),
    ),
  ).toEqual([]);
  expect(await storedPaths(page, 'guide-labs')).toEqual([]);
});

test('"Make the whole guide available offline" stores the labs with progress, and stays done after a reload', async ({
  page,
}) => {
  await visitUntilReadyOffline(page, '/workshop/');
  const control = page.getByRole('button', {
    name: /^Make the whole guide available offline — [\d.]+ MB$/,
  });
  // Nothing is being stored yet, so there is no progress to show.
  await expect(page.getByRole('progressbar')).toBeHidden();
  await control.click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByText('The whole guide is available offline, labs included.')).toBeVisible({
    timeout: 60_000,
  });
  expect((await storedPaths(page, 'guide-labs')).map(withoutRevision).sort()).toEqual(
    [...labUrls].sort(),
  );

  await page.reload();
  await expect(page.getByText('The whole guide is available offline, labs included.')).toBeVisible({
    timeout: 30_000,
  });
  await expect(control).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: /Ready offline: chapters, search and labs/ }),
  ).toBeVisible();
});

test('a page loaded while the whole guide is being stored shows the progress and the end', async ({
  page,
}) => {
  // Each lab file is held back a little so the download is still under way when the page reloads.
  await page.context().route(
    (url) => labUrls.has(url.pathname),
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await route.continue();
    },
  );
  await visitUntilReadyOffline(page, '/workshop/');
  await page.getByRole('button', { name: /^Make the whole guide available offline/ }).click();
  const progress = page.getByRole('progressbar');
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0);
  await page.reload();
  await expect(progress).toBeVisible();
  await expect(page.getByText('Storing the labs, the editor and the type checker…')).toBeVisible();
  await expect(page.getByText('The whole guide is available offline, labs included.')).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByRole('button', { name: /^Make the whole guide/ })).toBeHidden();
});

test('the Japanese home page offers the whole guide offline in Japanese, in line with its text', async ({
  page,
}) => {
  await visitUntilReadyOffline(page, '/ja/');
  const control = page.getByRole('button', {
    name: /^ガイド全体をオフラインで使えるようにする — [\d.]+ MB$/,
  });
  await expect(control).toBeVisible();
  // The home page's text keeps a reading measure in the middle of a wide column; the control under
  // it starts where the text does, not at the column's edge.
  const text = (await page.locator('.sl-markdown-content').boundingBox())!;
  expect(Math.abs((await control.boundingBox())!.x - text.x)).toBeLessThan(1);
});

test('a lab opened once works with no network, and so does its page in the other language', async ({
  page,
  context,
}) => {
  await visitUntilReadyOffline(page, '/labs/lambda-tuning/');
  await openLab(page, 'lambda-tuning');
  const needed = [
    ...manifest.labPages['/labs/lambda-tuning/'],
    ...manifest.labPages['/ja/labs/lambda-tuning/'],
  ];
  expect(needed).toContain('/labs/lambda-tuning/');
  expect(needed).toContain('/ja/labs/lambda-tuning/');
  const missing = async () => {
    const stored = new Set((await storedPaths(page, 'guide-labs')).map(withoutRevision));
    return needed.filter((url) => !stored.has(url));
  };
  await expect.poll(missing, { timeout: 60_000 }).toEqual([]);

  await context.setOffline(true);
  await openLab(page, 'lambda-tuning');
  await runChecks(page);
  await expect(page.locator('.wb-summary')).toHaveText(/\d+ of \d+ checks pass/);
  // The language picker leads to the Japanese page of the same lab, which runs offline too.
  await openLab(page, 'lambda-tuning', '/ja');
  await runChecks(page);
  await expect(page.locator('.wb-summary')).toHaveText(/\d+ 件中 \d+ 件のチェックが通りました/);
});

test('offline, a page not stored yet says so in its language, and leads back to what is stored', async ({
  page,
  context,
}) => {
  await visitUntilReadyOffline(page);
  await context.setOffline(true);
  for (const [path, heading, home, homeHeading] of [
    ['/labs/lambda-tuning/', 'Not available offline yet', 'Go to the event overview', /Serverless/],
    ['/ja/labs/lambda-tuning/', 'まだオフラインでは開けません', 'イベント概要へ', /Serverless/],
    [
      '/chapters/no-such-chapter/',
      'Not available offline yet',
      'Go to the event overview',
      /Serverless/,
    ],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    // The address stays the page's own, so a reload once the network is back opens it.
    expect(new URL(page.url()).pathname).toBe(path);
    await page.getByRole('link', { name: home, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(homeHeading);
  }
  await context.setOffline(false);
  await page.goto('/labs/lambda-tuning/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Lambda/);
});

test('after a new build, the whole guide stored for offline is stored again: the changed lab files are fetched while online', async ({
  page,
  context,
}) => {
  await visitUntilReadyOffline(page, '/workshop/');
  await page.getByRole('button', { name: /^Make the whole guide available offline/ }).click();
  await expect(page.getByText('The whole guide is available offline, labs included.')).toBeVisible({
    timeout: 60_000,
  });

  // The new build changes the Azure lab's page: its entry gets a new revision (same bytes, so the
  // digest still holds). The new worker drops the old copy when it takes over.
  const workerFile = join(distDir, 'sw.js');
  const originalWorker = readFileSync(workerFile, 'utf8');
  const rebuilt = readServiceWorkerManifest(originalWorker);
  const entry = rebuilt.labs.find((candidate) => candidate.url === '/labs/azure-push/')!;
  entry.revision = '0123456789abcdef';
  const newKey = `/labs/azure-push/?__WB_REVISION__=${entry.revision}`;
  try {
    writeFileSync(workerFile, withServiceWorkerManifest(originalWorker, rebuilt));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await stopReplacedWorker(page);
    // The reader opens any page while online: what they had stored is complete again.
    await page.goto('/chapters/opening/');
    await expect.poll(() => storedPaths(page, 'guide-labs'), { timeout: 60_000 }).toContain(newKey);
  } finally {
    writeFileSync(workerFile, originalWorker);
  }
  await context.setOffline(true);
  await openLab(page, 'azure-push');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/offline/i);
});
