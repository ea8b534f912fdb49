import { fetchJson } from './fetch-json.ts';
import type { ProgressTransferData } from './progress-transfer-data.ts';
import { learnerName, STORAGE_PREFIX, storageBlocked } from './stored-progress.ts';

/** The name a learner typed for the class board, remembered for their next export. */
const LEARNER_NAME_KEY = `${STORAGE_PREFIX}learner-name`;

/**
 * What a progress section does before the learner exports or imports: it remembers the name they
 * type. Everything else (the file format, the preview, import with history and undo, their
 * messages and the lab catalog) loads with the first Export or Import, which most visits to a lab
 * page never press; if it cannot be fetched (offline before the guide was stored, or a newer
 * build), the section says so in the words the page carries for that, and nothing changes.
 */
export function wireProgressSection(section: HTMLElement): void {
  const messages = JSON.parse(section.dataset.messages ?? '{}') as Record<string, string>;
  const dataUrl = section.dataset.transferData ?? '';
  const status = section.querySelector<HTMLElement>('[data-status]')!;

  const nameInput = section.querySelector<HTMLInputElement>('[data-learner-name]');
  if (nameInput) {
    // Storage full or switched off: the name still goes into this export; it is only not remembered.
    try {
      nameInput.value = localStorage.getItem(LEARNER_NAME_KEY) ?? '';
    } catch {}
    nameInput.addEventListener('change', () => {
      try {
        localStorage.setItem(LEARNER_NAME_KEY, learnerName(nameInput.value));
      } catch {}
    });
  }

  let transfer: ReturnType<typeof loadTransfer> | undefined;
  const loadTransfer = async () => {
    const [{ progressTransfer }, data] = await Promise.all([
      import('./progress-transfer.ts'),
      fetchJson<ProgressTransferData>(dataUrl),
    ]);
    return progressTransfer(section, data);
  };
  const refuse = (reason: 'storage-blocked' | 'load-failed') => {
    status.textContent = messages[reason];
    status.dataset.kind = 'error';
    return undefined;
  };
  const transferCode = async () => {
    // Site data switched off: nothing is stored to export, and an import could not be kept.
    if (storageBlocked()) return refuse('storage-blocked');
    try {
      return await (transfer ??= loadTransfer());
    } catch {
      transfer = undefined;
      return refuse('load-failed');
    }
  };

  section.querySelector('[data-export]')?.addEventListener('click', async () => {
    (await transferCode())?.exportFile(nameInput?.value ?? '');
  });
  section
    .querySelector<HTMLInputElement>('[data-import]')
    ?.addEventListener('change', async (event) => {
      const input = event.currentTarget as HTMLInputElement;
      const chosen = input.files?.[0];
      // Cleared at once, so choosing the same file again is a change again.
      input.value = '';
      if (chosen) await (await transferCode())?.previewFile(chosen);
    });
}
