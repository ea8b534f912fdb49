import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { componentScriptName } from '../../src/integrations/component-script-name.ts';
import { withFocusableTables } from '../../src/integrations/focusable-tables.ts';
import { withoutAutoDirection } from '../../src/integrations/inline-code-direction.ts';

describe('inline code on a built page', () => {
  const body = '<p>Run <code dir="auto">npm test</code> and <code dir="auto">東京</code>.</p>';

  it('takes the direction of a left-to-right page', () => {
    const page = `<!DOCTYPE html><html lang="ja" dir="ltr"><body>${body}`;
    assert.equal(
      withoutAutoDirection(page),
      '<!DOCTYPE html><html lang="ja" dir="ltr"><body><p>Run <code>npm test</code> and <code>東京</code>.</p>',
    );
  });

  it('keeps its own direction on a right-to-left page', () => {
    const page = `<!DOCTYPE html><html lang="ar" dir="rtl"><body>${body}`;
    assert.equal(withoutAutoDirection(page), page);
  });
});

describe('a Markdown table on a built page', () => {
  it('takes the keyboard, so it can be scrolled where it is wider than the page', () => {
    assert.equal(
      withFocusableTables('<table><tr><td>1</td></tr></table><table class="board">'),
      '<table tabindex="0"><tr><td>1</td></tr></table><table class="board">',
    );
  });
});

describe('a component script’s built name', () => {
  it('is the component’s, without the module id’s suffix', () => {
    assert.equal(
      componentScriptName({ name: 'Search.astro_astro_type_script_index_0_lang' }),
      '_astro/Search.[hash].js',
    );
    assert.equal(
      componentScriptName({ name: 'ThemeSelect.astro_astro_type_script_index_1_lang' }),
      '_astro/ThemeSelect.[hash].js',
    );
  });

  it('leaves other entries as Astro names them', () => {
    assert.equal(componentScriptName({ name: 'page' }), '_astro/page.[hash].js');
    assert.equal(componentScriptName({ name: 'a b?c' }), '_astro/a_b_c.[hash].js');
  });
});
