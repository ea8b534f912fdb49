import { expect, test } from './fixtures.ts';
import { labPages } from './lab-page.ts';

// The toolbar at 1280 px (issue 21): "Open in StackBlitz" sat on a row of its own, pushing the
// editor down; it belongs on the row of Run checks, in both languages and on every lab.
// A test per lab and language: each opens at most one lab page (the worker's shared one).
for (const prefix of ['', '/ja'] as const) {
  for (const slug of labPages) {
    test(`${prefix || '/en'}/labs/${slug}/: at 1280 px Open in StackBlitz shares the row of Run checks`, async ({
      starterLabPage,
    }) => {
      const page = await starterLabPage(slug, prefix);
      await page.setViewportSize({ width: 1280, height: 800 });
      const run = await page
        .getByRole('button', { name: /^(Run checks|チェックを実行)$/ })
        .boundingBox();
      const stackblitz = await page
        .getByRole('button', { name: /^(Open in StackBlitz|StackBlitz で開く)$/ })
        .boundingBox();
      expect(
        Math.abs(stackblitz!.y - run!.y),
        `${slug}: StackBlitz is on another row`,
      ).toBeLessThan(run!.height / 2);
    });
  }
}

test('at 1280 px the file tabs that do not fit scroll into view: End reaches the last read-only tab', async ({
  starterLabPage,
}) => {
  const page = await starterLabPage('secure-spa-auth');
  await page.setViewportSize({ width: 1280, height: 800 });
  const files = page.getByRole('tablist', { name: 'Files' });
  const overflows = await files.evaluate((row) => row.scrollWidth > row.clientWidth);
  expect(overflows, 'the row of 13 file tabs is wider than the panel').toBe(true);
  await files.getByRole('tab', { selected: true }).focus();
  await page.keyboard.press('End');
  const last = files.getByRole('tab').last();
  await expect(last).toBeFocused();
  await expect(last).toContainText('read-only');
  const inside = await last.evaluate((tab) => {
    const box = tab.getBoundingClientRect();
    const row = tab.parentElement!.getBoundingClientRect();
    return box.left >= row.left - 1 && box.right <= row.right + 1;
  });
  expect(inside, 'the last tab is scrolled fully into the row').toBe(true);
});

// On a 390 px phone the three Run-row buttons fit one row in both languages. Pushed to the end of
// the row, "Open in StackBlitz" once wrapped onto a row of its own, above the empty status line.
for (const prefix of ['', '/ja'] as const) {
  test(`${prefix || '/en'}: on a 390 px phone Open in StackBlitz shares the row of Run checks, with the status line under them`, async ({
    starterLabPage,
  }) => {
    const page = await starterLabPage('lambda-tuning', prefix);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('tab', { name: /^(Code|コード)$/ }).click();
    const box = (name: RegExp) => page.getByRole('button', { name }).boundingBox();
    const run = (await box(/^(Run checks|チェックを実行)$/))!;
    const stackblitz = (await box(/^(Open in StackBlitz|StackBlitz で開く)$/))!;
    const reset = (await box(/^(Reset file|ファイルを元に戻す)$/))!;
    const status = (await page.locator('.wb-toolbar [data-status]').boundingBox())!;
    expect(Math.abs(stackblitz.y - run.y), 'StackBlitz is on another row').toBeLessThan(run.height / 2);
    expect(status.y, 'the status line is under the Run row').toBeGreaterThanOrEqual(run.y + run.height);
    expect(reset.y, 'the file actions are under the status line').toBeGreaterThanOrEqual(status.y + status.height);
    // The page is shared with the next test of this lab: back to the view a fresh visit shows.
    await page.getByRole('tab', { name: /^(Instructions|説明)$/ }).click();
  });
}
