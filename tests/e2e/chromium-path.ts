import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Where Debian and Ubuntu put the whole browser. */
const debianChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * The full Chromium the bench and the screenshot script drive (Lighthouse measures a real
 * browser): `PLAYWRIGHT_CHROMIUM_EXECUTABLE` if set, else Playwright's own Chromium where it is
 * installed, else Debian's `chromium`. Playwright cannot download browsers on machines without
 * that network access, so the fallback matters.
 */
export function findChromium(): string | undefined {
  return firstExisting([
    process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE,
    safeBundledPath(),
    ...debianChromium,
  ]);
}

/**
 * The browser the end-to-end tests drive, as Playwright's launch options. Headless tests need no
 * browser UI, and Playwright itself runs them in Chromium's headless shell (since 1.49: its own
 * browsers come as a full Chromium and a headless shell, and headless launches take the shell).
 * Debian's whole Chromium 156 started 110 renderers for the 51 tests of keeps-learner-work and
 * lab-workbench, and took 171 s and 297 CPU-s; its headless shell started 38, in 135 s and
 * 224 CPU-s. So: `PLAYWRIGHT_CHROMIUM_EXECUTABLE` if set; else Playwright's own browsers, left to
 * Playwright to choose; else Debian's headless shell (`apt-get install chromium-headless-shell`);
 * else Debian's whole Chromium, which passes the same tests, only slower. Undefined when there is
 * none.
 */
export function findTestBrowser(): { executablePath?: string } | undefined {
  const named = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (named && existsSync(named)) return { executablePath: named };
  if (safeBundledPath()) return {};
  const executablePath = firstExisting(['/usr/bin/chromium-headless-shell', ...debianChromium]);
  return executablePath ? { executablePath } : undefined;
}

export const missingChromiumMessage =
  'No Chromium found for the end-to-end tests. Install one with `sudo apt-get install -y chromium-headless-shell chromium` ' +
  '(Debian/Ubuntu) or `npx playwright install chromium`, or set PLAYWRIGHT_CHROMIUM_EXECUTABLE to a Chromium binary.';

function firstExisting(paths: (string | undefined)[]): string | undefined {
  return paths.find((path): path is string => Boolean(path) && existsSync(path!));
}

/** Playwright's own Chromium, where `npx playwright install chromium` has put it. */
function safeBundledPath(): string | undefined {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}
