import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const saved = {
  'smt2:progress': JSON.stringify({ 'lambda-tuning': { done: true, at: '2026-11-29T00:00:00.000Z' } }),
  'smt2:lab:lambda-tuning:concurrency.ts': 'export const mine = 1;\n',
};

const storedEntries = () =>
  Object.fromEntries(Object.entries(localStorage).filter(([key]) => key.startsWith('smt2:')));

test('export, clear storage, import: saved code and progress come back', async ({ page }) => {
  await page.goto('/workshop/');
  await page.evaluate((entries) => Object.entries(entries).forEach(([key, value]) => localStorage.setItem(key, value)), saved);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
  const exported = readFileSync((await download.path())!, 'utf8');
  await expect(page.getByRole('status').filter({ hasText: 'Exported 2 saved items' })).toBeVisible();

  await page.evaluate(() => localStorage.clear());
  await page.getByLabel('Import progress…').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 saved items' })).toBeVisible();
  expect(await page.evaluate(storedEntries)).toEqual(saved);
});

for (const [what, content] of [
  ['a file that is not JSON', 'not json at all'],
  ['a JSON file from elsewhere', '{"name":"my-app","version":"1.0.0"}'],
]) {
  test(`importing ${what} shows an error and leaves storage unchanged`, async ({ page }) => {
    await page.goto('/workshop/');
    await page.evaluate((entries) => Object.entries(entries).forEach(([key, value]) => localStorage.setItem(key, value)), saved);
    await page.getByLabel('Import progress…').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(content) });
    await expect(page.getByRole('status').filter({ hasText: 'Nothing was changed' })).toBeVisible();
    expect(await page.evaluate(storedEntries)).toEqual(saved);
  });
}
