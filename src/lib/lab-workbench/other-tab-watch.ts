import type { LabStorage } from './lab-storage.ts';
import { hideNotice, showNotice } from './notice.ts';
import { format, type WorkbenchStrings } from './strings.ts';
import type { WorkingCopy } from './working-copy.ts';

/**
 * Two tabs of one lab share storage, and each keystroke saves the whole file, so the last tab to
 * type would silently overwrite the other. The `storage` event tells this tab when the other one
 * saved: the page says so, and whichever text is set aside goes into the file's history.
 */
export function watchOtherTabs(options: {
  storage: LabStorage;
  copy: WorkingCopy;
  starter: Record<string, string>;
  container: HTMLElement;
  strings: WorkbenchStrings;
  /** The texts changed (their version was taken): the editor should show them. */
  onTaken(): void;
  onStorageFull(): void;
}) {
  const { storage, copy, container, strings } = options;
  let pending: string[] = [];

  const settle = (take: 'theirs' | 'mine') => {
    if (!copy.changedElsewhere().every((file) => copy.settle(file, take)))
      return options.onStorageFull();
    pending = [];
    hideNotice(container, 'other-tab');
    if (take === 'theirs') options.onTaken();
  };

  /** Shows the choice while a change is unsettled; once typing here settled it, says where their text went. */
  const render = () => {
    const files = copy.changedElsewhere();
    if (files.length) {
      showNotice(container, 'other-tab', format(strings.otherTab, { files: files.join(', ') }), [
        { label: strings.otherTabTheirs, run: () => settle('theirs') },
        { label: strings.otherTabMine, run: () => settle('mine') },
      ]);
    } else if (pending.length) {
      showNotice(
        container,
        'other-tab',
        format(strings.otherTabKept, { files: pending.join(', ') }),
        [{ label: strings.close, run: () => hideNotice(container, 'other-tab') }],
      );
    }
    pending = files.length ? files : [];
  };

  window.addEventListener('storage', (event) => {
    if (event.storageArea !== localStorage || !event.key) return;
    const file = storage.fileOfKey(event.key);
    if (file === undefined || !copy.files.includes(file)) return;
    copy.otherTabSaved(file, event.newValue ?? options.starter[file]);
    render();
  });

  return { render };
}
