import { fileURLToPath } from 'node:url';
import { starlightImportSwap } from './starlight-import-swap.ts';

/** Starlight's two lists of a page's headings: the side column's and the phone's dropdown. */
export const TOC_COMPONENTS = ['TableOfContents', 'MobileTableOfContents'];

/** How both import the list they draw. */
export const TOC_LIST_IMPORT = '../components-internals/TableOfContents/TableOfContentsList.astro';

/**
 * Gives Starlight's contents `TocList.astro` where they import their list, which draws the same
 * list without a scoping class and a `--depth` style on every element of every entry (0.2 KB an
 * entry, and a page lists its headings twice). tests/unit/toc-list.test.ts checks that both
 * still import the list this way.
 */
export const tocList = () =>
  starlightImportSwap({
    name: 'toc-list',
    components: TOC_COMPONENTS,
    source: TOC_LIST_IMPORT,
    replacement: fileURLToPath(new URL('../components/starlight/TocList.astro', import.meta.url)),
  });
