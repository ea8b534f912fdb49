import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  createRendererWithoutScrollFocus,
  SCROLL_FOCUS_SCRIPT,
} from '../../src/lib/renderer-without-scroll-focus.ts';
import { createRenderer } from '@astrojs/starlight/expressive-code';

it("Expressive Code's own renderer ships the scroll-focus script, ours keeps every other script", async () => {
  const stock = await createRenderer({ themes: ['github-dark'] });
  const ours = await createRendererWithoutScrollFocus({ themes: ['github-dark'] });
  assert.equal(stock.jsModules.filter((module) => module.includes(SCROLL_FOCUS_SCRIPT)).length, 1);
  assert.ok(!ours.jsModules.some((module) => module.includes(SCROLL_FOCUS_SCRIPT)));
  assert.deepEqual(
    ours.jsModules,
    stock.jsModules.filter((module) => !module.includes(SCROLL_FOCUS_SCRIPT)),
  );
  assert.ok(
    ours.jsModules.some((module) => module.includes('copy-js-module')),
    'the copy button stays',
  );
});
