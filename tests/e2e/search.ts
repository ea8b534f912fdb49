import { expect, type Page } from '@playwright/test';

/** Opens Starlight's search dialog (labelled "Search" or "検索") and returns its query box. */
export async function openSearch(page: Page) {
  await page.getByRole('button', { name: /search|検索/i }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog.getByRole('textbox');
}
