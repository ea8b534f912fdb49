import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { builtAttribute, distDir } from './built-site.ts';
import { expect, test } from './fixtures.ts';
import { readServiceWorkerManifest } from './offline.ts';
import { fetchForRoute } from './route-fetch.ts';

// The built site under a name other than localhost, over plain HTTP: how a room sees a guide
// served from the facilitator's laptop (`http://workshop.lan:4321/`). Not a secure context.
const port = Number(process.env.E2E_PORT ?? 4321);
const lanURL = `http://workshop.lan:${port}`;

const localURL = `http://127.0.0.1:${port}`;

test.use({ baseURL: lanURL });

// The preview server answers only to its own host name, so the browser's requests to
// workshop.lan are fetched from 127.0.0.1 and handed back under workshop.lan's origin.
test.beforeEach(async ({ context }) => {
  await context.route(`${lanURL}/**`, async (route) => {
    const response = await fetchForRoute(route, {
      url: route.request().url().replace(lanURL, localURL),
    });
    await route.fulfill({ response });
  });
});

// A page keeps loading after a short test has seen what it checks (the lab's type checker
// starts when the browser is idle); a fetch still in flight then is not a failure of the page.
test.afterEach(async ({ context }) => {
  await context.unrouteAll({ behavior: 'ignoreErrors' });
});

const banner = (page: Page) =>
  page.getByRole('complementary', {
    name: /Not a secure context|安全なコンテキストではありません/,
  });

for (const [path, says, fix] of [
  [
    '/',
    /Offline reading and the secure-SPA lab do not work at this address/,
    /run the workshop pack on this laptop and open http:\/\/localhost:4321\//,
  ],
  ['/chapters/opening/', /Offline reading and the secure-SPA lab do not work/, /HTTPS address/],
  [
    '/ja/chapters/opening/',
    /オフライン閲覧とセキュア SPA ラボが使えません/,
    /ワークショップパック/,
  ],
] as const) {
  test(`over plain HTTP from another machine, ${path} says what does not work and how to fix it`, async ({
    page,
  }) => {
    await page.goto(path);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await expect(banner(page).first()).toBeVisible();
    // Drawn as a banner, with its styles.
    await expect(banner(page).first()).toHaveCSS('border-bottom-style', 'solid');
    await expect(banner(page).first()).toContainText(says);
    await expect(banner(page).first()).toContainText(fix);
    await banner(page).first().getByRole('link').click();
    await expect(page).toHaveURL(/\/workshop\/#room-recipes$/);
  });
}

test('over plain HTTP from another machine, the home page offers no offline copy it cannot keep', async ({
  page,
}) => {
  await page.goto('/');
  await expect(banner(page).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /available offline/ })).toBeHidden();
  await expect(page.getByRole('progressbar')).toBeHidden();
});

test('the secure-SPA lab says before any run that its checks cannot pass here', async ({
  page,
}) => {
  await page.goto('/labs/secure-spa-auth/');
  const notice = banner(page).filter({ hasText: 'This lab cannot pass at this address.' });
  await expect(notice).toBeVisible();
  // Drawn as a boxed note in the page, with the banner's styles.
  await expect(notice).toHaveCSS('border-inline-start-width', '4px');
  await expect(notice).toContainText('crypto.subtle');
  const noticeTop = (await notice.boundingBox())!.y;
  const workbenchTop = (await page.locator('[data-workbench]').boundingBox())!.y;
  expect(noticeTop).toBeLessThan(workbenchTop);
});

test.describe('on localhost', () => {
  test.use({ baseURL: localURL });

  test('no banner and no lab notice', async ({ page }) => {
    await page.goto('/labs/secure-spa-auth/');
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(banner(page)).toHaveCount(0);
  });
});

test('a page carries the notice empty and fetches its words only where it shows; nothing stores them', () => {
  const heading = 'Offline reading and the secure-SPA lab do not work at this address.';
  for (const path of ['index.html', 'labs/secure-spa-auth/index.html']) {
    expect(builtAttribute(path, 'data-insecure-context'), path).toMatch(/^\/insecure-notice\/en\./);
    expect(readFileSync(join(distDir, path), 'utf8').includes(heading), path).toBe(false);
  }
  const manifest = readServiceWorkerManifest();
  const stored = [...manifest.reading, ...manifest.labs].map((entry) => entry.url);
  expect(stored.filter((url) => url.includes('/insecure-notice/'))).toEqual([]);
});
