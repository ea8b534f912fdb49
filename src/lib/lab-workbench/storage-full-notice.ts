import { hideNotice, showNotice } from './notice.ts';
import { storageBlocked } from '../stored-progress.ts';
import { format, type WorkbenchStrings } from './strings.ts';
import type { WorkingCopy } from './working-copy.ts';

/** Saves one file's text as a download: the way out when the browser will not store it. */
function download(file: string, text: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  link.download = file;
  link.click();
  URL.revokeObjectURL(link.href);
}

/**
 * Says on the page when storage is full or switched off: which files are not saved, that Run
 * still checks what is on screen, and a download for each, so the text survives a closed tab; and
 * while any is unsaved, leaving the page (a link, a reload, the language picker) asks first.
 */
export function storageFullNotice(options: {
  container: HTMLElement;
  strings: WorkbenchStrings;
  copy: WorkingCopy;
}) {
  const { container, strings, copy } = options;
  // Leaving now would lose the unsaved text, so the browser asks first; only while text is unsaved,
  // since a page that always listens for leaving may lose the browser's back-forward cache.
  const askBeforeLeaving = (event: BeforeUnloadEvent) => event.preventDefault();
  const downloads = (files: string[]) =>
    files.map((file) => ({
      label: format(strings.download, { file }),
      run: () => download(file, copy.text(file)),
    }));
  return {
    /** After each save: shown while some file is unsaved, gone once storage takes them again. */
    update(unsaved: string[]) {
      if (!unsaved.length) {
        hideNotice(container, 'storage-full');
        removeEventListener('beforeunload', askBeforeLeaving);
        return;
      }
      addEventListener('beforeunload', askBeforeLeaving);
      showNotice(
        container,
        'storage-full',
        storageBlocked()
          ? strings.storageBlocked
          : format(strings.storageFull, { files: unsaved.join(', ') }),
        downloads(unsaved),
      );
    },
    /** A button refused to replace code it could not keep in history first. */
    refused() {
      const own = copy.files.filter((file) => copy.isOwn(file, copy.text(file)));
      showNotice(
        container,
        'storage-full',
        storageBlocked() ? strings.storageBlocked : strings.storageFullRefused,
        downloads(own),
      );
    },
  };
}
