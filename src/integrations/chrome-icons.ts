import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

/**
 * Starlight's page-frame components whose icons `ChromeIcon.astro` draws by CSS: the pickers
 * (`Select`), the sidebar's groups, the mobile contents, the mobile menu button and the
 * previous/next links. Each imports Starlight's icon as `../user-components/Icon.astro`.
 */
export const FRAME_COMPONENTS = [
  'Select',
  'SidebarSublist',
  'MobileTableOfContents',
  'MobileMenuToggle',
  'Pagination',
];

const STARLIGHT_ICON_IMPORT = '../user-components/Icon.astro';
const frameComponent = new RegExp(
  `[\\\\/]@astrojs[\\\\/]starlight[\\\\/]dist[\\\\/]components[\\\\/](${FRAME_COMPONENTS.join('|')})\\.astro$`,
);
const chromeIcon = fileURLToPath(
  new URL('../components/starlight/ChromeIcon.astro', import.meta.url),
);

/**
 * Gives Starlight's page-frame components `ChromeIcon.astro` where they import Starlight's icon,
 * so the icons on every page are drawn once by CSS instead of written into every page as SVG.
 * Resolved as Vite loads them, so dev and build agree; tests/unit/chrome-icons.test.ts checks that
 * the components still import the icon this way.
 */
export function chromeIcons(): AstroIntegration {
  return {
    name: 'chrome-icons',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'chrome-icons',
                enforce: 'pre',
                resolveId(source: string, importer: string | undefined) {
                  if (
                    source === STARLIGHT_ICON_IMPORT &&
                    importer &&
                    frameComponent.test(importer.split('?')[0])
                  )
                    return chromeIcon;
                  return undefined;
                },
              },
            ],
          },
        });
      },
    },
  };
}
