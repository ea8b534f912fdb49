import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { sidewaysOverflow } from './sideways-scroll.ts';

/**
 * On a phone a diagram is drawn at about half its size; its "Enlarge" view must show every label
 * at 12 px or more, open and close from the keyboard, and hand focus back.
 */

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

/** Smallest label of `svg` as drawn: its computed font size times the SVG's drawn scale. */
function smallestLabelPx(svg: Locator): Promise<number> {
  return svg.evaluate((element: SVGSVGElement) => {
    const scale = element.getBoundingClientRect().width / element.viewBox.baseVal.width;
    const sizes = [...element.querySelectorAll('text')].map(
      (text) => parseFloat(getComputedStyle(text).fontSize) * scale,
    );
    return Math.min(...sizes);
  });
}

/**
 * The diagrams and charts of the guide, one page for each kind, in both languages. A lab page
 * shows one exercise's instructions at a time: `exercise` is the tab of the one holding the chart.
 */
const pages: Array<{ path: string; button: string; close: string; exercise?: RegExp }> = [
  { path: '/chapters/lambda-tuning/', button: 'Enlarge diagram', close: 'Close' },
  { path: '/ja/chapters/lambda-tuning/', button: '図を拡大して見る', close: '閉じる' },
  { path: '/chapters/gcp-data/', button: 'Enlarge diagram', close: 'Close' },
  { path: '/labs/azure-push/', button: 'Enlarge diagram', close: 'Close' },
  {
    path: '/ja/labs/lambda-tuning/',
    button: '図を拡大して見る',
    close: '閉じる',
    exercise: /^演習 3\b/,
  },
];

async function openFirst(page: Page, path: string, name: string, exercise?: RegExp) {
  await page.goto(path);
  if (exercise)
    await page
      .getByRole('tablist', { name: /^(Exercises|演習)$/ })
      .getByRole('tab', { name: exercise })
      .click();
  const button = page.getByRole('button', { name }).first();
  const figure = page.locator('figure', { has: button });
  return { button, figure };
}

for (const { path, button: buttonName, close, exercise } of pages) {
  test(`${path} at 390 px: labels shrink in the page but read at 12 px or more when enlarged`, async ({
    page,
  }) => {
    const { button, figure } = await openFirst(page, path, buttonName, exercise);
    const drawn = figure.locator('svg[viewBox]:visible').first();
    expect(
      await smallestLabelPx(drawn),
      'the page draws the diagram too small to read, which is why the view exists',
    ).toBeLessThan(12);

    await button.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    const enlarged = dialog.locator('svg[viewBox]');
    await expect(enlarged).toBeVisible();
    expect(await smallestLabelPx(enlarged)).toBeGreaterThanOrEqual(12);

    await dialog.getByRole('button', { name: close }).click();
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });
}

test('the enlarged view opens from the keyboard, takes focus, and Esc closes it with focus back on the button', async ({
  page,
}) => {
  const { button } = await openFirst(page, '/chapters/azure-architecture/', 'Enlarge diagram');
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

for (const path of [
  '/ja/workshop/',
  '/ja/labs/lambda-tuning/',
  '/ja/labs/azure-push/',
  '/ja/chapters/lambda-tuning/',
]) {
  test(`${path} does not scroll sideways on a phone, its Japanese table headers included`, async ({
    page,
  }) => {
    await page.goto(path);
    expect(await sidewaysOverflow(page), 'the page scrolls sideways').toEqual([]);
  });
}
