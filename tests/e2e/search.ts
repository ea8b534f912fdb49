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

/**
 * How long a test waits for the first results: a page's first query loads Pagefind's wasm and the
 * index chunks it needs, which on a busy 2-core machine can take several seconds. The tests assert
 * what is found; how fast is for `npm run bench`.
 */
export const FIRST_RESULTS_TIMEOUT = 20_000;
