import { format } from './lab-workbench/strings.ts';
import type {
  ImportUndo,
  LabCatalog,
  PreviewItem,
  ProgressFile,
  ProgressFileError,
} from './progress-file.ts';
import { learnerName, progressIn, STORAGE_PREFIX } from './stored-progress.ts';

/**
 * The file format's code (checking a file whole, exporting, importing with history): needed once
 * the learner exports or imports, so it loads then and not with every page that shows the section.
 */
const fileCode = async () => {
  const [file, history] = await Promise.all([
    import('./progress-file.ts'),
    import('./import-with-history.ts'),
  ]);
  return { ...file, ...history };
};
type FileCode = Awaited<ReturnType<typeof fileCode>>;

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
    if (!(error instanceof Error && error.name === 'ProgressFileError')) throw error;
    const { code: reason, key, message } = error as ProgressFileError;
    say(format(messages[reason] ?? message, { key }), 'error');
  };
  /** Set once loaded: an import's confirm and undo come after its preview loaded it, and use it at once. */
  let loaded: FileCode | undefined;
  /** The file code, or undefined after saying it could not be loaded (offline on a stale page). */
  const loadFileCode = async () => {
    try {
      loaded ??= await fileCode();
      return loaded;
    } catch {
      say(messages['load-failed'], 'error');
      return undefined;
    }
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

  section.querySelector('[data-export]')?.addEventListener('click', async () => {
    const code = await loadFileCode();
    if (!code) return;
    const file = code.exportProgress(localStorage, new Date(), catalog, nameInput?.value ?? '');
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
        const code = await loadFileCode();
        if (!code) return;
        const file = code.parseProgressFile(await chosen.text(), catalog);
        const items = code.previewImport(localStorage, file, catalog);
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
    if (!pending || !loaded) return;
    const { file, items } = pending;
    try {
      undo = loaded.importKeepingHistory(file, items);
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
    if (!undo || !loaded) return;
    loaded.undoImport(localStorage, undo);
    undo = undefined;
    undoButton.hidden = true;
    say(messages.undone, 'ok');
    changed();
  });
}
