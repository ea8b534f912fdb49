import type { LabStorage, SavedVersion } from './lab-storage.ts';
import { format, pageLang, type WorkbenchStrings } from './strings.ts';

/**
 * The History control: earlier versions of the file in the editor, newest first, each with when
 * and why it was kept, and a button that puts it back (the text it replaces is kept in turn).
 */
export function fileHistory(options: {
  root: HTMLElement;
  strings: WorkbenchStrings;
  storage: LabStorage;
  onRestore(file: string, version: SavedVersion): void;
}) {
  const { root, strings, storage } = options;
  const button = root.querySelector<HTMLButtonElement>('[data-action="history"]')!;
  const panel = root.querySelector<HTMLElement>('[data-history]')!;
  // Made when the list first shows: building a date format loads the browser's locale data, a
  // tenth of the lab page's start-up work on a slow phone, for a list most visits never open.
  let when: Intl.DateTimeFormat | undefined;
  const dateFormat = () =>
    (when ??= new Intl.DateTimeFormat(pageLang(), {
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }));
  let file: string | undefined;

  const render = () => {
    button.disabled = file === undefined;
    if (file === undefined) panel.hidden = true;
    button.setAttribute('aria-expanded', String(!panel.hidden));
    if (panel.hidden || file === undefined) return;
    const versions = storage.history(file);
    const title = document.createElement('p');
    title.className = 'wb-history-title';
    title.id = `${panel.id}-title`;
    title.textContent = format(versions.length ? strings.historyTitle : strings.historyEmpty, {
      file,
    });
    const list = document.createElement('ol');
    list.setAttribute('aria-labelledby', title.id);
    for (const version of versions) list.append(item(file, version));
    panel.replaceChildren(title, ...(versions.length ? [list] : []));
  };

  const item = (name: string, version: SavedVersion) => {
    const entry = document.createElement('li');
    const time = document.createElement('time');
    time.dateTime = version.at;
    time.textContent = dateFormat().format(new Date(version.at));
    const label = strings[`history.${version.label}`];
    const lines = format(strings.historyLines, { count: version.text.split('\n').length });
    const restore = document.createElement('button');
    restore.type = 'button';
    restore.textContent = strings.historyRestore;
    restore.setAttribute(
      'aria-label',
      format(strings.historyRestoreLabel, { time: time.textContent, label }),
    );
    restore.addEventListener('click', () => options.onRestore(name, version));
    entry.append(time, ` · ${label} · ${lines} `, restore);
    return entry;
  };

  return {
    toggle() {
      panel.hidden = !panel.hidden;
      render();
    },
    /** The editor now shows `name` (undefined: a read-only file, which has no history). */
    show(name: string | undefined) {
      file = name;
      render();
    },
    refresh: render,
  };
}
