import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { labFolder, openLab, runChecks, typeInEditor } from './lab-page.ts';

// The BigQuery lab's exercise 1 is SQL text run by SQLite in the sandboxed worker: a mistake in
// the SQL must come back as BigQuery would word it, at its place in the learner's file.
const FILE = 'pay-for-what-you-read.ts';
const solution = labFolder('bigquery-dataflow', 'solution')[FILE];
const broken = solution.replace('SUM(amount_yen) AS revenue', 'SUM(amount_yen AS revenue');
const before = broken.slice(0, broken.indexOf('AS revenue')).split('\n');
const position = `${before.length}:${before[before.length - 1].length + 1}`;
const revenueCheck = (page: Page) =>
  page.locator('.wb-check[data-check-id="bytes.revenue-by-city"]');
/** Runs the checks and waits for the run's verdict: the first run also starts SQLite in the worker. */
async function runToVerdict(page: Page) {
  await runChecks(page);
  await expect(page.locator('.wb-summary')).toHaveText(
    /checks pass|Lab complete|チェックが通りました/,
    { timeout: 30_000 },
  );
}

test('a SQL syntax error shows its line and column in the learner’s file, in English and Japanese', async ({
  page,
}) => {
  test.slow();
  await openLab(page, 'bigquery-dataflow');
  await typeInEditor(page, broken);
  await runToVerdict(page);
  await expect(revenueCheck(page)).toHaveAttribute('data-status', 'fail');
  await expect(revenueCheck(page).locator('.wb-message')).toContainText(
    `${FILE}:${position}: Syntax error: Unexpected "AS"`,
  );
  // The other queries of the file still run: only the broken one fails.
  await expect(page.locator('.wb-check[data-check-id="bytes.premium-users"]')).toHaveAttribute(
    'data-status',
    'pass',
  );

  await openLab(page, 'bigquery-dataflow', '/ja');
  await runToVerdict(page);
  await expect(revenueCheck(page).locator('.wb-message')).toContainText(
    `${FILE}:${position}: 構文エラー`,
  );
});

test('the solution’s SQL passes exercise 1, run by the engine in the page', async ({
  starterLabPage,
}) => {
  test.slow();
  const page = await starterLabPage('bigquery-dataflow');
  await typeInEditor(page, solution);
  await runToVerdict(page);
  for (const id of ['bytes.revenue-by-city', 'bytes.premium-users', 'bytes.latest-refunds']) {
    await expect(page.locator(`.wb-check[data-check-id="${id}"]`)).toHaveAttribute(
      'data-status',
      'pass',
    );
  }
});
