import { importKeepingHistory } from './import-with-history.ts';
import { format } from './lab-workbench/strings.ts';
import {
  exportProgress,
  learnerName,
  parseProgressFile,
  previewImport,
  progressIn,
  ProgressFileError,
  undoImport,
  type ImportUndo,
  type LabCatalog,
  type PreviewItem,
  type ProgressFile,
  STORAGE_PREFIX,
} from './progress-file.ts';

/** The name a learner typed for the class board, remembered for their next export. */
const LEARNER_NAME_KEY = `${STORAGE_PREFIX}learner-name`;

/**
 * Connects one progress section to localStorage. An import is shown first (what the file has,
 * what it would replace), applied whole or not at all after a confirm, and can be undone; code
 * it replaces also goes into the file's history. Messages come localized from the page.
 */
export function wireProgressTransfer(section: HTMLElement): void {
  const messages = JSON.parse(section.dataset.messages ?? '{}') as Record<string, string>;
  const catalog = JSON.parse(section.dataset.catalog ?? '{}') as LabCatalog;
  const status = section.querySelector<HTMLElement>('[data-status]')!;
  const preview = section.querySelector<HTMLElement>('[data-preview]')!;
  const undoButton = section.querySelector<HTMLButtonElement>('[data-undo]')!;
  let pending: { file: ProgressFile; items: PreviewItem[] } | undefined;
  let undo: ImportUndo | undefined;

  const say = (text: string, kind: 'ok' | 'error') => {
    status.textContent = text;
    status.dataset.kind = kind;
  };
  const sayError = (error: unknown) => {
    if (!(error instanceof ProgressFileError)) throw error;
    say(format(messages[error.code] ?? error.message, { key: error.key }), 'error');
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

  const nameInput = section.querySelector<HTMLInputElement>('[data-learner-name]');
  if (nameInput) {
    nameInput.value = localStorage.getItem(LEARNER_NAME_KEY) ?? '';
    nameInput.addEventListener('change', () => {
      try {
        localStorage.setItem(LEARNER_NAME_KEY, learnerName(nameInput.value));
      } catch {
        // Storage full: the name still goes into this export; it is only not remembered.
      }
    });
  }

  section.querySelector('[data-export]')?.addEventListener('click', () => {
    const file = exportProgress(localStorage, new Date(), catalog, nameInput?.value ?? '');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(
      new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }),
    );
    link.download = `serverless-meetup-tokyo-2-progress-${file.exportedAt.slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
    say(format(messages.exported, { count: Object.keys(file.entries).length }), 'ok');
  });

  section
    .querySelector<HTMLInputElement>('[data-import]')
    ?.addEventListener('change', async (event) => {
      const input = event.currentTarget as HTMLInputElement;
      const chosen = input.files?.[0];
      if (!chosen) return;
      preview.hidden = true;
      pending = undefined;
      try {
        const file = parseProgressFile(await chosen.text(), catalog);
        const items = previewImport(localStorage, file, catalog);
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
      } finally {
        input.value = '';
      }
    });

  preview.querySelector('[data-preview-cancel]')!.addEventListener('click', () => {
    pending = undefined;
    preview.hidden = true;
    say(messages.cancelled, 'ok');
  });

  preview.querySelector('[data-preview-confirm]')!.addEventListener('click', () => {
    if (!pending) return;
    const { file, items } = pending;
    try {
      undo = importKeepingHistory(file, items);
    } catch (error) {
      sayError(error);
      return;
    }
    pending = undefined;
    preview.hidden = true;
    undoButton.hidden = false;
    say(format(messages.imported, { count: items.length }), 'ok');
    changed();
  });

  undoButton.addEventListener('click', () => {
    if (!undo) return;
    undoImport(localStorage, undo);
    undo = undefined;
    undoButton.hidden = true;
    say(messages.undone, 'ok');
    changed();
  });
}
