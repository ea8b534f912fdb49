import type { Page } from '@playwright/test';

/** Fills the page's localStorage to the last character, as a browser with no room left would be. */
export async function fillStorage(page: Page): Promise<void> {
  await page.evaluate(() => {
    let index = 0;
    for (let size = 1 << 20; size >= 1;) {
      try {
        localStorage.setItem(`filler:${index++}`, 'x'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
}

/** What a browser that blocks this site's data does, from the page's first script on: reading either storage throws. */
export async function blockSiteData(page: Page): Promise<void> {
  await page.addInitScript(() => {
    for (const name of ['localStorage', 'sessionStorage'])
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
  });
}
