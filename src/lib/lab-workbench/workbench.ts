import type { RunReport } from '../../../labs/kit/types.ts';
import type { LabSources } from '../lab-sources.ts';
import { CodeEditor } from './editor.ts';
import { LabStorage } from './lab-storage.ts';
import { renderResults } from './results-view.ts';
import { CHECK_LIMIT_MS, LabRunner } from './run-in-worker.ts';
import { format, pageLang, type WorkbenchStrings } from './strings.ts';
import { watchTypes } from './watch-types.ts';

interface WorkbenchData {
  lab: LabSources;
  strings: WorkbenchStrings;
}

/** Brings one server-rendered workbench to life: editor, tabs, runs, solution, StackBlitz. */
export function startWorkbench(root: HTMLElement): void {
  const { lab, strings } = JSON.parse(root.querySelector('[data-workbench-data]')!.textContent!) as WorkbenchData;
  const lang = pageLang();
  const storage = new LabStorage(lab.slug);
  const runner = new LabRunner({ slug: lab.slug, checks: lab.checks }, format(strings.stuckLoading, { seconds: CHECK_LIMIT_MS / 1000 }));
  const editable = Object.keys(lab.starter);
  const tabs = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const resultsBox = root.querySelector<HTMLElement>('[data-results]')!;
  const restoreButton = root.querySelector<HTMLButtonElement>('[data-action="restore"]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const panel = root.querySelector<HTMLElement>('[role="tabpanel"]')!;
  const resetButton = root.querySelector<HTMLButtonElement>('[data-action="reset"]')!;

  const textOf = (file: string) => storage.code(file) ?? lab.starter[file];
  const learnerFiles = () => Object.fromEntries(editable.map((file) => [file, textOf(file)]));
  let current = editable[0];

  const editorHost = root.querySelector<HTMLElement>('[data-editor]')!;
  editorHost.replaceChildren();
  const editor = new CodeEditor(editorHost, format(strings.editorLabel, { file: current }));
  const types = watchTypes({ lab, strings, root, editor, learnerFiles, currentFile: () => current });

  const show = (file: string) => {
    current = file;
    const readOnly = !editable.includes(file);
    editor.show(readOnly ? lab.support[file] : textOf(file), { readOnly });
    editor.view.contentDOM.setAttribute('aria-label', format(strings.editorLabel, { file }));
    for (const tab of tabs) {
      const selected = tab.dataset.file === file;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      if (selected) panel.setAttribute('aria-labelledby', tab.id);
    }
    // A support file has no starter to go back to.
    resetButton.disabled = readOnly;
    types.refresh();
  };
  const refreshRestore = () => {
    restoreButton.hidden = !editable.some((file) => storage.ownVersion(file) !== null);
  };

  editor.onChange((text) => {
    if (!editable.includes(current)) return;
    storage.saveCode(current, text);
    types.update();
  });

  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => show(tab.dataset.file!));
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      const jump = event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : undefined;
      if (!step && jump === undefined) return;
      event.preventDefault();
      const next = tabs[jump ?? (index + step + tabs.length) % tabs.length];
      next.focus();
      show(next.dataset.file!);
    });
  });

  const replaceAll = (texts: Record<string, string>) => {
    for (const [file, text] of Object.entries(texts)) storage.saveCode(file, text);
    if (editable.includes(current)) editor.replace(textOf(current));
    types.update();
  };

  const showResults = (report: RunReport) =>
    renderResults({
      container: resultsBox,
      report,
      lang,
      strings,
      hintsShown: storage.hintsShown(),
      onShowHint: (id) => {
        storage.showHint(id);
        showResults(report);
        resultsBox.querySelector<HTMLElement>(`[data-check-id="${id}"] .wb-hints li:last-child`)?.focus();
      },
    });

  const actions: Record<string, () => void | Promise<void>> = {
    async run() {
      const button = root.querySelector<HTMLButtonElement>('[data-action="run"]')!;
      button.disabled = true;
      status.textContent = strings.running;
      try {
        const report = await runner.run(learnerFiles());
        showResults(report);
        if (report.loadError) {
          const { file, line } = report.loadError;
          if (editable.includes(file)) {
            show(file);
            if (line) editor.goToLine(line);
          }
        }
        if (report.results.every((result) => result.status === 'pass')) {
          storage.markDone(new Date());
          document.dispatchEvent(new CustomEvent('smt2:progress-changed'));
        }
        status.textContent = '';
      } catch (error) {
        status.textContent = format(strings.crash, { message: error instanceof Error ? error.message : String(error) });
      } finally {
        button.disabled = false;
      }
    },
    reset() {
      if (!editable.includes(current) || !confirm(format(strings.resetConfirm, { file: current }))) return;
      storage.keepOwnVersion(current, textOf(current));
      replaceAll({ [current]: lab.starter[current] });
      refreshRestore();
    },
    useSolution() {
      if (!confirm(strings.useSolutionConfirm)) return;
      for (const file of editable) storage.keepOwnVersion(file, textOf(file));
      replaceAll(lab.solution);
      refreshRestore();
      status.textContent = strings.solutionInPlace;
    },
    restore() {
      const own: Record<string, string> = {};
      for (const file of editable) {
        const text = storage.ownVersion(file);
        if (text !== null) own[file] = text;
        storage.forgetOwnVersion(file);
      }
      replaceAll(own);
      refreshRestore();
      status.textContent = strings.restored;
    },
    async compare() {
      const { toggleComparison } = await import('./compare-view.ts');
      const file = editable.includes(current) ? current : editable[0];
      toggleComparison({ root, mine: textOf(file), solution: lab.solution[file], strings, file });
    },
    async stackblitz() {
      const { openInStackBlitz } = await import('./open-in-stackblitz.ts');
      status.textContent = strings.stackblitzOpening;
      try {
        await openInStackBlitz(lab, learnerFiles());
        status.textContent = '';
      } catch (error) {
        status.textContent = format(strings.stackblitzFailed, { message: error instanceof Error ? error.message : String(error) });
      }
    },
  };

  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-action]')) {
    button.addEventListener('click', () => void actions[button.dataset.action!]?.());
  }
  show(current);
  refreshRestore();
  runner.prepare();
  root.dataset.ready = 'true';
}
