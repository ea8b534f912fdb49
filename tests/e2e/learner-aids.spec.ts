import { expect, test } from './fixtures.ts';
import {
  clickIntoEditor,
  firstExerciseFile,
  labFolder,
  openFile,
  openLab,
  pressAndConfirm,
  runChecks,
  savedCode,
  typeInEditor,
  useSolution,
} from './lab-page.ts';

// The learner aids are the same on every lab; the Lambda lab, with hints on its checks, shows them.
const slug = 'lambda-tuning';
const starter = labFolder(slug, 'starter');
const solution = labFolder(slug, 'solution');
const file = await firstExerciseFile(slug);

test('hints appear one at a time, and how many were shown is kept after a reload', async ({
  page,
}) => {
  await openLab(page, slug);
  await runChecks(page);
  const check = page
    .locator('.wb-check')
    .filter({ has: page.locator('.wb-hint-button') })
    .first();
  const id = await check.getAttribute('data-check-id');
  const sameCheck = page.locator(`.wb-check[data-check-id="${id}"]`);
  await expect(sameCheck.locator('.wb-hints li')).toHaveCount(0);
  await sameCheck.getByRole('button', { name: /Show a hint \(1 of/ }).click();
  await expect(sameCheck.locator('.wb-hints li')).toHaveCount(1);
  await expect(sameCheck.getByRole('button', { name: /Show a hint \(2 of/ })).toBeVisible();

  await page.reload();
  await runChecks(page);
  await expect(sameCheck.locator('.wb-hints li')).toHaveCount(1);
});

test('compare shows both versions without changing the learner’s code', async ({ page }) => {
  // Wide enough for the two columns, each labelled (lab-compare.spec.ts checks the unified view).
  await page.setViewportSize({ width: 1920, height: 1000 });
  await openLab(page, slug);
  const mine = `${starter[file]}// a line only I wrote\n`;
  await typeInEditor(page, mine);
  await page.getByRole('button', { name: 'Compare with solution' }).click();
  const comparison = page.locator('[data-compare]');
  await expect(comparison).toBeVisible();
  await expect(comparison.getByLabel('Your code (read-only)')).toContainText('a line only I wrote');
  await expect(comparison.getByLabel('Solution (read-only)')).toContainText(
    solution[file]
      .split('\n')
      .find((line) => line.includes('return'))!
      .trim(),
  );
  expect(await savedCode(page, slug, file)).toBe(mine);
});

test('use solution, then restore: the learner’s code comes back exactly, also after a reload', async ({
  page,
}) => {
  await openLab(page, slug);
  const mine = `${starter[file]}// my attempt\n`;
  await typeInEditor(page, mine);
  await useSolution(page, slug, file);

  await page.reload();
  await expect(page.locator('[data-workbench]')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('button', { name: 'Restore my code' }).click();
  expect(await savedCode(page, slug, file)).toBe(mine);
  await expect(page.locator('.cm-content')).toContainText('// my attempt');
  await expect(page.getByRole('button', { name: 'Restore my code' })).toBeHidden();
  // The button pressed has gone: the keyboard is back in the code it restored.
  await expect(page.locator('.cm-content')).toBeFocused();
});

test('Restore my code brings back the open file only, as Use solution changed only that one: a solution kept on another file stays', async ({
  page,
}) => {
  const [first, second] = Object.keys(starter);
  await openLab(page, slug);
  await openFile(page, first);
  await typeInEditor(page, `${starter[first]}// my first attempt\n`);
  await useSolution(page, slug, first);
  await openFile(page, second);
  await expect(page.getByRole('button', { name: 'Restore my code' })).toBeHidden();
  await typeInEditor(page, `${starter[second]}// my second attempt\n`);
  await useSolution(page, slug, second);

  await page.getByRole('button', { name: 'Restore my code' }).click();
  expect(await savedCode(page, slug, second)).toBe(`${starter[second]}// my second attempt\n`);
  expect(await savedCode(page, slug, first)).toBe(solution[first]);
  await expect(page.getByRole('button', { name: 'Restore my code' })).toBeHidden();
  await openFile(page, first);
  await expect(page.getByRole('button', { name: 'Restore my code' })).toBeVisible();
});

test('a type error shows at its line without pressing Run, and fixing it clears it', async ({
  page,
}) => {
  await openLab(page, slug);
  await clickIntoEditor(page);
  await expect(page.locator('[data-problems]')).toHaveText('No type errors.', { timeout: 30_000 });
  const lines = solution[file].split('\n');
  const target = lines.findIndex((line) => /return .*;/.test(line));
  lines[target] = lines[target].replace(
    /return (.*);/,
    "return 'not a number' as unknown as string * 2;",
  );
  await typeInEditor(page, lines.join('\n'));
  await expect(page.locator('[data-problems] li').first()).toContainText(`${file}:${target + 1}:`, {
    timeout: 15_000,
  });
  await expect(page.locator('.cm-lintRange-error').first()).toBeVisible();

  await typeInEditor(page, solution[file]);
  await expect(page.locator('[data-problems]')).toHaveText('No type errors.', { timeout: 15_000 });
});

test('Reset and Use solution say what they did, and point to Restore my code only when there is code of mine to bring back', async ({
  page,
}) => {
  await openLab(page, slug);
  const status = page.locator('[data-workbench] [data-status]');
  const restore = page.getByRole('button', { name: 'Restore my code' });
  // On the untouched starter there is nothing of mine to restore, and nothing is offered.
  await useSolution(page, slug, file);
  await expect(status).toHaveText(`The solution for ${file} is in the editor.`);
  await expect(restore).toBeHidden();

  await typeInEditor(page, `${starter[file]}// my attempt\n`);
  await pressAndConfirm(page, 'Reset file');
  await expect(status).toHaveText(
    `${file} is back to its starter code. “Restore my code” brings your own version back.`,
  );
  await expect(restore).toBeVisible();
});
