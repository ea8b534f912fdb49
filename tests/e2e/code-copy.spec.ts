import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('Copy puts a code block on the clipboard exactly as the chapter wrote it, blank lines included', async ({
  page,
}) => {
  const source = await readFile('src/content/docs/chapters/gcp-data.mdx', 'utf8');
  const written = /```python\n([\s\S]*?def prefixes[\s\S]*?)\n```/.exec(source)?.[1];
  expect(written, 'the Beam pipeline block in gcp-data.mdx').toBeDefined();

  await page.goto('/chapters/gcp-data/');
  const block = page.locator('.expressive-code', { hasText: 'def prefixes' });
  await block.hover();
  await block.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(block.getByText('Copied!')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(written);
});
