import { expect, test } from './fixtures.ts';
import { openLab, runChecks } from './lab-page.ts';

const slug = 'lambda-tuning';

test('the seed a run reports, typed into the seed field, repeats that run’s cases, in full-width digits too', async ({
  page,
}) => {
  await openLab(page, slug);
  await runChecks(page);
  const firstReport = await page.locator('.wb-seed').textContent();
  const seed = /Seed (\d+)/.exec(firstReport!)![1];
  const firstResults = await page.locator('.wb-checks').innerText();

  await page.getByLabel('Seed', { exact: true }).fill(seed);
  await runChecks(page);
  await expect(page.locator('.wb-seed')).toHaveText(firstReport!);
  expect(await page.locator('.wb-checks').innerText()).toBe(firstResults);

  // A Japanese input method writes digits full-width (１２３) unless told otherwise.
  const fullWidth = [...seed].map((digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
  await page.getByLabel('Seed', { exact: true }).fill(fullWidth.join(''));
  await runChecks(page);
  // Refused, the field would keep the last run's results on show: the status line tells.
  await expect(page.locator('[data-workbench] p[data-status]')).not.toContainText('whole number');
  await expect(page.locator('.wb-seed')).toHaveText(firstReport!);
  expect(await page.locator('.wb-checks').innerText()).toBe(firstResults);
});

test('a seed that is not a whole number in range is refused in Japanese, and nothing runs', async ({
  page,
}) => {
  await openLab(page, slug, '/ja');
  await page.getByLabel('シード', { exact: true }).fill('12a');
  await page.getByRole('button', { name: 'チェックを実行' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '0 から 999999 までの整数' }),
  ).toBeVisible();
  await expect(page.locator('.wb-checks')).toHaveCount(0);
});
