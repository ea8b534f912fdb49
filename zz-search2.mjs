import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage();
for (const [lang, q] of [['', 'Cognito'], ['', 'cold start'], ['ja/', '認可'], ['', 'BigQuery']]) {
  await page.goto(`http://127.0.0.1:4400/${lang}`);
  await page.getByRole('button', { name: /search|検索/i }).first().click();
  const input = page.getByRole('dialog').getByRole('searchbox');
  await input.fill(q);
  await page.getByRole('dialog').locator('ol a').nth(2).waitFor();
  console.log(q, await page.evaluate(() => [...document.querySelectorAll('dialog ol > li')].map((li) => { const a = li.querySelector('a'); return [a.textContent, ...[...li.querySelectorAll('ul a')].map((s) => (s.textContent === a.textContent ? 'DUP ' : '') + s.getAttribute('href'))]; })));
}
await browser.close();
