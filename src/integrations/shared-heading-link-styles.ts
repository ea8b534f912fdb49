import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

const starlightStyle = (file: string) =>
  fileURLToPath(
    new URL(`../../node_modules/@astrojs/starlight/dist/style/${file}`, import.meta.url),
  );

/** Starlight's styles for the link beside each heading, listed in `customCss` instead. */
export const HEADING_LINK_STYLES = starlightStyle('anchor-links.css');
/**
 * Starlight's order of its cascade layers, listed in `customCss` before the heading-link styles:
 * Starlight's page imports the custom CSS before this order, and a layer ranks where it first
 * appears, so without it the heading-link styles' layer would come first and lose to the others.
 */
export const LAYER_ORDER = starlightStyle('layers.css');

/** The module through which Starlight's page imports the heading-link styles, and nothing else. */
export const STARLIGHT_OPTIONAL_CSS = 'virtual:starlight/optional-css';
/** Starlight's `AnchorHeading.astro` (the self-check's heading) imports the styles itself. */
export const ANCHOR_HEADING_IMPORT = '../style/anchor-links.css';
const anchorHeading =
  /[\\/]@astrojs[\\/]starlight[\\/]dist[\\/]components[\\/]AnchorHeading\.astro$/;
const EMPTY = '\0shared-heading-link-styles:empty';

/**
 * Starlight's heading-link styles (2.3 KB) travel in the stylesheet every page shares instead of
 * in each page's HTML. Starlight imports them through a module of their own and from
 * `AnchorHeading.astro`, which Astro bundled as a stylesheet small enough to write into every
 * page; both imports get an empty module here and
 * `HEADING_LINK_STYLES` is listed in `customCss`, so the same rules, in the same cascade layer,
 * come with the site's own. tests/unit/shared-heading-link-styles.test.ts checks that Starlight
 * still imports the styles only these two ways.
 */
export function sharedHeadingLinkStyles(): AstroIntegration {
  return {
    name: 'shared-heading-link-styles',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'shared-heading-link-styles',
                enforce: 'pre',
                resolveId: (source: string, importer: string | undefined) =>
                  source === STARLIGHT_OPTIONAL_CSS ||
                  (source === ANCHOR_HEADING_IMPORT &&
                    importer !== undefined &&
                    anchorHeading.test(importer.split('?')[0]))
                    ? EMPTY
                    : undefined,
                load: (id: string) => (id === EMPTY ? '' : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
