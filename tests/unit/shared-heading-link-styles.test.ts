import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import {
  ANCHOR_HEADING_IMPORT,
  HEADING_LINK_STYLES,
  STARLIGHT_OPTIONAL_CSS,
} from '../../src/integrations/shared-heading-link-styles.ts';

const starlight = join(import.meta.dirname, '..', '..', 'node_modules', '@astrojs', 'starlight');
const sources = readdirSync(join(starlight, 'dist'), { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.(astro|js|ts)$/.test(file) && !file.endsWith('.d.ts'))
  .map((file) => ({ file, text: readFileSync(join(starlight, 'dist', file), 'utf8') }));

// The heading links keep their styles only while Starlight imports them the two ways
// sharedHeadingLinkStyles() empties, and no other.
describe("Starlight's heading-link styles", () => {
  it('are the file customCss lists', () => {
    assert.match(readFileSync(HEADING_LINK_STYLES, 'utf8'), /\.sl-anchor-link/);
  });

  it('are imported only by AnchorHeading.astro and the optional-CSS module', () => {
    const importers = sources
      .filter(({ text }) => text.includes('anchor-links.css'))
      .map(({ file }) => file)
      .sort();
    assert.deepEqual(importers, [
      join('components', 'AnchorHeading.astro'),
      join('integrations', 'vite-virtual-modules.js'),
    ]);
    const anchorHeading = sources.find(({ file }) => file.endsWith('AnchorHeading.astro'))!;
    assert.ok(anchorHeading.text.includes(`import '${ANCHOR_HEADING_IMPORT}';`));
  });

  it('are all the optional-CSS module holds', () => {
    const modules = sources.find(({ file }) => file.endsWith('vite-virtual-modules.js'))!;
    const entry = new RegExp(`"${STARLIGHT_OPTIONAL_CSS}": ([^\\n]*),\\n`).exec(modules.text);
    assert.ok(entry, `${STARLIGHT_OPTIONAL_CSS} is no longer defined as it was`);
    assert.equal(
      entry[1],
      'opts.markdown.headingLinks ? `import ${resolveLocalPath("../style/anchor-links.css")};` : ""',
    );
    assert.equal(
      relative(join(starlight, 'dist', 'style'), HEADING_LINK_STYLES),
      'anchor-links.css',
    );
  });
});
