import type { Page } from '@playwright/test';
import { builtAttribute } from './built-site.ts';
import { expect, test } from './fixtures.ts';
import { fillStorage } from './full-storage.ts';
import {
  firstExerciseFile,
  labFolder,
  openLab,
  savedCode,
  typeInEditor,
  useSolution,
} from './lab-page.ts';
import { exportedProgress } from './exported-progress.ts';
import { readServiceWorkerManifest, visitUntilReadyOffline } from './offline.ts';

const slug = 'lambda-tuning';
const file = await firstExerciseFile(slug);
const starter = labFolder(slug, 'starter');
const codeKey = `smt2:lab:${slug}:file:${file}`;
const saved = {
  'smt2:progress': JSON.stringify({ [slug]: { done: true, at: '2026-11-29T00:00:00.000Z' } }),
  [codeKey]: 'export const mine = 1;\n',
};
const FORMAT = 'serverless-meetup-tokyo-2/progress';
const progressFile = (entries: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: FORMAT,
    version: 1,
    exportedAt: '2026-11-30T00:00:00.000Z',
    entries,
    ...extra,
  });

const storedEntries = () =>
  Object.fromEntries(Object.entries(localStorage).filter(([key]) => key.startsWith('smt2:')));
const store = (page: Page, entries: Record<string, string>) =>
  page.evaluate(
    (values) => Object.entries(values).forEach(([key, value]) => localStorage.setItem(key, value)),
    entries,
  );
const chooseFile = (page: Page, content: string, label = 'Import progress…') =>
  page.getByLabel(label).setInputFiles({
    name: 'progress.json',
    mimeType: 'application/json',
    buffer: Buffer.from(content),
  });

test('export, clear storage, import: saved code and progress come back', async ({ page }) => {
  await page.goto('/workshop/');
  await store(page, saved);

  const exported = await exportedProgress(page);
  await expect(
    page.getByRole('status').filter({ hasText: 'Exported 2 saved items' }),
  ).toBeVisible();

  await page.evaluate(() => localStorage.clear());
  await chooseFile(page, exported);
  await expect(page.getByRole('heading', { name: 'Import progress.json?' })).toBeVisible();
  await expect(
    page.getByRole('listitem').filter({ hasText: `Your code of ${file} (${slug})` }),
  ).toBeVisible();
  await expect(page.getByText('It replaces nothing you have here.')).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Imported 2 saved items' }),
  ).toBeVisible();
  expect(await page.evaluate(storedEntries)).toEqual(saved);
});

for (const [what, content] of [
  ['a file that is not JSON', 'not json at all'],
  ['a JSON file from elsewhere', '{"name":"my-app","version":"1.0.0"}'],
]) {
  test(`importing ${what} shows an error and leaves storage unchanged`, async ({ page }) => {
    await page.goto('/workshop/');
    await store(page, saved);
    await chooseFile(page, content);
    await expect(page.getByRole('status').filter({ hasText: 'Nothing was changed' })).toBeVisible();
    expect(await page.evaluate(storedEntries)).toEqual(saved);
  });
}

/** Files that must change nothing, and what the page says about each in English and in Japanese. */
const refused: Array<[string, string, string, string]> = [
  [
    'hints that are not JSON ("{")',
    progressFile({ [codeKey]: 'theirs', [`smt2:lab:${slug}:hints`]: '{' }),
    `The entry smt2:lab:${slug}:hints in that file is damaged or too large, so nothing was imported.`,
    `このファイルの項目 smt2:lab:${slug}:hints が壊れているか大きすぎるため、何も読み込みませんでした。`,
  ],
  [
    'a huge entry in the middle',
    progressFile({
      [codeKey]: 'theirs',
      [`smt2:lab:${slug}:file:memory.ts`]: 'x'.repeat(300_000),
      'smt2:progress': '{}',
    }),
    `The entry smt2:lab:${slug}:file:memory.ts in that file is damaged or too large`,
    `項目 smt2:lab:${slug}:file:memory.ts が壊れているか大きすぎるため`,
  ],
  [
    'a file name with ../',
    progressFile({ [codeKey]: 'theirs', [`smt2:lab:${slug}:file:../x.ts`]: 'x' }),
    `That file holds an entry this guide does not store (smt2:lab:${slug}:file:../x.ts), so nothing was imported.`,
    `このガイドが保存しない項目(smt2:lab:${slug}:file:../x.ts)が含まれているため`,
  ],
  [
    'version -1',
    progressFile({ [codeKey]: 'theirs' }, { version: -1 }),
    'That file’s version is not a whole number from 1',
    'バージョンが 1 以上の整数ではない',
  ],
  [
    'progress null',
    progressFile({ [codeKey]: 'theirs', 'smt2:progress': 'null' }),
    'The entry smt2:progress in that file is damaged',
    '項目 smt2:progress が壊れている',
  ],
  [
    'no entries (exported before anything was saved)',
    progressFile({}),
    'That file holds no saved work',
    'そのファイルには保存された作業がありません',
  ],
];
for (const [what, content, english, japanese] of refused) {
  for (const [prefix, message] of [
    ['', english],
    ['/ja', japanese],
  ]) {
    test(`${prefix || '/en'}: importing a file with ${what} changes nothing and says why`, async ({
      page,
    }) => {
      await page.goto(`${prefix}/workshop/`);
      await store(page, saved);
      await chooseFile(page, content, prefix ? '進捗を読み込む…' : 'Import progress…');
      await expect(page.getByRole('status').filter({ hasText: message })).toBeVisible();
      await expect(page.locator('[data-preview]')).toBeHidden();
      expect(await page.evaluate(storedEntries)).toEqual(saved);
    });
  }
}

