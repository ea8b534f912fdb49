import assert from 'node:assert/strict';
import { test } from 'node:test';
import { disabledFeaturesSwitch, playwrightDisabledFeatures } from '../e2e/chromium-features.ts';

test('the browser tests keep every Chromium feature Playwright turns off, and turn off the unused address bar popups', () => {
  const playwright = playwrightDisabledFeatures();
  // HTTP must stay HTTP: the insecure-context tests load http://workshop.lan.
  assert.ok(playwright.includes('HttpsUpgrades'), playwright.join(','));
  const features = /^--disable-features=(.+)$/.exec(disabledFeaturesSwitch())?.[1].split(',') ?? [];
  for (const feature of [...playwright, 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'])
    assert.ok(features.includes(feature), feature);
});

test('a Playwright whose list cannot be found stops the tests with a message saying where to look', () => {
  assert.throws(
    () => playwrightDisabledFeatures('var somethingElse = ["PaintHolding"];'),
    /disabledFeatures = \[\.\.\.\]/,
  );
  assert.deepEqual(
    playwrightDisabledFeatures(
      'disabledFeatures = [\n  // why\n  "PaintHolding",\n  "MediaRouter"\n].filter(Boolean)',
    ),
    ['PaintHolding', 'MediaRouter'],
  );
});
