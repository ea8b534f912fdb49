import { format } from './lab-workbench/strings.ts';
import { importKeepingHistory, undoImportKeepingHistory } from './import-with-history.ts';
import {
  exportProgress,
  parseProgressFile,
  previewImport,
  type ImportUndo,
  type PreviewItem,
  type ProgressFile,
  type ProgressFileError,
} from './progress-file.ts';
import type { ProgressTransferData } from './progress-transfer-data.ts';
import { COLLECT_UNSAVED, progressIn } from './stored-progress.ts';

/**
 * Export and import for one progress section (`progress-section.ts` loads this with the first
 * Export or Import). An import is shown first (what the file has, what it would replace), applied
 * whole or not at all after a confirm, and can be undone; code it replaces also goes into the
 * file's history. Messages come in the page's language, with the labs a file may hold, from the
 * JSON file the section fetched beside this module.
 */
export function progressTransfer(
  section: HTMLElement,
  { messages, catalog }: ProgressTransferData,
) {
  const status = section.querySelector<HTMLElement>('[data-status]')!;
  const preview = section.querySelector<HTMLElement>('[data-preview]')!;
  const undoButton = section.querySelector<HTMLButtonElement>('[data-undo]')!;
  const chooser = section.querySelector<HTMLInputElement>('[data-import]')!;
  let pending: { file: ProgressFile; items: PreviewItem[] } | undefined;
  let undo: { replaced: ImportUndo; items: PreviewItem[] } | undefined;

  const say = (text: string, kind: 'ok' | 'error') => {
    status.textContent = text;
    status.dataset.kind = kind;
  };
  const sayError = (error: unknown) => {
    if (!(error instanceof Error && error.name === 'ProgressFileError')) throw error;
    const { code: reason, key, message } = error as ProgressFileError;
    say(format(messages[reason] ?? message, { key }), 'error');
  };
  const changed = () => document.dispatchEvent(new CustomEvent('smt2:progress-imported'));

  const describe = (item: PreviewItem, value: string) => {
    const { kind } = item;
    if (kind.kind === 'progress') {
      const labs = Object.entries(progressIn(JSON.parse(value))).filter(
        ([, progress]) => progress.done,
      );
      return format(messages['kind.progress'], {
        labs: labs.map(([lab]) => lab).join(', ') || messages.noLabs,
      });
    }
    return format(messages[`kind.${kind.kind}`], {
      lab: kind.lab,
      file: kind.kind === 'hints' ? '' : kind.file,
    });
  };
  const fillList = (selector: string, lines: string[]) => {
    const list = preview.querySelector<HTMLElement>(selector)!;
    list.replaceChildren(
      ...lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })),
    );
    list.hidden = lines.length === 0;
  };

  preview.querySelector('[data-preview-cancel]')!.addEventListener('click', () => {
    pending = undefined;
    preview.hidden = true;
    say(messages.cancelled, 'ok');
    // The button pressed has gone with the preview: the keyboard goes back to choosing a file.
    chooser.focus();
  });

  preview.querySelector('[data-preview-confirm]')!.addEventListener('click', () => {
    if (!pending) return;
    const { file, items } = pending;
    try {
      undo = { replaced: importKeepingHistory(file, items), items };
    } catch (error) {
      sayError(error);
      return;
    }
    pending = undefined;
    preview.hidden = true;
    undoButton.hidden = false;
    say(format(messages.imported, { count: items.length }), 'ok');
    changed();
    undoButton.focus();
  });

  undoButton.addEventListener('click', () => {
    if (!undo) return;
    try {
      undoImportKeepingHistory(undo.replaced, undo.items);
    } catch (error) {
      sayError(error);
      return;
    }
    undo = undefined;
    undoButton.hidden = true;
    say(messages.undone, 'ok');
    changed();
    chooser.focus();
  });

  return {
    exportFile(name: string) {
      // A lab's workbench on this page adds the code it shows but could not save (storage full).
      const unsaved: Record<string, string> = {};
      document.dispatchEvent(new CustomEvent(COLLECT_UNSAVED, { detail: unsaved }));
      const file = exportProgress(localStorage, new Date(), catalog, name, unsaved);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(
        new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }),
      );
      link.download = `serverless-meetup-tokyo-2-progress-${file.exportedAt.slice(0, 10)}.json`;
      link.click();
      URL.revokeObjectURL(link.href);
      say(format(messages.exported, { count: Object.keys(file.entries).length }), 'ok');
    },
    /** Reads a chosen file and shows what importing it would bring and replace. */
    async previewFile(chosen: File) {
      preview.hidden = true;
      pending = undefined;
      try {
        const file = parseProgressFile(await chosen.text(), catalog);
        const items = previewImport(localStorage, file, catalog);
        // A file exported before anything was saved: no preview of nothing, no Import to press.
        if (!items.length) return say(messages.empty, 'error');
        pending = { file, items };
        say('', 'ok');
        preview.querySelector('[data-preview-title]')!.textContent = format(messages.previewTitle, {
          name: chosen.name,
        });
        fillList(
          '[data-preview-has]',
          items.map((item) => describe(item, file.entries[item.key])),
        );
        const replaced = items.filter((item) => item.replaces);
        fillList(
          '[data-preview-replaces]',
          replaced.map((item) => describe(item, localStorage.getItem(item.key)!)),
        );
        preview.querySelector('[data-preview-replaces-label]')!.textContent = replaced.length
          ? messages.previewReplaces
          : messages.previewReplacesNothing;
        preview.hidden = false;
        preview.querySelector<HTMLElement>('[data-preview-title]')!.focus();
      } catch (error) {
        sayError(error);
      }
    },
  };
}
