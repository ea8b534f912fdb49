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

/**
 * The masks of `ChromeIcon.astro` whose rule starts with `selector` (a pattern with one group, the
 * mask's key), each with the paths of the SVG it holds, quoted as Starlight's icon set quotes them.
 */
const maskPaths = (selector: string) =>
  new Map(
    [
      ...chromeIcon.matchAll(
        new RegExp(`${selector} \\{\\s*--icon: url\\("data:image\\/svg\\+xml,([^"]+)"\\)`, 'g'),
      ),
    ].map(([, key, svg]) => [
      key,
      // The mask writes attributes in single quotes; Starlight's icon in double quotes.
      /<svg [^>]*>(.*)<\/svg>/.exec(decodeURIComponent(svg))![1].replaceAll("'", '"'),
    ]),
  );

/** Starlight's icon set: each icon's SVG paths by name. */
const starlightIcons = async () =>
  (
    (await import(join(starlight, 'components-internals', 'Icons.js'))) as {
      Icons: Record<string, string>;
    }
  ).Icons;

/** Each icon `ChromeIcon.astro` draws by CSS, with the paths its mask holds. */
const masks = maskPaths(String.raw`:where\(\.chrome-icon\[data-icon='([\w-]+)'\]\)`);

describe('page-frame icons drawn by CSS', () => {
  it('draws exactly the icons it lists, each with the path Starlight’s icon has', async () => {
    const Icons = await starlightIcons();
    const list = /const CSS_ICONS = \[([^\]]*)\]/.exec(chromeIcon)![1];
    const listed = [...list.matchAll(/'([\w-]+)'/g)].map(([, name]) => name);
    assert.deepEqual([...masks.keys()].sort(), [...listed].sort());
    for (const [name, paths] of masks) assert.equal(paths, Icons[name], name);
  });

  it('draws the theme picker’s icon for each theme with the path of Starlight’s icon for it', async () => {
    const Icons = await starlightIcons();
    const themeMasks = maskPaths(
      String.raw`option\[value='(\w+)'\]:checked\) \.label-icon\.chrome-icon\)`,
    );
    // Starlight's template of theme icons: `auto` is the laptop the picker's markup already has.
    const starlightIcon = { light: 'sun', dark: 'moon' };
    assert.deepEqual([...themeMasks.keys()].sort(), Object.keys(starlightIcon).sort());
    for (const [theme, paths] of themeMasks)
      assert.equal(paths, Icons[starlightIcon[theme as keyof typeof starlightIcon]], theme);
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
