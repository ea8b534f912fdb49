import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { builtAttribute, distDir } from './built-site.ts';

/**
 * A mistyped or outdated address: the reader gets a page in the language of the part of the
 * guide they were in, with a way back into it, and the host answers 404. The test server finds
 * the nearest `404.html` up the path, as Cloudflare Pages and the workshop pack do; Netlify does
 * the same from `netlify.toml`.
 */

test('a missing address under /ja/ answers with the Japanese not-found page, on a phone', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/ja/no-such-page/', '/ja/chapters/lambda-tunning/']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ページが見つかりません');
    await expect(page.getByRole('link', { name: 'イベント概要へ' })).toHaveAttribute(
      'href',
      '/ja/',
    );
    // The page around it is Japanese too: its language picker, labelled in Japanese, shows above
    // the title on a phone (the splash template has no menu to hold it).
    await expect(page.getByRole('combobox', { name: '言語の選択' })).toBeVisible();
    // A reader who came from the English guide finds their way back, in English.
    const english = page.getByRole('link', { name: 'Go to the guide in English' });
    await expect(english).toHaveAttribute('lang', 'en');
    await expect(english).toHaveAttribute('href', '/');
  }
});

test('a missing address elsewhere answers in English and offers the Japanese guide in Japanese', async ({
  page,
}) => {
  const response = await page.goto('/chapters/no-such-chapter/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'Go to the event overview' })).toHaveAttribute(
    'href',
    '/',
  );
  // A host that keeps one not-found page for the whole site (GitHub Pages, CloudFront) serves this
  // one for /ja/ addresses too: the Japanese line is marked as Japanese and leads to /ja/.
  const japanese = page.getByRole('link', { name: '日本語版のガイドへ' });
  await expect(japanese).toHaveAttribute('lang', 'ja');
  await expect(japanese).toHaveAttribute('href', '/ja/');
});

test('Netlify is told which not-found page answers under /ja/, and the build has it', () => {
  const netlify = readFileSync(join(distDir, '..', 'netlify.toml'), 'utf8');
  const rules = [...netlify.matchAll(/\[\[redirects\]\]([^[]*)/g)].map(([, rule]) =>
    Object.fromEntries(
      [...rule.matchAll(/^\s*(\w+)\s*=\s*"?([^"\n]*)"?\s*$/gm)].map(([, k, v]) => [k, v]),
    ),
  );
  expect(rules).toContainEqual({ from: '/ja/*', to: '/ja/404.html', status: '404' });
  expect(builtAttribute('ja/404.html', 'lang')).toBe('ja');
  // Cloudflare Pages refuses a `_redirects` rule with status 404; a Workers deploy fails on it.
  expect(existsSync(join(distDir, '_redirects'))).toBe(false);
});
