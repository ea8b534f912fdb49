import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { clickIntoEditor, editingAidsInPlace, pressAndConfirm, runChecks } from './lab-page.ts';
import type { StarterLabPage } from './shared-lab-page.ts';

// What a keyboard or screen-reader user meets on a lab page (an accessibility review): the
// keyboard stays where the learner was after a control finishes its work, and the page says what
// happened once, briefly, instead of reading the whole report (or every keystroke's type check).

const slug = 'lambda-tuning';
const RUN_CHECKS = 'Run checks';

/** The shared starter page of the lab, at 1280 px, where the toolbar shows every button. */
async function wideLab(starterLabPage: StarterLabPage): Promise<Page> {
  const page = await starterLabPage(slug);
  await page.setViewportSize({ width: 1280, height: 800 });
  return page;
}

/** Types at the end of the open file, key by key, as a learner adding a line. */
async function typeAtTheEnd(page: Page, text: string): Promise<void> {
  await editingAidsInPlace(page);
  await clickIntoEditor(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** Elements a screen reader reads out when they change, inside the workbench. */
const LIVE_REGIONS = '[aria-live], [role="status"], [role="alert"]';

test('a keyboard Run keeps the keyboard on Run checks, and the page says the outcome in one line', async ({
  starterLabPage,
}) => {
  const page = await wideLab(starterLabPage);
  const run = page.getByRole('button', { name: RUN_CHECKS });
  await run.focus();
  await page.keyboard.press('Enter');
  await expect(run).toBeEnabled({ timeout: 15_000 });
  await expect(page.locator('.wb-checks')).toBeVisible();
  await expect(run, 'the keyboard is where the learner left it').toBeFocused();

  // The report itself is read when the learner goes to it; what is said is its first line.
  const results = page.locator('[data-results]');
  await expect(results).not.toHaveAttribute('aria-live', /.+/);
  const summary = (await results.locator('.wb-summary').textContent())!;
  expect(summary).toMatch(/of \d+ checks pass/);
  await expect(page.locator('[data-workbench] [data-run-said]')).toHaveText(summary);
  await expect(page.locator('[data-workbench] [data-run-said]')).toHaveAttribute('role', 'status');
});

test('a failed check has no empty list of hints until a hint is shown', async ({
  starterLabPage,
}) => {
  const page = await wideLab(starterLabPage);
  await runChecks(page);
  await expect(page.locator('.wb-check[data-status="fail"]').first()).toBeVisible();
  await expect(page.locator('.wb-hints:not(:has(li))')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show a hint' }).first().click();
  await expect(page.locator('.wb-hints li')).toHaveCount(1);
});

test('typing is not read out keystroke by keystroke: the type checker says its verdict once', async ({
  starterLabPage,
}) => {
  const page = await wideLab(starterLabPage);
  await clickIntoEditor(page);
  const problems = page.locator('[data-problems]');
  await expect(problems).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(problems).not.toHaveAttribute('data-verdict', 'checking');
  await page.evaluate((selector) => {
    const spoken: string[] = [];
    (window as unknown as { spoken: string[] }).spoken = spoken;
    const workbench = document.querySelector('[data-workbench]')!;
    new MutationObserver((records) => {
      for (const record of records) {
        const target =
          record.target instanceof Element ? record.target : record.target.parentElement;
        const region = target?.closest(selector);
        if (region && workbench.contains(region)) spoken.push(region.textContent ?? '');
      }
    }).observe(workbench, { subtree: true, childList: true, characterData: true });
  }, LIVE_REGIONS);
  await typeAtTheEnd(page, '\nconst typed: number = "twenty characters";');
  await expect(problems).toHaveAttribute('data-verdict', 'errors', { timeout: 30_000 });
  const spoken = await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
  // A verdict may be said if the typing pauses (the checker waits for a pause); never "Checking".
  expect(spoken.length, `said while typing: ${spoken.join(' | ')}`).toBeLessThanOrEqual(3);
  for (const line of spoken) expect(line).toMatch(/^(Type errors \(\d+\):|No type errors\.)$/);
  expect(spoken.at(-1)).toMatch(/^Type errors/);
  // Back as it was, for the next test on this page.
  await pressAndConfirm(page, 'Reset file');
});

test('History’s Restore puts the keyboard in the editor with the version it brought back', async ({
  starterLabPage,
}) => {
  const page = await wideLab(starterLabPage);
  await typeAtTheEnd(page, '\n// my version');
  await pressAndConfirm(page, 'Reset file');
  await page.getByRole('button', { name: 'History' }).click();
  const restore = page.locator('[data-history] button').first();
  await restore.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.cm-content')).toBeFocused();
  await expect(page.locator('.cm-content')).toContainText('// my version');
  await pressAndConfirm(page, 'Reset file');
});

test('closing a notice gives the keyboard back to the control that raised it', async ({
  starterLabPage,
}) => {
  const page = await wideLab(starterLabPage);
  const share = page.getByRole('button', { name: 'Share this attempt' });
  await share.focus();
  await page.keyboard.press('Enter');
  const close = page.locator('[data-notice="share"]').getByRole('button', { name: 'Close' });
  await close.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-notice="share"]')).toHaveCount(0);
  await expect(share).toBeFocused();
});

test('the comparison with the solution meets contrast in the light theme', async ({
  starterLabPage,
}) => {
  const page = await wideLab(starterLabPage);
  await page.evaluate(() => {
    document.documentElement.dataset.theme = 'light';
  });
  const compare = page.getByRole('button', { name: 'Compare with solution' });
  await compare.click();
  await expect(page.locator('[data-compare] .cm-deletedText').first()).toBeVisible();
  const { violations } = await new AxeBuilder({ page })
    .include('[data-compare]')
    .withRules(['color-contrast'])
    .analyze();
  expect(violations.flatMap((violation) => violation.nodes.map((node) => node.html))).toEqual([]);
  await compare.click();
});

test('the folded stretches of the comparison open from the keyboard, which stays in the comparison', async ({
  starterLabPage,
}) => {
  const page = await wideLab(starterLabPage);
  const compare = page.getByRole('button', { name: 'Compare with solution' });
  await compare.click();
  const folded = page.locator('[data-compare] .cm-collapsedLines');
  await expect(
    folded.first(),
    'the starter and the solution share stretches worth folding',
  ).toBeVisible();
  const before = await folded.count();
  const first = page.locator('[data-compare]').getByRole('button', { name: /unchanged lines/ });
  await first.first().focus();
  await page.keyboard.press('Enter');
  await expect(folded).toHaveCount(before - 1);
  expect(
    await page.evaluate(() => !!document.activeElement?.closest('[data-compare]')),
    'the keyboard is still in the comparison',
  ).toBe(true);
  await compare.click();
});

test('a seed that is not one says so on the field itself, for a screen reader that reads the field', async ({
  starterLabPage,
}) => {
  const page = await wideLab(starterLabPage);
  const seed = page.getByLabel(/^Seed/);
  await seed.fill('not a number');
  await page.getByRole('button', { name: RUN_CHECKS }).click();
  await expect(seed).toBeFocused();
  await expect(seed).toHaveAttribute('aria-invalid', 'true');
  await expect(seed).toHaveAccessibleDescription(/whole number/);
  await seed.fill('');
  await runChecks(page);
  await expect(seed).not.toHaveAttribute('aria-invalid', /.*/);
});

test('in forced colours the chosen exercise, file and view still stand out from the others', async ({
  browser,
}) => {
  const context = await browser.newContext({ forcedColors: 'active' });
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/labs/${slug}/`);
  await expect(page.locator('[data-workbench]')).toHaveAttribute('data-ready', 'true');
  for (const row of ['.wb-exercises', '.wb-switch', '.wb-tabs']) {
    const outline = (selected: boolean) =>
      page
        .locator(`${row} button[aria-selected="${selected}"]`)
        .first()
        .evaluate((tab) => getComputedStyle(tab).outlineStyle);
    expect(await outline(true), `${row}: the chosen tab`).toBe('solid');
    expect(await outline(false), `${row}: another tab`).toBe('none');
  }
  await context.close();
});

test('at 400 % zoom (320 × 200 CSS px) the view switch scrolls away, so the results after a run are not under it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 200 });
  await page.goto(`/labs/${slug}/`);
  await expect(page.locator('[data-workbench]')).toHaveAttribute('data-ready', 'true');
  const views = page.getByRole('tablist', { name: /view|表示/i });
  await views.getByRole('tab', { name: 'Code' }).click();
  await page.getByRole('button', { name: RUN_CHECKS }).click();
  const summary = page.locator('.wb-summary');
  await expect(summary).toHaveText(/\d+ of \d+ checks pass/, { timeout: 15_000 });
  const switchBox = (await page.locator('.wb-switch').boundingBox())!;
  const summaryBox = (await summary.boundingBox())!;
  expect(
    switchBox.y + switchBox.height <= summaryBox.y ||
      switchBox.y >= summaryBox.y + summaryBox.height,
    'the switch and the results summary do not overlap',
  ).toBe(true);
  // A phone held upright keeps the switch at hand.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.locator('.wb-switch').evaluate((row) => getComputedStyle(row).position)).toBe(
    'sticky',
  );
});
