import { LabStorage } from './lab-workbench/lab-storage.ts';
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
  for (const item of items) {
    if (item.kind.kind !== 'file' || !item.replaces) continue;
    const kept = new LabStorage(item.kind.lab).remember(
      item.kind.file,
      localStorage.getItem(item.key)!,
      'before-import',
    );
    if (!kept)
      throw new ProgressFileError(
        'storage-full',
        'Storage is full: the code this import replaces could not be kept first.',
      );
  }
  return applyImport(localStorage, file);
}

/**
 * Puts back what an import replaced, after keeping in History each learner file whose text would
 * change: what the import brought, and whatever was written on top of it since, is work too.
 */
export function undoImportKeepingHistory(undo: ImportUndo, items: PreviewItem[]): void {
  for (const item of items) {
    if (item.kind.kind !== 'file') continue;
    const current = localStorage.getItem(item.key);
    if (current === null || current === undo[item.key]) continue;
    const kept = new LabStorage(item.kind.lab).remember(
      item.kind.file,
      current,
      'before-undo-import',
    );
    if (!kept)
      throw new ProgressFileError(
        'storage-full',
        'Storage is full: the code written since the import could not be kept, so the import was not undone.',
      );
  }
  undoImport(localStorage, undo);
}
