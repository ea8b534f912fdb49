import { CodeEditor } from './editor.ts';
import { exercisePicker } from './exercise-picker.ts';
import { exerciseProgress } from './exercise-progress.ts';
import { fileHistory } from './file-history.ts';
import { wireFileTabs } from './file-tabs.ts';
import { arrangeLabPage, NARROW_LAYOUT } from './lab-layout.ts';
import { labDataLoader } from './lab-data-loader.ts';
import { linkedExercise } from './linked-exercise.ts';
import { LabStorage } from './lab-storage.ts';
import { newVersionNotice } from './new-version-notice.ts';
import { hideNotice, showNotice } from './notice.ts';
import { watchOtherTabs } from './other-tab-watch.ts';
import { renderResults } from './results-view.ts';
import { CHECK_LIMIT_MS, LabRunner, OtherVersionError, START_LIMIT_MS } from './run-in-worker.ts';
import { SessionState, type LastRun } from './session-state.ts';
import { slowCheckStatus } from './slow-check-status.ts';
import { storageFullNotice } from './storage-full-notice.ts';
import { format, localize, pageLang } from './strings.ts';
import { tabAfterKey } from './tab-keys.ts';
import { textDigest } from './text-digest.ts';
import { watchTypes } from './watch-types.ts';
import { workbenchData } from './workbench-data.ts';
import { WorkingCopy } from './working-copy.ts';
import { errorMessage } from '../../../labs/kit/describe-thrown.ts';
import { isSeed, MAX_SEED } from '../../../labs/kit/seeded-random.ts';
import { COLLECT_UNSAVED, labEntryKey } from '../stored-progress.ts';
import { yieldToMain } from '../yield-to-main.ts';

/**
 * Brings one server-rendered workbench to life: editor, tabs, runs, solution, StackBlitz. The
 * starter files and the outline come first; the solution, the support files and what the type
 * checker reads load when an action first needs them.
 */
