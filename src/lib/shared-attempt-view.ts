import { importKeepingHistory } from './import-with-history.ts';
import { format } from './lab-workbench/strings.ts';
import {
  previewImport,
  ProgressFileError,
  type LabCatalog,
  type ProgressFile,
} from './progress-file.ts';
import { labEntryKey, storageBlocked } from './stored-progress.ts';
import { decodeAttempt, ShareLinkError } from './share-link.ts';

/**
 * Fills the shared-attempt page from the URL fragment: each file read-only, then "Copy into my
 * editor", which says what it would replace and writes only after the reader confirms.
 */
export async function showSharedAttempt(section: HTMLElement): Promise<void> {
  const labs = JSON.parse(section.dataset.labs!) as Record<string, { title: string; href: string }>;
  const catalog = JSON.parse(section.dataset.catalog!) as LabCatalog;
  const strings = JSON.parse(section.dataset.strings!) as Record<string, string>;
  const intro = section.querySelector<HTMLElement>('[data-intro]')!;
  const filesBox = section.querySelector<HTMLElement>('[data-files]')!;
  const actions = section.querySelector<HTMLElement>('[data-actions]')!;
  const confirmBox = section.querySelector<HTMLElement>('[data-confirm]')!;
  const confirmText = section.querySelector<HTMLElement>('[data-confirm-text]')!;
  const status = section.querySelector<HTMLElement>('[data-status]')!;
  const say = (text: string, kind: 'ok' | 'error') => {
    status.textContent = text;
    status.dataset.kind = kind;
  };

  // A link pasted into this tab differs only in its fragment, so the browser does not load the
  // page again: without a fresh start it would go on showing, and copying, the previous files.
  // Links within the page ("Skip to content" goes to #_top) change the fragment too, to the id
  // of an element here; no shared attempt is ever one.
  addEventListener('hashchange', () => {
    if (!document.getElementById(location.hash.slice(1))) location.reload();
  });
  if (!location.hash) return;
  let attempt;
  try {
    attempt = await decodeAttempt(location.hash, catalog);
  } catch (error) {
    if (!(error instanceof ShareLinkError)) throw error;
    // The intro says the address carries no code; the error says why this one shows none.
    intro.hidden = true;
    say(strings[`error.${error.code}`], 'error');
    return;
  }
  const lab = labs[attempt.lab];
  intro.textContent = format(strings.intro, { lab: lab.title });
  filesBox.replaceChildren(
    ...Object.entries(attempt.files).flatMap(([name, text]) => {
      const heading = Object.assign(document.createElement('h2'), { textContent: name });
      const pre = document.createElement('pre');
      pre.tabIndex = 0;
      pre.setAttribute('aria-label', name);
      pre.append(Object.assign(document.createElement('code'), { textContent: text }));
      return [heading, pre];
    }),
  );
  actions.hidden = false;

  const file: ProgressFile = {
    format: 'serverless-meetup-tokyo-2/progress',
    version: 1,
    exportedAt: new Date().toISOString(),
    entries: Object.fromEntries(
      Object.entries(attempt.files).map(([name, text]) => [
        labEntryKey(attempt.lab, 'file', name),
        text,
      ]),
    ),
  };
  section.querySelector('[data-copy]')!.addEventListener('click', () => {
    if (storageBlocked()) return say(strings['error.storage-blocked'], 'error');
    const items = previewImport(localStorage, file, catalog);
    const replaced = items
      .filter((item) => item.replaces)
      .map((item) => (item.kind.kind === 'file' ? item.kind.file : item.key));
    confirmText.textContent = replaced.length
      ? format(strings.confirmReplaces, { files: replaced.join(', ') })
      : format(strings.confirmNew, { files: Object.keys(attempt.files).join(', ') });
    confirmBox.hidden = false;
    say('', 'ok');
    confirmText.focus();
  });
  section.querySelector('[data-confirm-no]')!.addEventListener('click', () => {
    confirmBox.hidden = true;
    say(strings.cancelled, 'ok');
  });
  section.querySelector('[data-confirm-yes]')!.addEventListener('click', () => {
    try {
      importKeepingHistory(file, previewImport(localStorage, file, catalog));
    } catch (error) {
      if (!(error instanceof ProgressFileError)) throw error;
      say(strings['error.storage-full'], 'error');
      return;
    }
    confirmBox.hidden = true;
    say(strings.copied, 'ok');
    const link = Object.assign(document.createElement('a'), {
      href: lab.href,
      textContent: format(strings.openLab, { lab: lab.title }),
    });
    status.append(' ', link);
  });
}
