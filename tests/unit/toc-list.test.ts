import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TOC_COMPONENTS, TOC_LIST_IMPORT } from '../../src/integrations/toc-list.ts';

const root = join(import.meta.dirname, '..', '..');
const starlight = join(root, 'node_modules', '@astrojs', 'starlight', 'dist');
const starlightList = readFileSync(
  join(starlight, 'components-internals', 'TableOfContents', 'TableOfContentsList.astro'),
  'utf8',
);
const ourList = readFileSync(join(root, 'src', 'components', 'starlight', 'TocList.astro'), 'utf8');

/**
 * The declaration blocks of a component's styles, each as one normalised line. A depth no element
 * sets reads as 0 in ours, as Starlight's sets it on each element.
 */
const declarationBlocks = (source: string) =>
  new Set(
    [
      ...source.slice(source.indexOf('>', source.indexOf('<style')) + 1).matchAll(/\{([^{}]*)\}/g),
    ].map(([, block]) =>
      block
        .replace(/\/\*.*?\*\//gs, '')
        .replace(/var\(--depth\)/g, 'var(--depth, 0)')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );

describe('the contents’ list of headings', () => {
  it('is what Starlight’s contents still import, where toc-list.ts gives them ours', () => {
    for (const component of TOC_COMPONENTS) {
      const source = readFileSync(join(starlight, 'components', `${component}.astro`), 'utf8');
      const line = `import TableOfContentsList from '${TOC_LIST_IMPORT}';`;
      assert.ok(source.includes(line), `${component}.astro no longer has: ${line}`);
    }
  });

  it('is drawn with every declaration of Starlight’s list', () => {
    const ours = declarationBlocks(ourList);
    for (const block of declarationBlocks(starlightList))
      assert.ok(ours.has(block), `TocList.astro has no rule with: ${block}`);
  });
});
