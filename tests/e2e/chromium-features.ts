import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Chromium features the tests turn off on top of Playwright's own list. Headless Chromium 156
 * opens the address bar's two WebUI popups (chrome://omnibox-popup.top-chrome/) for every new
 * window, each in a renderer of its own, though no test ever sees an address bar: on
 * keeps-learner-work and lab-editor that was a fifth of the run's CPU (178 → 141 CPU-s).
 */
const UNUSED_BROWSER_UI = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/**
 * Chromium reads only the last `--disable-features`, and Playwright passes its own list first
 * (HttpsUpgrades and others the tests rely on), so a second switch would silently drop that list.
 * This reads Playwright's list from its installed code and returns one switch with both.
 */
export function disabledFeaturesSwitch(): string {
  return `--disable-features=${[...playwrightDisabledFeatures(), ...UNUSED_BROWSER_UI].join(',')}`;
}

export function playwrightDisabledFeatures(source = readPlaywrightCore()): string[] {
  const list = /\bdisabledFeatures = \[([\s\S]*?)\]/.exec(source)?.[1];
  const features = [...(list ?? '').matchAll(/"([A-Za-z0-9]+)"/g)].map((match) => match[1]);
  if (!features.length) {
    throw new Error(
      'tests/e2e/chromium-features.ts: Playwright no longer keeps its disabled Chromium features where this file ' +
        'reads them (playwright-core/lib/coreBundle.js, `disabledFeatures = [...]`). Find the list in the new ' +
        'version and read it from there, so that passing our own --disable-features does not drop it.',
    );
  }
  return features;
}

function readPlaywrightCore(): string {
  const core = dirname(createRequire(import.meta.url).resolve('playwright-core/package.json'));
  return readFileSync(join(core, 'lib', 'coreBundle.js'), 'utf8');
}
