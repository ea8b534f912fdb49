import { fileURLToPath } from 'node:url';
import { starlightImportSwap } from './starlight-import-swap.ts';

/**
 * Starlight's page-frame components whose icons `ChromeIcon.astro` draws by CSS: the mobile
 * contents and the mobile menu button, which import Starlight's icon as
 * `../user-components/Icon.astro`. The pickers, the sidebar's groups and the previous/next links
 * are the site's own (`Select.astro`, `SidebarList.astro`, `Pagination.astro`) and draw it directly.
 */
export const FRAME_COMPONENTS = ['MobileTableOfContents', 'MobileMenuToggle'];

/**
 * Gives Starlight's page-frame components `ChromeIcon.astro` where they import Starlight's icon,
 * so the icons on every page are drawn once by CSS instead of written into every page as SVG.
 * tests/unit/chrome-icons.test.ts checks that the components still import the icon this way.
 */
export const chromeIcons = () =>
  starlightImportSwap({
    name: 'chrome-icons',
    components: FRAME_COMPONENTS,
    source: '../user-components/Icon.astro',
    replacement: fileURLToPath(
      new URL('../components/starlight/ChromeIcon.astro', import.meta.url),
    ),
  });
