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

// The pages leave the copy buttons out of their HTML and build them when their scripts run
// (src/lib/copy-code-from-page.ts): every block still gets one, in the page's language.
for (const [path, name, copied] of [
  ['/labs/bigquery-dataflow/', 'Copy to clipboard', 'Copied!'],
  ['/ja/labs/bigquery-dataflow/', 'クリップボードにコピー', 'コピーしました！'],
]) {
  test(`${path}: every code block has one copy button, named in the page's language`, async ({
    page,
  }) => {
    await page.goto(path);
    const blocks = page.locator('.expressive-code');
    const count = await blocks.count();
    expect(count).toBeGreaterThan(10);
    // Some blocks sit in closed hints, out of the accessibility tree: counted by their title.
    await expect(page.locator(`.expressive-code .copy button[title="${name}"]`)).toHaveCount(count);
    for (let index = 0; index < count; index++)
      await expect(blocks.nth(index).locator('.copy button')).toHaveCount(1);

    const block = blocks.filter({ hasText: 'GROUP BY plan' }).first();
    await block.hover();
    await block.getByRole('button', { name }).click();
    await expect(block.getByText(copied)).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      await block.locator('pre').innerText(),
    );
  });
}
