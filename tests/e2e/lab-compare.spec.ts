import { expect, test } from './fixtures.ts';
import { firstExerciseFile, labFolder, openLab, savedCode, typeInEditor } from './lab-page.ts';
import { sidewaysOverflow } from './sideways-scroll.ts';

// Compare with solution shows the differences (issue 21): only the changed regions with a little
// context, side by side on a wide screen, one unified listing on a phone; the code stays as it is.
const slug = 'lambda-tuning';
const file = await firstExerciseFile(slug);
const solution = labFolder(slug, 'solution')[file];
const mine = `${solution.trimEnd()}\n// a line only I wrote\n`;
const firstLine = solution.split('\n')[0];

// Two columns only where each has room for about 50 characters: at 1280 px they had 259 px each
// and cut most of every line, so there the listing is unified, as on a phone.
const sizes = [
  {
    width: 1920,
    lang: 'en',
    layout: 'side-by-side',
    labels: ['Your code (read-only)', 'Solution (read-only)'],
  },
  {
    width: 1280,
    lang: 'en',
    layout: 'unified',
    labels: ['Differences from your code to the solution (read-only)'],
  },
  {
    width: 390,
    lang: 'ja',
    layout: 'unified',
    labels: ['あなたのコードから解答への違い(読み取り専用)'],
  },
] as const;

for (const { width, lang, layout, labels } of sizes) {
  test(`${width} px (${lang}): compare shows only the changed region, ${layout}, and keeps the learner's code`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 844 });
    await openLab(page, slug, lang === 'ja' ? '/ja' : '');
    if (width < 1024) await page.getByRole('tab', { name: 'コード' }).click();
    await typeInEditor(page, mine);
    await page.getByRole('button', { name: /^(Compare with solution|解答と比べる)$/ }).click();

    const comparison = page.locator('[data-compare]');
    await expect(comparison).toHaveAttribute('data-layout', layout);
    await expect(comparison.locator('.cm-editor')).toHaveCount(labels.length);
    for (const label of labels) {
      const view = comparison.getByLabel(label, { exact: true });
      await expect(view).toBeVisible();
      // The file's opening lines are the same on both sides: folded away, not shown.
      await expect(view).not.toContainText(firstLine);
    }
    await expect(comparison.locator('.cm-collapsedLines').first()).toBeVisible();
    await expect(comparison.getByLabel(labels[0], { exact: true })).toContainText(
      'a line only I wrote',
    );
    expect(await sidewaysOverflow(page), 'the page scrolls sideways').toEqual([]);
    expect(await savedCode(page, slug, file)).toBe(mine);
    await expect(page.locator('[data-editor] .cm-content')).toContainText('a line only I wrote');
  });
}

test('the comparison closes when another exercise opens: it never shows one file beside another exercise', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 844 });
  await openLab(page, slug);
  const compare = page.getByRole('button', { name: 'Compare with solution' });
  await compare.click();
  const comparison = page.locator('[data-compare]');
  const title = comparison.locator('[data-compare-title]');
  await expect(title).toContainText(file);
  await page.getByRole('tab', { name: /^Exercise 3/ }).click();
  await expect(comparison).toBeHidden();
  await expect(compare).toHaveAttribute('aria-expanded', 'false');
  // Opened again, it compares the file now open.
  await compare.click();
  await expect(comparison).toBeVisible();
  await expect(title).not.toContainText(file);
});
