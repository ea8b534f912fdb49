import { existsSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { builtPages, distDir, readPageLinks } from './built-site.ts';
import { openSearch, searchResultLinks } from './search.ts';

const pages = builtPages();

test('the build has the home page, every chapter and the glossary in both languages', () => {
  for (const path of ['/', '/glossary/', '/chapters/lambda-tuning/', '/ja/', '/ja/glossary/']) {
    expect(pages, `${path} is missing from dist/`).toContain(path);
  }
});

for (const path of pages) {
  test(`${path} loads with one h1, a title, a language and no console errors`, async ({ page }) => {
    const errors = collectConsoleErrors(page);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page).toHaveTitle(/\S/);
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^(en|ja)$/);
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });
}

test('every internal link and asset on every page resolves, anchors included', () => {
  const linksByPage = new Map(pages.map((path) => [path, readPageLinks(path)]));
  const broken: string[] = [];
  for (const { page, references } of linksByPage.values()) {
    for (const reference of references) {
      const url = new URL(reference, `http://site${page}`);
      const targetPage = url.pathname.endsWith('/') ? url.pathname : undefined;
      if (targetPage) {
        const target = linksByPage.get(targetPage);
        if (!target) broken.push(`${page} → ${reference} (no such page)`);
        else if (url.hash && !target.ids.has(decodeURIComponent(url.hash.slice(1)))) {
          broken.push(`${page} → ${reference} (no element with id "${decodeURIComponent(url.hash.slice(1))}")`);
        }
      } else if (!existsSync(join(distDir, decodeURIComponent(url.pathname)))) {
        broken.push(`${page} → ${reference} (no such file)`);
      }
    }
  }
  expect(broken).toEqual([]);
});

for (const path of pages) {
  for (const theme of ['light', 'dark'] as const) {
    test(`${path} has no axe violations in the ${theme} theme`, async ({ page }) => {
      await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([]);
    });
  }
}

test('search finds the Lambda chapter for "Lambda"', async ({ page }) => {
  await page.goto('/');
  await (await openSearch(page)).fill('Lambda');
  await expect(searchResultLinks(page).and(page.locator('[href="/chapters/lambda-tuning/"]'))).toBeVisible();
});

function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
