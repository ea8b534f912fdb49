import { fileURLToPath } from 'node:url';
import { starlightImportSwap } from './starlight-import-swap.ts';

/** Starlight's pickers: each draws Starlight's `Select` (the site's theme picker draws ours itself). */
export const PICKER_COMPONENTS = ['ThemeSelect', 'LanguageSelect'];

/** How they import it. */
export const SELECT_IMPORT = './Select.astro';

/**
 * Gives Starlight's pickers `Select.astro` where they import Starlight's, which draws the same
 * picker without a scoping class on each element. tests/unit/picker-select.test.ts checks that
 * both still import it this way.
 */
export const pickerSelect = () =>
  starlightImportSwap({
    name: 'picker-select',
    components: PICKER_COMPONENTS,
    source: SELECT_IMPORT,
    replacement: fileURLToPath(new URL('../components/starlight/Select.astro', import.meta.url)),
  });
