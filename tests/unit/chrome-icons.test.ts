import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FRAME_COMPONENTS } from '../../src/integrations/chrome-icons.ts';

const root = join(import.meta.dirname, '..', '..');
const starlight = join(root, 'node_modules', '@astrojs', 'starlight', 'dist');
const chromeIcon = readFileSync(
  join(root, 'src', 'components', 'starlight', 'ChromeIcon.astro'),
  'utf8',
);

/** Each icon `ChromeIcon.astro` draws by CSS, with the SVG its mask holds, decoded. */
const masks = new Map(
  [
    ...chromeIcon.matchAll(
      /:where\(\[data-icon='([\w-]+)'\]\) \{\s*--icon: url\("data:image\/svg\+xml,([^"]+)"\)/g,
    ),
  ].map(([, name, svg]) => [name, decodeURIComponent(svg)]),
);

describe('page-frame icons drawn by CSS', () => {
  it('draws exactly the icons it lists, each with the path Starlight’s icon has', async () => {
    const { Icons } = (await import(join(starlight, 'components-internals', 'Icons.js'))) as {
      Icons: Record<string, string>;
    };
    const list = /const CSS_ICONS = \[([^\]]*)\]/.exec(chromeIcon)![1];
    const listed = [...list.matchAll(/'([\w-]+)'/g)].map(([, name]) => name);
    assert.deepEqual([...masks.keys()].sort(), [...listed].sort());
    for (const [name, svg] of masks) {
      // The mask writes attributes in single quotes; Starlight's icon in double quotes.
      const paths = /<svg [^>]*>(.*)<\/svg>/.exec(svg)![1].replaceAll("'", '"');
      assert.equal(paths, Icons[name], name);
    }
  });

  it('draws the theme picker’s icon for each theme with the path of Starlight’s icon for it', async () => {
    const { Icons } = (await import(join(starlight, 'components-internals', 'Icons.js'))) as {
      Icons: Record<string, string>;
    };
    const themeMasks = new Map(
      [
        ...chromeIcon.matchAll(
          /option\[value='(\w+)'\]:checked\) \.label-icon\) \{\s*--icon: url\("data:image\/svg\+xml,([^"]+)"\)/g,
        ),
      ].map(([, theme, svg]) => [theme, decodeURIComponent(svg)]),
    );
    // Starlight's template of theme icons: `auto` is the laptop the picker's markup already has.
    const starlightIcon = { light: 'sun', dark: 'moon' };
    assert.deepEqual([...themeMasks.keys()].sort(), Object.keys(starlightIcon).sort());
    for (const [theme, svg] of themeMasks) {
      const paths = /<svg [^>]*>(.*)<\/svg>/.exec(svg)![1].replaceAll("'", '"');
      assert.equal(paths, Icons[starlightIcon[theme as keyof typeof starlightIcon]], theme);
    }
    const select = readFileSync(join(starlight, 'components', 'ThemeSelect.astro'), 'utf8');
    assert.match(select, /icon="laptop"/);
  });

  it('Starlight’s frame components still import its icon where chrome-icons.ts replaces it', () => {
    for (const component of FRAME_COMPONENTS) {
      const source = readFileSync(join(starlight, 'components', `${component}.astro`), 'utf8');
      assert.match(source, /import Icon from '\.\.\/user-components\/Icon\.astro';/, component);
    }
  });
});
