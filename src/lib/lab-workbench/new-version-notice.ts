import { showNotice } from './notice.ts';
import type { WorkbenchStrings } from './strings.ts';

/**
 * A tab opened before a deploy asks for code chunks the new deploy no longer has. Instead of a
 * button that silently does nothing, the page says a new version is there and offers a reload
 * (the learner's code is in storage, not in the page).
 */
export function newVersionNotice(container: HTMLElement, strings: WorkbenchStrings) {
  const show = () =>
    showNotice(container, 'new-version', strings.newVersion, [
      { label: strings.reload, run: () => location.reload() },
    ]);
  // Vite's own signal that a chunk's preloaded dependencies failed to load.
  window.addEventListener('vite:preloadError', show);
  return {
    /** Says a new version is here, with Reload: for what only a reload can mend. */
    show,
    /** Runs a dynamic import; a chunk that cannot be fetched shows the notice and gives undefined. */
    async load<T>(importer: () => Promise<T>): Promise<T | undefined> {
      try {
        return await importer();
      } catch (error) {
        // Browsers reject a module they cannot fetch with a TypeError; anything else is a bug to surface.
        if (!(error instanceof TypeError)) throw error;
        show();
        return undefined;
      }
    },
  };
}
