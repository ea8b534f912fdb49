// `node scripts/screenshot.ts <url-path> <out.png> [--phone] [--dark]`: a Chromium screenshot of
// a page on the running preview server, for the README and for looking at what we ship.
import { chromium } from '@playwright/test';
import { findChromium, missingChromiumMessage } from '../tests/e2e/chromium-path.ts';

const [path = '/', out = 'screenshot.png', ...flags] = process.argv.slice(2);
const executablePath = findChromium();
if (!executablePath) {
  console.error(missingChromiumMessage);
  process.exit(1);
}
const phone = flags.includes('--phone');
const browser = await chromium.launch({ executablePath });
const context = await browser.newContext({
  viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
  deviceScaleFactor: phone ? 2 : 1,
  colorScheme: flags.includes('--dark') ? 'dark' : 'light',
});
const page = await context.newPage();
await page.goto(new URL(path, process.env.BASE_URL ?? 'http://127.0.0.1:4321/').href, {
  waitUntil: 'networkidle',
});
await page.screenshot({ path: out, fullPage: flags.includes('--full') });
await browser.close();
console.log(`Saved ${out}`);
