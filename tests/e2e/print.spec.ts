import { expect, test } from '@playwright/test';

for (const [path, chaptersLabel] of [['/print/', 'Chapters'], ['/ja/print/', '章']] as const) {
  test(`${path} holds every chapter, in the sidebar's order`, async ({ page }) => {
    await page.goto(path);
    const sidebarChapters = page
      .locator('#starlight__sidebar details', { has: page.getByText(chaptersLabel, { exact: true }) })
      .getByRole('link');
    const expected = (await sidebarChapters.allTextContents()).map((title) => title.trim());
    expect(expected.length).toBeGreaterThanOrEqual(8);
    const printed = (await page.locator('.printed-chapter > h2').allTextContents()).map((title) => title.trim());
    expect(printed).toEqual(expected);
  });
}

test('printing leaves the navigation off the paper', async ({ page }) => {
  await page.goto('/print/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.header')).toBeHidden();
  await expect(page.locator('#starlight__sidebar')).toBeHidden();
  await expect(page.locator('.printed-chapter').first()).toBeVisible();
});

test('the home page links to the printable guide', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'whole guide on one page' }).click();
  await expect(page).toHaveURL(/\/print\/$/);
});