export async function startWorkbench(root: HTMLElement): Promise<void> {
  const { loadFailure, urls } = workbenchData(root);
  const notices = root.querySelector<HTMLElement>('[data-notices]')!;
  const data = labDataLoader({ urls, notices, strings: loadFailure });
  const [lab, strings] = await Promise.all([data.load('start'), data.load('strings')]);
  // The notice says what happened; storage is untouched, so a reload finds the learner's code.
  if (!lab || !strings) return;
  const lang = pageLang();
  // Start-up comes in three tasks, each ending where the browser may paint and answer input: the
  // page laid out as a lab, the editor built (most of the work), then the learner's files read and
  // everything wired. That last part stays one task, so nothing a learner or another tab does can
  // fall between reading the files and listening for changes to them.
  const layout = arrangeLabPage(root, strings);
  const tabs = wireFileTabs(root);
  const editable = Object.keys(lab.starter);
  await yieldToMain();
  const editorHost = root.querySelector<HTMLElement>('[data-editor]')!;
  editorHost.replaceChildren();
  const editor = new CodeEditor(editorHost, format(strings.editorLabel, { file: editable[0] }));
  editor.describeWith(`${root.id}-keys`);
  // A phone opens on the instructions, with the code a view away: the editor is built when that
  // view first shows (or the screen widens to show all three), so a reader who only reads the
  // instructions on a phone spends nothing on drawing it or on its editing aids.
  const narrow = window.matchMedia(NARROW_LAYOUT);
  if (narrow.matches) {
    layout.onShow((view) => view === 'code' && editor.build());
    narrow.addEventListener('change', () => narrow.matches || editor.build());
  } else {
    editor.build();
  }
  await yieldToMain();
  const storage = new LabStorage(lab.slug);
  const session = new SessionState(lab.slug);
  const runner = new LabRunner(
    { slug: lab.slug, checks: lab.checks },
    {
      stuckLoading: format(strings.stuckLoading, { seconds: CHECK_LIMIT_MS / 1000 }),
      notStarted: format(strings.runtimeNotStarted, { seconds: START_LIMIT_MS / 1000 }),
      notLoaded: strings.runtimeNotLoaded,
    },
  );
  const resultsBox = root.querySelector<HTMLElement>('[data-results]')!;
  /**
   * Where a run's outcome is said, in one line. The report is not a live region: redrawn by every
   * run and every hint, it would be read out whole each time.
   */
  const runSaid = root.querySelector<HTMLElement>('[data-run-said]')!;
  const restoreButton = root.querySelector<HTMLButtonElement>('[data-action="restore"]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const panel = root.querySelector<HTMLElement>('[role="tabpanel"]')!;
  const resetButton = root.querySelector<HTMLButtonElement>('[data-action="reset"]')!;
  const solutionButton = root.querySelector<HTMLButtonElement>('[data-action="useSolution"]')!;
  const isSolution = (file: string, text: string) => lab.solutionDigests[file] === textDigest(text);

  storage.adoptKeptCopies(editable);
  const copy = new WorkingCopy(storage, { starter: lab.starter, isSolution });
  // What is on screen, not what storage managed to keep: Run and StackBlitz get the learner's latest text.
  const textOf = (file: string) => copy.text(file);
  const learnerFiles = () => copy.all();
  let current = editable[0];

  const chunks = newVersionNotice(notices, strings);
  /** Brings a location the type checker or a failed load named into the editor. */
  const locate = (file: string, line: number, column: number) => {
    if (!editable.includes(file)) return;
    openFile(file);
    if (narrow.matches) layout.show('code');
    editor.goToLine(line, column);
  };
  const types = watchTypes({
    slug: lab.slug,
    files: () => data.load('type-check'),
    strings,
    root,
    editor,
    learnerFiles,
    currentFile: () => current,
    load: chunks.load,
    onLocate: locate,
  });
  const storageFull = storageFullNotice({ container: notices, strings, copy });
  copy.onSaved((unsaved) => storageFull.update(unsaved));

  /** The file last asked for: a support file that arrives after the learner moved on stays off screen. */
  let wanted = current;
  const show = (file: string) => {
    wanted = file;
    if (editable.includes(file)) place(file, textOf(file));
    else
      void data
        .load('type-check')
        .then((files) => files && wanted === file && place(file, files.labFiles[file]));
  };
  /** The comparison's module, once the learner has opened one. */
  let comparison: typeof import('./compare-view.ts') | undefined;
  const place = (file: string, text: string) => {
    if (file !== current) comparison?.closeComparison(root);
    current = file;
    const readOnly = !editable.includes(file);
    editor.show(text, { readOnly });
    editor.setLabel(format(strings.editorLabel, { file }));
    for (const tab of tabs) {
      const selected = tab.dataset.file === file;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      if (selected) panel.setAttribute('aria-labelledby', tab.id);
    }
    // A support file has no starter to go back to, nor a solution.
    resetButton.disabled = readOnly;
    solutionButton.disabled = readOnly;
    history.show(readOnly ? undefined : file);
    types.refresh();
    refreshRestore();
  };
  // Like Reset and Use solution, Restore acts on the open file only, so it shows for that file.
  const refreshRestore = () => {
    restoreButton.hidden = !editable.includes(current) || copy.restorable(current) === undefined;
  };

  // Text the page puts in the editor (a button, another tab, an import) is not a keystroke to autosave.
  let placing = false;
  const showCurrentText = () => {
    if (!editable.includes(current)) return;
    comparison?.closeComparison(root);
    placing = true;
    editor.replace(textOf(current));
    placing = false;
    types.update();
    refreshRestore();
    history.refresh();
  };
  editor.onChange((text) => {
    if (!editable.includes(current) || placing) return;
    copy.edit(current, text);
    otherTabs.render();
    types.update();
    if (!restoreButton.hidden) refreshRestore();
  });

  const picker = exercisePicker({
    root,
    layout,
    exercises: lab.exercises,
    strings,
    lang,
    onSelect: (exercise) => {
      session.keepExercise(exercise.number);
      show(exercise.file);
    },
  });
  /** Opens a file; an exercise's file brings its instructions along. */
  const openFile = (file: string) => {
    const exercise = picker.exerciseOf(file);
    if (exercise) picker.select(exercise.number);
    else show(file);
  };

  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => openFile(tab.dataset.file!));
    tab.addEventListener('keydown', (event) => {
      const to = tabAfterKey(event.key, index, tabs.length);
      if (to === undefined) return;
      event.preventDefault();
      const next = tabs[to];
      next.focus();
      openFile(next.dataset.file!);
    });
  });

  /**
   * Puts texts in place; every caller has kept first, in history, the learner's own versions and
   * any other tab's unsettled ones, so the other-tab notice now says where theirs went.
   */
  const replaceAll = (texts: Record<string, string>) => {
    for (const [file, text] of Object.entries(texts)) copy.set(file, text);
    showCurrentText();
    otherTabs.render();
  };
  const history = fileHistory({
    root,
    strings,
    storage,
    onRestore(file, version) {
      if (!copy.keepBeforeReplacing(file, 'before-restore')) return storageFull.refused();
      if (file !== current) show(file);
      replaceAll({ [file]: version.text });
      status.textContent = format(strings.historyRestored, { file });
      // The list redraws under the button that was pressed; the keyboard goes to what it restored.
      editor.focus();
    },
  });
  const otherTabs = watchOtherTabs({
    storage,
    copy,
    starter: lab.starter,
    container: notices,
    strings,
    onTaken: showCurrentText,
    onStorageFull: () => storageFull.refused(),
  });
  document.addEventListener(COLLECT_UNSAVED, (event) => {
    const unsaved = (event as CustomEvent<Record<string, string>>).detail;
    for (const file of copy.unsaved())
      unsaved[labEntryKey(lab.slug, 'file', file)] = copy.text(file);
  });
  document.addEventListener('smt2:progress-imported', () => {
    // A file may bring the code Use solution set aside on the other laptop: into History with it.
    storage.adoptKeptCopies(editable);
    for (const file of editable) copy.reload(file);
    show(current);
    refreshRestore();
    picker.showProgress(storage.progress()?.exercises ?? {});
  });

  // Kept for this tab, so a switch of the page's language shows the same results in the new one.
  let lastRun: LastRun | undefined = session.lastRun(lab.slug);
  const unfolded = new Set<number>();
  /** Draws the last run's results; gives what a screen reader is to say of it. */
  const showResults = () => {
    if (!lastRun) return '';
    const { report, focus } = lastRun;
    const solutionFiles = new Set(lastRun.solutionFiles);
    return renderResults({
      container: resultsBox,
      report,
      lang,
      strings,
      exercises: lab.exercises,
      focus,
      unfolded,
      isSolution: (file) => solutionFiles.has(file),
      hintsShown: storage.hintsShown(),
      onShowHint: (id) => {
        storage.showHint(id);
        showResults();
        resultsBox
          .querySelector<HTMLElement>(`[data-check-id="${id}"] .wb-hints li:last-child`)
          ?.focus();
      },
      onLocate: locate,
    });
  };
  const runButtons = [
    ...root.querySelectorAll<HTMLButtonElement>('[data-action="run"], [data-action="runAll"]'),
  ];
  /** Empty: each run draws new cases. A seed from an earlier report repeats that run's cases. */
  const seedField = root.querySelector<HTMLInputElement>('[data-seed]')!;

  /**
   * Whether a run is under way. The Run buttons say so with aria-disabled rather than `disabled`:
   * a disabled button loses the keyboard, which would start again at the top of the page.
   */
  let running = false;
  const setRunning = (now: boolean) => {
    running = now;
    for (const button of runButtons) button.setAttribute('aria-disabled', String(now));
  };

  /** Runs every check (the sandbox runs a lab's checks as one set) and reports on `focus` first. */
  const runFor = async (focus: number | 'all') => {
    if (running) return;
    // A Japanese input method writes digits full-width (１２３) unless told otherwise; NFKC makes
    // them the ASCII digits the report shows.
    const typedSeed = seedField.value.normalize('NFKC').trim();
    const seed = typedSeed === '' ? undefined : Number(typedSeed);
    if (seed !== undefined && !isSeed(seed)) {
      status.textContent = format(strings.seedInvalid, { max: MAX_SEED });
      // The field says it is wrong, and why, to a screen reader that reads the field.
      seedField.setAttribute('aria-invalid', 'true');
      seedField.setAttribute('aria-describedby', status.id);
      // On a phone the field sits in the Results view.
      if (narrow.matches) layout.show('results');
      seedField.focus();
      return;
    }
    seedField.removeAttribute('aria-invalid');
    seedField.removeAttribute('aria-describedby');
    setRunning(true);
    runSaid.textContent = '';
    // What stopped the last run is no longer news once this one starts.
    hideNotice(notices, 'crash');
    status.textContent = strings.running;
    // The last results stay, dimmed, until the new ones replace them.
    resultsBox.setAttribute('aria-busy', 'true');
    const slowCheck = slowCheckStatus((checkId) => {
      const check = lab.checks.find((check) => check.id === checkId);
      if (!check) return;
      status.textContent = format(strings.checkStillRunning, {
        check: localize(check.title, lang),
        seconds: CHECK_LIMIT_MS / 1000,
      });
    });
    try {
      const files = learnerFiles();
      const solutionFiles = new Set(editable.filter((file) => isSolution(file, files[file])));
      const report = await runner.run(files, { seed, onCheckStart: slowCheck.started });
      lastRun = { report, focus, solutionFiles: [...solutionFiles] };
      session.keepRun(lastRun);
      unfolded.clear();
      runSaid.textContent = showResults();
      // On a phone the results are a view of their own: the learner pressed Run (or Ctrl+Enter in
      // the editor) to see them, and both are hidden now, so the keyboard goes along.
      if (narrow.matches) {
        layout.show('results');
        resultsBox.focus();
      }
      if (report.loadError) {
        const { file, line } = report.loadError;
        if (editable.includes(file)) {
          openFile(file);
          if (line) editor.goToLine(line);
        }
      }
      // A file that did not load says nothing about the exercises: their standing stays as it was.
      if (!report.loadError) {
        const progress = exerciseProgress(lab.exercises, report.results, (file) =>
          solutionFiles.has(file),
        );
        // The marks show this run either way; a full storage means a reload would take them back.
        const recorded = storage.recordRun(progress, new Date());
        picker.showProgress(progress);
        document.dispatchEvent(new CustomEvent('smt2:progress-changed'));
        status.textContent = recorded ? '' : strings.runNotSaved;
      } else status.textContent = '';
    } catch (error) {
      // Too long for the status line, and worth a screen reader's attention at once.
      status.textContent = '';
      // The page stayed open across an update, and the lab's runtime is the new build's.
      if (error instanceof OtherVersionError) return chunks.show();
      showNotice(
        notices,
        'crash',
        format(strings.crash, {
          message: errorMessage(error),
        }),
        [{ label: strings.close, run: () => hideNotice(notices, 'crash') }],
      );
    } finally {
      slowCheck.stop();
      setRunning(false);
      resultsBox.removeAttribute('aria-busy');
    }
  };

  /**
   * What a button that replaced `file` says: with "Restore my code" named only where there is
   * code of the learner's to bring back.
   */
  const saidAfterReplacing = (file: string, withRestore: string, withoutRestore: string) =>
    format(copy.restorable(file) === undefined ? withoutRestore : withRestore, { file });

  /** Asks before a button replaces the learner's code; a question that cannot load changes nothing. */
  const askFirst = async (message: string, proceed: string) => {
    const question = await chunks.load(() => import('./confirm-step.ts'));
    return (
      (await question?.askFirst(root, { message, proceed, keep: strings.keepMyCode })) ?? false
    );
  };

  const actions: Record<string, () => void | Promise<void>> = {
    run: () => runFor(picker.current().number),
    runAll: () => runFor('all'),
    async reset() {
      const file = current;
      if (!editable.includes(file)) return;
      if (!(await askFirst(format(strings.resetConfirm, { file }), strings.reset))) return;
      if (!copy.keepBeforeReplacing(file, 'before-reset')) return storageFull.refused();
      replaceAll({ [file]: lab.starter[file] });
      status.textContent = saidAfterReplacing(file, strings.resetDone, strings.resetDoneNoOwnCode);
    },
    async useSolution() {
      // One file, the one open: the other exercises stay the learner's own.
      const file = current;
      if (!editable.includes(file)) return;
      if (!(await askFirst(format(strings.useSolutionConfirm, { file }), strings.useSolution)))
        return;
      const solution = await data.load('solution');
      if (!solution) return;
      if (!copy.keepBeforeReplacing(file, 'before-solution')) return storageFull.refused();
      replaceAll({ [file]: solution.solution[file] });
      status.textContent = saidAfterReplacing(
        file,
        strings.solutionInPlace,
        strings.solutionInPlaceNoOwnCode,
      );
    },
    restore() {
      const own = copy.restorable(current);
      if (own === undefined) return;
      if (!copy.keepBeforeReplacing(current, 'before-restore')) return storageFull.refused();
      replaceAll({ [current]: own });
      status.textContent = strings.restored;
      // The button hid itself (the code in place is the learner's own again): back to the code.
      editor.focus();
    },
    history() {
      history.toggle();
    },
    async compare() {
      const [view, solution] = await Promise.all([
        chunks.load(() => import('./compare-view.ts')),
        data.load('solution'),
      ]);
      if (!view || !solution) return;
      comparison = view;
      const { toggleComparison } = view;
      const file = editable.includes(current) ? current : editable[0];
      toggleComparison({
        root,
        mine: textOf(file),
        solution: solution.solution[file],
        strings,
        file,
      });
    },
    async share() {
      const sharing = await chunks.load(() => import('./share-attempt.ts'));
      if (!sharing) return;
      await sharing.shareAttempt({ slug: lab.slug, files: learnerFiles(), lang, notices, strings });
    },
    async stackblitz() {
      const [stackblitz, files] = await Promise.all([
        chunks.load(() => import('./open-in-stackblitz.ts')),
        data.load('type-check'),
      ]);
      if (!stackblitz || !files) return;
      const { openInStackBlitz } = stackblitz;
      status.textContent = strings.stackblitzOpening;
      try {
        await openInStackBlitz({ slug: lab.slug, title: lab.title, ...files }, learnerFiles());
        status.textContent = '';
      } catch (error) {
        status.textContent = '';
        showNotice(
          notices,
          'stackblitz',
          format(strings.stackblitzFailed, {
            message: errorMessage(error),
          }),
          [{ label: strings.close, run: () => hideNotice(notices, 'stackblitz') }],
        );
      }
    },
  };

  editor.onKeys({
    run: () => void actions.run(),
    save() {
      if (!editable.includes(current)) return;
      // Saving here writes over what another tab saved: that text goes to History first.
      if (!copy.settle(current, 'mine')) return storageFull.refused();
      otherTabs.render();
      copy.set(current, editor.text());
      status.textContent = copy.unsaved().includes(current)
        ? ''
        : format(strings.saved, { file: current });
    },
  });
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-action]')) {
    button.addEventListener('click', () => void actions[button.dataset.action!]?.());
  }
  /** Follows a link to a heading in an exercise: that exercise opens and the heading comes into view. */
  const openLinkedExercise = () => {
    const linked = linkedExercise(layout.sections);
    if (!linked) return;
    picker.select(linked.number);
    if (narrow.matches) layout.show('instructions');
    linked.target.scrollIntoView();
  };
  addEventListener('hashchange', openLinkedExercise);
  picker.select(session.exercise() ?? lab.exercises[0].number);
  openLinkedExercise();
  picker.showProgress(storage.progress()?.exercises ?? {});
  showResults();
  refreshRestore();
  // The sandbox, the lab's runtime (the BigQuery lab's carries an SQL engine) and the type checker
  // start on the learner's first focus, click or key in the workbench, not with the page: reading
  // costs nothing.
  for (const type of ['focusin', 'pointerdown', 'keydown'])
    root.addEventListener(
      type,
      () => {
        runner.prepare();
        types.start();
      },
      { once: true, passive: true },
    );
  root.dataset.ready = 'true';
  // For the bench and DevTools: what the page had loaded by now is what the editor needed.
  performance.mark('lab-workbench-ready');
  void editor.loadEditingAids();
  // Editing does not need it, so it comes after the editor; a chunk that cannot load leaves
  // Starlight's own marking.
  import('./contents-follow-exercise.ts').then(
    ({ contentsFollowExercise }) =>
      // The whole lab: the exercise tabs, the phone's view switch and the workbench.
      contentsFollowExercise(layout.sections, [root.closest<HTMLElement>('.wb-layout') ?? root]),
    () => undefined,
  );
}
