import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** Presses Export progress (in either language) and gives the text of the file it saved. */
export async function exportedProgress(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^(Export progress|進捗を書き出す)$/ }).click(),
  ]);
  return readFileSync((await download.path())!, 'utf8');
}
