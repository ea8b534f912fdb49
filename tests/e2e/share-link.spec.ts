import { expect, test } from './fixtures.ts';
import { encodeAttempt } from '../../src/lib/share-link.ts';
import { blockSiteData } from './full-storage.ts';
import { firstExerciseFile, openLab, savedCode, typeInEditor } from './lab-page.ts';

const slug = 'lambda-tuning';

test('a shared link shows the code read-only, and copies it in only after asking, keeping mine in History', async ({
  page,
}) => {
  const file = await firstExerciseFile(slug);
  const shared = `// shared by a classmate\nexport const answer = 42;\n`;
  const mine = `// my own attempt\n`;
  const fragment = await encodeAttempt({ lab: slug, files: { [file]: shared } });

  await page.goto('/workshop/');
  await page.evaluate(
    ([key, text]) => localStorage.setItem(key, text),
    [`smt2:lab:${slug}:file:${file}`, mine],
  );
  await page.goto(`/shared/#${fragment}`);
  await expect(page.getByRole('heading', { level: 2, name: file })).toBeVisible();
  await expect(page.getByLabel(file)).toHaveText(shared);

  // Cancel changes nothing.
  await page.getByRole('button', { name: 'Copy into my editor' }).click();
  await expect(page.getByText(`This replaces your code in ${file}.`)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status')).toHaveText('Nothing was changed.');
  expect(await savedCode(page, slug, file)).toBe(mine);

  await page.getByRole('button', { name: 'Copy into my editor' }).click();
  await page.getByRole('button', { name: 'Copy it in' }).click();
  await expect(page.getByRole('status')).toContainText('The shared code is now in your editor.');
  expect(await savedCode(page, slug, file)).toBe(shared);
  const history = await page.evaluate(
    (key) => localStorage.getItem(key),
    `smt2:lab:${slug}:history:${file}`,
  );
  expect(JSON.parse(history!)[0]).toMatchObject({ text: mine, label: 'before-import' });

  await page.getByRole('status').getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/labs/${slug}/$`));
  await expect(page.locator('[data-workbench]')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('.cm-content')).toContainText('shared by a classmate');
});

test('with site data switched off, a shared link still shows the code, and Copy says why it cannot', async ({
  page,
}) => {
  const file = await firstExerciseFile(slug);
  const shared = `// shared by a classmate\n`;
  await blockSiteData(page);
  await page.goto(`/shared/#${await encodeAttempt({ lab: slug, files: { [file]: shared } })}`);
  await expect(page.getByLabel(file)).toHaveText(shared);
  await page.getByRole('button', { name: 'Copy into my editor' }).click();
  await expect(page.getByRole('status')).toHaveText(
    /does not let the guide store anything .* so the code cannot be copied into your editor/,
  );
});

test('a link cut short by a chat tool says so in Japanese and shows no code', async ({ page }) => {
  const fragment = await encodeAttempt({
    lab: slug,
    files: { [await firstExerciseFile(slug)]: 'export const x = 1;\n'.repeat(40) },
  });
  await page.goto(`/ja/shared/#${fragment.slice(0, Math.floor(fragment.length / 2))}`);
  await expect(page.getByRole('status')).toHaveText(/リンクが途中で切れているか壊れているため/);
  await expect(page.locator('pre')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '自分のエディターにコピー' })).toBeHidden();
  // The text for an address with no code at all would contradict the status.
  await expect(page.getByText('開いたアドレスにはコードが含まれていません')).toBeHidden();
});

test('a second link pasted into the same tab shows its own code, and Copy brings that code, not the first', async ({
  page,
}) => {
  const file = await firstExerciseFile(slug);
  const first = `// the first link\n`;
  const second = `// the second link\n`;
  await page.goto(`/shared/#${await encodeAttempt({ lab: slug, files: { [file]: first } })}`);
  await expect(page.getByLabel(file)).toHaveText(first);

  // Only the fragment differs, so the browser does not load the page again.
  await page.goto(`/shared/#${await encodeAttempt({ lab: slug, files: { [file]: second } })}`);
  await expect(page.getByLabel(file)).toHaveText(second);
  await page.getByRole('button', { name: 'Copy into my editor' }).click();
  await page.getByRole('button', { name: 'Copy it in' }).click();
  await expect(page.getByRole('status')).toContainText('The shared code is now in your editor.');
  expect(await savedCode(page, slug, file)).toBe(second);

  // A link within the page changes the fragment too: it must not start the page afresh.
  await page.keyboard.press('Tab');
  await page.getByRole('link', { name: 'Skip to content' }).press('Enter');
  await expect(page).toHaveURL(/#_top$/);
  await expect(page.getByLabel(file)).toHaveText(second);
  await expect(page.getByRole('status')).toContainText('The shared code is now in your editor.');
});

for (const [prefix, words] of [
  [
    '',
    {
      share: 'Share this attempt',
      link: 'Link to your files for this lab',
      copy: 'Copy into my editor',
      confirm: 'Copy it in',
    },
  ],
  [
    '/ja',
    {
      share: 'この状態を共有',
      link: 'このラボのファイルへのリンク',
      copy: '自分のエディターにコピー',
      confirm: 'コピーする',
    },
  ],
] as const) {
  test(`${prefix || '/en'}: "Share this attempt" makes a link that brings my files, and only them, to a classmate`, async ({
    page,
    browser,
    baseURL,
  }) => {
    const file = await firstExerciseFile(slug);
    await openLab(page, slug, prefix);
    await typeInEditor(page, '// please help: why does this fail?\nexport const attempt = 1;\n');
    await page.getByRole('button', { name: words.share }).click();
    const link = await page.getByRole('textbox', { name: words.link }).inputValue();
    expect(link).toMatch(new RegExp(`^${baseURL}${prefix}/shared/#v1\\.`));

    // The classmate opens it in their own browser, offline from the learner's storage.
    const classmate = await browser.newContext();
    const theirs = await classmate.newPage();
    await theirs.goto(link);
    await expect(theirs.getByLabel(file)).toContainText('please help: why does this fail?');
    await theirs.getByRole('button', { name: words.copy }).click();
    await theirs.getByRole('button', { name: words.confirm }).click();
    expect(await savedCode(theirs, slug, file)).toContain('please help');
    expect(
      await theirs.evaluate(() =>
        Object.keys(localStorage).filter((key) => key.includes(':progress')),
      ),
    ).toEqual([]);
    await classmate.close();
  });
}
