import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const [lang, q] of [['', 'Cognito'], ['ja/', '認可']]) for (const theme of ['light', 'dark']) for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  const page = await browser.newPage({ viewport });
  await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  await page.goto(`http://127.0.0.1:4400/${lang}`);
  await page.getByRole('button', { name: /search|検索/i }).first().click();
  const input = page.getByRole('dialog').getByRole('searchbox');
  await input.fill(q);
  await page.getByRole('dialog').locator('ol a').nth(2).waitFor();
  await input.press('ArrowDown'); await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(200);
  const file = `.scratch/shots/s47-search-${lang ? 'ja' : 'en'}-${theme}-${name}.png`;
  await page.screenshot({ path: file });
  console.log(file, await page.evaluate(() => document.activeElement.textContent));
  await page.close();
}
await browser.close();
