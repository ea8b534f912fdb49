import { expect, type Page } from '@playwright/test';

/** Opens the site's search dialog (labelled "Search" or "検索") and returns its query box. */
export async function openSearch(page: Page) {
  await page
    .getByRole('button', { name: /search|検索/i })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog.getByRole('searchbox');
}

/** Links to the pages (and their headings) the search dialog found, in the order shown. */
export const searchResultLinks = (page: Page) =>
  page
    .getByRole('dialog')
    .getByRole('list', { name: /Search results|検索結果/ })
    .getByRole('link');
