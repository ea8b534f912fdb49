import { expect, test } from './fixtures.ts';
import { clickIntoEditor, openLab } from './lab-page.ts';

// A Wi-Fi blip in a workshop room: the lab's runtime (the sandbox page and the lab's checks) fails
// to download when the learner first starts working. The next Run must try again, and the page
// must say what went wrong in its own language, not pass on the browser's "Failed to fetch".
const RUNTIME = /\/(lab-sandbox\.html|lab-runtime\/[^/]+\.js)$/;

for (const { prefix, run, notLoaded, summary } of [
  {
    prefix: '',
    run: 'Run checks',
    notLoaded: /could not be downloaded/,
    summary: /\d+ of \d+ checks pass/,
  },
  {
    prefix: '/ja',
    run: 'チェックを実行',
    notLoaded: /ダウンロードできませんでした/,
    summary: /\d+ 件中 \d+ 件のチェックが通りました/,
  },
] as const) {
  test(`${prefix || '/en'}: after the lab's runtime failed to download, the next Run downloads it again`, async ({
    page,
  }) => {
    let offline = true;
    await page.route(RUNTIME, (route) =>
      offline ? route.abort('internetdisconnected') : route.continue(),
    );
    await openLab(page, 'lambda-tuning', prefix);
    await clickIntoEditor(page);
    const runButton = page.getByRole('button', { name: run, exact: true });
    await runButton.click();
    const notice = page.locator('[data-notice="crash"]');
    await expect(notice).toContainText(notLoaded);
    await expect(notice).not.toContainText('Failed to fetch');

    offline = false;
    await runButton.click();
    await expect(page.locator('.wb-summary')).toHaveText(summary, { timeout: 30_000 });
    await expect(notice).toHaveCount(0);
  });
}
