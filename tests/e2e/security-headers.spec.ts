import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { distDir } from './built-site.ts';
import { expect, test } from './fixtures.ts';
import { readHeaderRules } from './headers-file.ts';
import { openLab, runChecks, typeInEditor } from './lab-page.ts';
import { openSearch, searchResultLinks, FIRST_RESULTS_TIMEOUT } from './search.ts';

test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { violations: string[] }).violations.push(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
});

test('every page has a Content-Security-Policy, and every response the hardening headers', () => {
  const rules = readHeaderRules();
  const policyFor = (path: string) =>
    rules.find((rule) => rule.pattern.test(path) && rule.headers['content-security-policy']);
  for (const path of ['/', '/chapters/lambda-tuning/', '/ja/', '/glossary/']) {
    expect(policyFor(path)?.headers['content-security-policy'], path).toMatch(/script-src 'self'/);
  }
  expect(
    rules.find((rule) => rule.pattern.test('/anything'))?.headers['x-content-type-options'],
  ).toBe('nosniff');
});

// Every browser test relies on this: the test server sends `_headers` the way a static host does.
test('every response carries what _headers gives its path, as a static host sends it', async ({
  request,
}) => {
  const rules = readHeaderRules();
  const script = readdirSync(join(distDir, '_astro')).find((name) => name.endsWith('.js'));
  for (const path of [
    '/',
    '/ja/glossary/',
    '/labs/lambda-tuning/',
    `/_astro/${script}`,
    '/pagefind/pagefind.js',
    '/lab-runtime/lambda-tuning.js',
    '/lab-sandbox.html',
    '/sw.js',
  ]) {
    const expected: Record<string, string> = {};
    for (const rule of rules) if (rule.pattern.test(path)) Object.assign(expected, rule.headers);
    expect(Object.keys(expected), path).toContain('content-security-policy');
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    for (const [name, value] of Object.entries(expected))
      expect(response.headers()[name], `${name} of ${path}`).toBe(value);
  }
});

for (const path of [
  '/',
  '/chapters/secure-spa/',
  '/ja/',
  '/print/',
  '/workshop/',
  '/labs/lambda-tuning/',
]) {
  test(`${path} runs under its policy without a violation`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(
      await page.evaluate(() => (window as unknown as { violations: string[] }).violations),
    ).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('search works under the policy', async ({ page }) => {
  await page.goto('/');
  await (await openSearch(page)).fill('Cognito');
  await expect(
    searchResultLinks(page).and(page.locator('[href="/chapters/secure-spa/"]')),
  ).toBeVisible({ timeout: FIRST_RESULTS_TIMEOUT });
  expect(
    await page.evaluate(() => (window as unknown as { violations: string[] }).violations),
  ).toEqual([]);
});

test('lab checks run under the policy, and learner code cannot reach the network', async ({
  page,
}) => {
  await openLab(page, 'lambda-tuning');
  await runChecks(page);
  await expect(page.locator('.wb-summary')).toHaveText(/checks pass/);
  await typeInEditor(page, "fetch('/');\nexport const x = 1;\n");
  await runChecks(page);
  await expect(page.locator('.wb-load-error')).toContainText('fetch');
  expect(
    await page.evaluate(() => (window as unknown as { violations: string[] }).violations),
  ).toEqual([]);
});
