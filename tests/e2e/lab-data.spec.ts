import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { distDir } from './built-site.ts';
import {
  firstExerciseFile,
  labFolder,
  labPages,
  openLab,
  pressAndConfirm,
  savedCode,
  typeInEditor,
} from './lab-page.ts';
import { readServiceWorkerManifest } from './offline.ts';

// A lab page's HTML is the page, not the lab: the starter, the solution and the files the type
// checker reads come from hashed JSON files when needed (issue 15), stored with the lab for offline use.

const builtPage = (path: string) => readFileSync(join(distDir, path, 'index.html'), 'utf8');
/** The lab data files a built lab page names (LabWorkbench.astro inlines their URLs, nothing more). */
const dataUrls = (html: string) =>
  [...html.matchAll(/\/lab-data\/[\w.-]+\.json/g)].map((match) => match[0]);

for (const slug of labPages) {
  test(`${slug}: the page's HTML carries no starter or solution code, in either language`, () => {
    const files = { ...labFolder(slug, 'starter'), ...labFolder(slug, 'solution') };
    for (const path of [`labs/${slug}`, `ja/labs/${slug}`]) {
      const html = builtPage(path);
      for (const [file, text] of Object.entries(files)) {
        // As text and as a JSON string: the two ways code was put into a page.
        expect(html.includes(text), `${path}: ${file}`).toBe(false);
        expect(html.includes(JSON.stringify(text).slice(1, -1)), `${path}: ${file} as JSON`).toBe(
          false,
        );
      }
      expect(dataUrls(html).length, path).toBeGreaterThan(0);
    }
  });
}

test("a lab's data files are stored when the lab is opened, never on a first visit to read", () => {
  const manifest = readServiceWorkerManifest();
  expect(manifest.reading.filter((entry) => entry.url.includes('/lab-data/'))).toEqual([]);
  for (const slug of labPages) {
    for (const path of [`labs/${slug}`, `ja/labs/${slug}`]) {
      const urls = dataUrls(builtPage(path));
      expect(manifest.labPages[`/${path}/`], path).toEqual(expect.arrayContaining(urls));
    }
  }
});

const slug = 'lambda-tuning';
const file = await firstExerciseFile(slug);
const mine = `// my own attempt\n${labFolder(slug, 'starter')[file]}`;

/** Saved code from an earlier visit, in place before the page's scripts run. */
async function keepSavedCode(page: Page) {
  await page.addInitScript(
    ([key, text]) => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, text);
    },
    [`smt2:lab:${slug}:file:${file}`, mine],
  );
}

const blockPart = (page: Page, part: string) =>
  page.route(new RegExp(`/lab-data/${slug}-${part}\\.\\w+\\.json$`), (route) =>
    route.abort('internetdisconnected'),
  );

const failures = [
  { prefix: '', message: /Part of this lab could not be loaded, so nothing was changed/ },
  { prefix: '/ja', message: /このラボのデータを読み込めなかったため、何も変更していません/ },
];

for (const { prefix, message } of failures) {
  test(`${prefix || '/en'}: when the lab's files do not load, the page says so and the saved code stays for the next visit`, async ({
    page,
  }) => {
    await keepSavedCode(page);
    await blockPart(page, 'start');
    await page.goto(`${prefix}/labs/${slug}/`);
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
    await expect(page.locator('[data-workbench]')).not.toHaveAttribute('data-ready', 'true');
    expect(await savedCode(page, slug, file)).toBe(mine);

    await page.unrouteAll();
    await page.reload();
    await expect(page.locator('[data-workbench]')).toHaveAttribute('data-ready', 'true');
    await expect(page.locator('.cm-content')).toContainText('// my own attempt');
  });
}

// The editor and the lab kit load after the page paints (start-after-paint.ts): fetched before,
// they held the instructions back on a slow connection.
const workbenchScript = /\/_astro\/workbench\.[\w-]+\.js$/;

test('the instructions paint before the editor’s script is fetched', async ({ page }) => {
  await openLab(page, slug);
  const { painted, fetched } = await page.evaluate((pattern) => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const script = performance
      .getEntriesByType('resource')
      .find((entry) => new RegExp(pattern).test(entry.name));
    return { painted: paint?.startTime, fetched: script?.startTime };
  }, workbenchScript.source);
  expect(painted, 'first contentful paint').toBeDefined();
  expect(fetched, 'the workbench script was fetched').toBeDefined();
  expect(fetched!).toBeGreaterThanOrEqual(painted!);
});

// Two parts the workbench cannot start without: with either blocked, a Japanese page says so in
// Japanese, the workbench does not start, and the saved code stays.
const essentialParts = [
  { part: 'the editor’s script', url: workbenchScript },
  { part: 'the workbench’s strings', url: /\/lab-data\/workbench-strings-ja\.\w+\.json$/ },
];

for (const { part, url } of essentialParts) {
  test(`when ${part} does not load, the page says so in its own language and keeps the saved code`, async ({
    page,
  }) => {
    await keepSavedCode(page);
    await page.route(url, (route) => route.abort('internetdisconnected'));
    await page.goto(`/ja/labs/${slug}/`);
    await expect(page.getByRole('alert').filter({ hasText: failures[1].message })).toBeVisible();
    await expect(page.locator('[data-workbench]')).not.toHaveAttribute('data-ready', 'true');
    expect(await savedCode(page, slug, file)).toBe(mine);
  });
}

test('when the solution does not load, Use solution says so and leaves the learner’s code in place', async ({
  page,
}) => {
  await blockPart(page, 'solution');
  await openLab(page, slug);
  await typeInEditor(page, mine);
  expect(await pressAndConfirm(page, 'Use solution')).toContain(file);
  await expect(page.getByRole('alert').filter({ hasText: failures[0].message })).toBeVisible();
  await expect(page.locator('.cm-content')).toContainText('// my own attempt');
  expect(await savedCode(page, slug, file)).toBe(mine);
});
