import { LabStorage, type SavedVersion } from './lab-workbench/lab-storage.ts';
import {
  applyImport,
  ProgressFileError,
  undoImport,
  type ImportUndo,
  type PreviewItem,
  type ProgressFile,
} from './progress-file.ts';

/**
 * Writes an import (a progress file, or the files of a shared link) whole or not at all, after
 * keeping each learner file it replaces in that file's History, so no import can destroy code.
 */
export function importKeepingHistory(file: ProgressFile, items: PreviewItem[]): ImportUndo {
  keepWhatWillChange(items, file.entries, 'before-import');
  return applyImport(localStorage, file);
}

/**
 * Puts back what an import replaced, after keeping in History each learner file whose text would
 * change: what the import brought, and whatever was written on top of it since, is work too.
 */
export function undoImportKeepingHistory(undo: ImportUndo, items: PreviewItem[]): void {
  keepWhatWillChange(items, undo, 'before-undo-import');
  undoImport(localStorage, undo);
}

/**
 * Keeps in its History the stored text of every learner file among `items` that writing `next`
 * would change; throws before anything is written when storage is too full to keep one.
 */
function keepWhatWillChange(
  items: PreviewItem[],
  next: Record<string, string | null>,
  label: SavedVersion['label'],
): void {
  for (const item of items) {
    if (item.kind.kind !== 'file') continue;
    const current = localStorage.getItem(item.key);
    if (current === null || current === next[item.key]) continue;
    if (!new LabStorage(item.kind.lab).remember(item.kind.file, current, label))
      throw new ProgressFileError(
        'storage-full',
        'Storage is full: the code about to be replaced could not be kept first, so nothing was changed.',
      );
  }
}