// Export and Import load two things with the first press (progress-section.ts): their code, and
// their messages with the lab catalog (a hashed JSON file). A page that cannot fetch either
// (offline before the guide was stored, or a build later) says so.
const transferParts = [
  ['the file code', /\/_astro\/progress-(transfer|file)\.[\w-]+\.js$/],
  ['their messages', /\/progress-transfer\/[\w-]+\.[\w]+\.json$/],
] as const;

for (const [prefix, exportLabel, importLabel, message] of [
  [
    '',
    'Export progress',
    'Import progress…',
    'The page could not load what reads and writes progress files',
  ],
  [
    '/ja',
    '進捗を書き出す',
    '進捗を読み込む…',
    '進捗ファイルの書き出しと読み込みに必要なプログラムを取得できませんでした。',
  ],
]) {
  for (const [part, url] of transferParts)
    test(`${prefix || '/en'}: when ${part} cannot load, export and import say so and change nothing`, async ({
      page,
    }) => {
      await page.route(url, (route) => route.abort());
      await page.goto(`${prefix}/workshop/`);
      await store(page, saved);
      await page.getByRole('button', { name: exportLabel }).click();
      await expect(page.getByRole('status').filter({ hasText: message })).toBeVisible();
      await page.evaluate(() => (document.querySelector('[data-status]')!.textContent = ''));
      await chooseFile(page, progressFile({ [codeKey]: 'replaced' }), importLabel);
      await expect(page.getByRole('status').filter({ hasText: message })).toBeVisible();
      await expect(page.locator('[data-preview]')).toBeHidden();
      expect(await page.evaluate(storedEntries)).toEqual(saved);
    });
}

test('what Export and Import load is stored on a first visit, as the pages that show them are', () => {
  const manifest = readServiceWorkerManifest();
  const stored = (entries: { url: string }[]) => entries.map((entry) => entry.url);
  for (const path of ['workshop', 'ja/workshop']) {
    const dataUrl = builtAttribute(`${path}/index.html`, 'data-transfer-data');
    expect(dataUrl, path).toMatch(/^\/progress-transfer\/(en|ja)\.\w+\.json$/);
    expect(stored(manifest.reading), path).toContain(dataUrl);
  }
  expect(stored(manifest.reading)).toEqual(
    expect.arrayContaining([expect.stringMatching(/\/_astro\/progress-transfer\.[\w-]+\.js$/)]),
  );
});

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });
  // A first visit stores the reading group (several MB through the worker) before anything is checked.
  test.describe.configure({ timeout: 120_000 });

  test('/ja: offline after a first visit, Export on the workshop page still works', async ({
    page,
    context,
  }) => {
    await visitUntilReadyOffline(page, '/ja/workshop/');
    await store(page, saved);
    await context.setOffline(true);
    await page.reload();
    const exported = JSON.parse(await exportedProgress(page)) as { entries: object };
    expect(Object.keys(exported.entries).sort()).toEqual(Object.keys(saved).sort());
    await expect(page.getByRole('status').filter({ hasText: '保存内容 2 件' })).toBeVisible();
  });
});

test('/ja: a full storage refuses the import whole, in Japanese', async ({ page }) => {
  await page.goto('/ja/workshop/');
  await store(page, saved);
  await fillStorage(page);
  await chooseFile(
    page,
    progressFile({
      'smt2:progress': '{}',
      [codeKey]: 'y'.repeat(150_000),
      [`smt2:lab:${slug}:hints`]: '{}',
    }),
    '進捗を読み込む…',
  );
  await page.getByRole('button', { name: '読み込む', exact: true }).click();
  await expect(
    page.getByRole('status').filter({
      hasText: 'このブラウザの保存領域がいっぱいのため、何も変更していません。',
    }),
  ).toBeVisible();
  expect(await page.evaluate(storedEntries)).toEqual(saved);
});

