import { expect, test } from './fixtures.ts';
import { labFolder, openFile, runChecks, typeInEditor } from './lab-page.ts';

// Readable failures (issue 21): an object's Expected and Got one key per line, the one
// difference marked by more than colour, whitespace made visible where it is the difference.
const slug = 'secure-spa-auth';
const words = {
  en: {
    expected: 'Expected',
    actual: 'Got',
    differs: 'differs:',
    legend: /› marks each line.*· is a space/,
  },
  ja: {
    expected: '期待値',
    actual: '実際の値',
    differs: '違い:',
    legend: /› の付いた行.*· は半角スペース/,
  },
};

for (const lang of ['en', 'ja'] as const) {
  const say = words[lang];
  test(`${lang}: a CORS header joined without the space shows the missing spaces as the one marked difference`, async ({
    starterLabPage,
  }) => {
    test.slow();
    const solution = labFolder(slug, 'solution')['cors.ts'];
    const joinedTight = solution.replace(
      "'Access-Control-Allow-Methods': policy.allowedMethods.join(', ')",
      "'Access-Control-Allow-Methods': policy.allowedMethods.join(',')",
    );
    expect(joinedTight).not.toBe(solution);
    const page = await starterLabPage(slug, lang === 'ja' ? '/ja' : '');
    await openFile(page, 'cors.ts');
    await typeInEditor(page, joinedTight);
    await runChecks(page);

    const check = page.locator('[data-check-id="cors.preflight-allowed"]');
    await expect(check).toHaveAttribute('data-status', 'fail');
    const values = check.locator('.wb-values');
    const expected = values
      .locator('dt', { hasText: say.expected })
      .locator('xpath=following-sibling::dd[1]');
    const actual = values
      .locator('dt', { hasText: say.actual })
      .locator('xpath=following-sibling::dd[1]');

    // One key per line, so the header sits on a line of its own, and only that line is marked.
    for (const value of [expected, actual]) {
      await expect(value.locator('.wb-value-line').first()).toHaveText('{');
      await expect(value.locator('.wb-value-line').nth(1)).toHaveText('"headers": {');
      await expect(value.locator('.wb-value-line[data-differs]')).toHaveCount(1);
      await expect(value.locator('.wb-value-line[data-differs]')).toContainText(
        '"Access-Control-Allow-Methods"',
      );
      await expect(value.locator('.wb-value-line[data-differs] .wb-differs')).toHaveText('›');
      await expect(value.locator('.wb-value-line[data-differs] .wb-differs')).toBeVisible();
      await expect(value.locator('.wb-value-line[data-differs] .sr-only')).toHaveText(say.differs);
    }
    // Each missing space is drawn as a visible dot and highlighted (underlined too, not colour alone).
    const mark = expected.locator('mark');
    // API_CORS_POLICY allows GET, POST, PUT and DELETE: three spaces missing.
    await expect(mark).toHaveText(['·', '·', '·']);
    await expect(mark.first()).toBeVisible();
    await expect(mark.first()).toHaveCSS('text-decoration-line', 'underline');
    await expect(actual.locator('mark')).toHaveCount(0);
    await expect(expected.locator('.wb-value-line[data-differs]')).toContainText('"GET,·POST');
    await expect(actual.locator('.wb-value-line[data-differs]')).toContainText('"GET,POST');
    await expect(check.locator('.wb-values-legend')).toHaveText(say.legend);
  });
}

// What a check states in words, not as a value, is in the page's language: a Japanese page once
// showed "every warm request ≤ 10 ms" under 期待値.
test('ja: an expected and a got value that only words can state are in Japanese', async ({
  starterLabPage,
}) => {
  const page = await starterLabPage('lambda-tuning', '/ja');
  await runChecks(page);
  const values = page.locator('[data-check-id="cold-start.steady-latency"] .wb-values');
  await expect(values).toContainText('ウォームなリクエストはすべて 10 ms 以下');
  await expect(values).toContainText('最も遅いウォームなリクエスト:');
  await expect(values).not.toContainText('warm request');
});
