import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LIST_SPACING, withCheapListSpacing } from '../../src/integrations/list-spacing.ts';

const markdownCssFile = join(
  import.meta.dirname,
  '..',
  '..',
  'node_modules',
  '@astrojs',
  'starlight',
  'dist',
  'style',
  'markdown.css',
);
const markdownCss = readFileSync(markdownCssFile, 'utf8');

describe('list spacing without :has()', () => {
  it('replaces the installed Starlight’s list-spacing selector and nothing else', () => {
    const rewritten = withCheapListSpacing(markdownCss, markdownCssFile);
    assert.ok(
      rewritten.includes(`${LIST_SPACING} {\n\t\tmargin-bottom: 1.25rem;\n\t}`),
      'the rule keeps its declaration',
    );
    // The sibling :has() that any element can match is what restyled whole pages.
    assert.doesNotMatch(rewritten, /:has\(~/);
    const removed = markdownCss.length - rewritten.length;
    const [before, after] = rewritten.split(LIST_SPACING);
    assert.ok(
      markdownCss.startsWith(before) && markdownCss.endsWith(after),
      'the rest of the file is unchanged',
    );
    assert.ok(removed > 0);
  });

  it('refuses a Starlight whose rule it was not written for, naming the file', () => {
    const changed = markdownCss.replace(
      ':not(script):has(~ script:last-child)',
      ':not(script, template):has(~ script:last-child)',
    );
    assert.throws(
      () => withCheapListSpacing(changed, 'markdown.css'),
      /markdown\.css: Starlight's list-spacing rule/,
    );
    assert.throws(
      () => withCheapListSpacing('.sl-markdown-content p {}', 'other.css'),
      /other\.css/,
    );
  });
});
