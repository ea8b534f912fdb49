import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { builtPages, distDir } from './built-site.ts';
import { LAYER_ORDER } from '../../src/integrations/shared-heading-link-styles.ts';

// The styles of what many pages show come once, in the stylesheet every page shares from the
// browser's cache, not written again into the HTML of each page that shows it (issue 15: a lab
// page's HTML is at most 60 KB, and a workshop room downloads every page thirty times).
const shared = {
  'heading links': '--sl-anchor-icon-size',
  diagrams: '.diagram-enlarge',
  '"2017 → now" notes': '.then-now',
  takeaways: '.takeaways',
  'self-checks': '.self-check',
  'Export and Import': '.progress-transfer',
  "the push pipeline's table": '.push-peak-counts',
  'the insecure-context notice': '.insecure-context',
};

const inlineStyles = (page: string) =>
  [
    ...readFileSync(join(distDir, page, 'index.html'), 'utf8').matchAll(
      /<style[^>]*>(.*?)<\/style>/gs,
    ),
  ]
    .map((match) => match[1])
    .join('\n');

/** The stylesheet every page links, the one with Starlight's own rules and the site's. */
const sharedStylesheet = () =>
  readdirSync(join(distDir, '_astro'))
    .filter((file) => file.endsWith('.css'))
    .map((file) => readFileSync(join(distDir, '_astro', file), 'utf8'))
    .find((css) => css.includes('.sl-markdown-content'))!;

/** Cascade layers in the order they first appear in `css`: a layer ranks by its first mention. */
const layerRanks = (css: string) => [
  ...new Set(
    [...css.matchAll(/@layer ([\w.\s,]+)[;{]/g)].flatMap((match) =>
      match[1].split(',').map((name) => name.trim()),
    ),
  ),
];

test('no page writes the styles every page shares into its HTML, and the shared stylesheet has them', () => {
  const sharedSheet = sharedStylesheet();
  const pages = builtPages().map((page) => ({ page, styles: inlineStyles(page) }));
  for (const [what, selector] of Object.entries(shared)) {
    expect(sharedSheet, `the shared stylesheet styles ${what}`).toContain(selector);
    for (const { page, styles } of pages)
      expect(styles, `${page} writes the styles of ${what} into its HTML`).not.toContain(selector);
  }
});

// The heading-link styles are in Starlight's content layer: listed before Starlight's layer order,
// that layer would rank below the reset and lose its heading spacing (headings sat on the
// paragraph above them).
test("the shared stylesheet ranks Starlight's cascade layers in Starlight's order", () => {
  expect(layerRanks(sharedStylesheet())).toEqual(layerRanks(readFileSync(LAYER_ORDER, 'utf8')));
});