test('importing on a lab page: a preview first, then the editor shows the imported code, and Undo brings mine back and keeps what I wrote since in History', async ({
  page,
}) => {
  await openLab(page, slug);
  const mine = `// my attempt\n${starter[file]}`;
  const theirs = `// from the other laptop\n${starter[file]}`;
  await typeInEditor(page, mine);

  await chooseFile(
    page,
    progressFile({ [codeKey]: theirs, 'smt2:progress': saved['smt2:progress'] }),
  );
  const preview = page.locator('[data-preview]');
  await expect(
    preview.getByRole('listitem').filter({ hasText: `Finished labs: ${slug}` }),
  ).toBeVisible();
  await expect(preview.getByText('It will replace what you have here:')).toBeVisible();
  await expect(
    preview.getByRole('listitem').filter({ hasText: `Your code of ${file} (${slug})` }),
  ).toHaveCount(2);
  expect(await savedCode(page, slug, file)).toBe(mine);

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('.cm-content')).toContainText('// from the other laptop');
  expect(await savedCode(page, slug, file)).toBe(theirs);
  // The next keystroke must not write the old text back.
  await page.locator('.cm-content').press('End');
  await page.keyboard.type(' ');
  expect(await savedCode(page, slug, file)).toContain('// from the other laptop');

  const sinceImport = await savedCode(page, slug, file);

  await page.getByRole('button', { name: 'Undo import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The import is undone' })).toBeVisible();
  await expect(page.locator('.cm-content')).toContainText('// my attempt');
  expect(await savedCode(page, slug, file)).toBe(mine);
  // What was written on top of the import is work too: Undo keeps it in the file's History.
  await page.getByRole('button', { name: 'History' }).click();
  await page.getByRole('button', { name: /\(before undoing an import\)$/ }).click();
  expect(await savedCode(page, slug, file)).toBe(sinceImport);
});

test('importing on a lab page shows the imported standing of each exercise at once, and the keyboard stays with the import', async ({
  page,
}) => {
  await openLab(page, slug);
  const firstTab = page.getByRole('tab', { name: /^Exercise 1/ });
  await expect(firstTab).toContainText('not started');
  const progress = {
    [slug]: {
      done: false,
      at: '2026-11-29T00:00:00.000Z',
      exercises: { '1': { passed: 3, total: 3 } },
    },
  };
  await chooseFile(page, progressFile({ 'smt2:progress': JSON.stringify(progress) }));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(firstTab).toContainText('done ✓');
  // The Import button went with the preview: the keyboard goes to the Undo that replaced it.
  const undo = page.getByRole('button', { name: 'Undo import' });
  await expect(undo).toBeFocused();
  await undo.press('Enter');
  await expect(firstTab).toContainText('not started');
  await expect(page.getByLabel('Import progress…')).toBeFocused();
});

test('the code an import replaced is in the file’s History, also after a reload', async ({
  page,
}) => {
  await openLab(page, slug);
  const mine = `// my attempt\n${starter[file]}`;
  await typeInEditor(page, mine);
  await chooseFile(page, progressFile({ [codeKey]: 'export const theirs = 1;\n' }));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.reload();
  await expect(page.locator('[data-workbench]')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('button', { name: 'History' }).click();
  await page.getByRole('button', { name: /\(before an import\)$/ }).click();
  expect(await savedCode(page, slug, file)).toBe(mine);
});

test('moving laptops after Use solution: the exported file carries my code, and Restore my code brings it back on the other one', async ({
  page,
}) => {
  await openLab(page, slug);
  const mine = `// my attempt\n${starter[file]}`;
  await typeInEditor(page, mine);
  await useSolution(page, slug, file);
  const exported = await exportedProgress(page);

  // The other laptop: nothing stored, the same lab page.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('[data-workbench]')).toHaveAttribute('data-ready', 'true');
  await chooseFile(page, exported);
  await expect(
    page
      .locator('[data-preview]')
      .getByRole('listitem')
      .filter({
        hasText: `A kept copy of ${file} (${slug})`,
      }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('.cm-content')).toContainText(
    labFolder(slug, 'solution')[file].split('\n')[0],
  );
  await page.getByRole('button', { name: 'Restore my code' }).click();
  await expect(page.locator('.cm-content')).toContainText('// my attempt');
  expect(await savedCode(page, slug, file)).toBe(mine);
});

test('with storage full, Export progress still carries the code on screen that could not be saved', async ({
  page,
}) => {
  await openLab(page, slug);
  await fillStorage(page);
  const mine = `// typed while storage was full\n${starter[file]}`;
  await typeInEditor(page, mine);
  await expect(page.locator('[data-notice="storage-full"]')).toBeVisible();
  expect(await savedCode(page, slug, file)).not.toBe(mine);

  const exported = JSON.parse(await exportedProgress(page));
  expect(exported.entries[codeKey]).toBe(mine);
  await expect(page.getByText(/^Exported 1 saved items? to a file\./)).toBeVisible();
  await page.evaluate(() => localStorage.clear());
});
