import type { TypeDiagnostic } from '../type-check/type-checker.ts';
import type { LabFiles } from '../lab-data.ts';
import type { CodeEditor } from './editor.ts';
import { format, type WorkbenchStrings } from './strings.ts';

/**
 * Shows TypeScript errors in the learner's files as they type: underlined in the editor and
 * listed where a screen reader can reach them, each location a button to its line. The type
 * checker is big (TypeScript compiles and checks the lab for seconds of CPU), so it starts in its
 * own worker only when the learner first works in the workbench (`start`), as the lab's runtime
 * does: a reader pays nothing for it, and the editor and Run never wait for it. Until its first
 * verdict the panel says it is loading, never "no type errors"; after an edit it says it is
 * checking until the verdict on the new text arrives.
 */
export function watchTypes(options: {
  slug: string;
  /** The lab's other files and the kit, which learner code imports; undefined when they did not load. */
  files(): Promise<LabFiles | undefined>;
  strings: WorkbenchStrings;
  root: HTMLElement;
  editor: CodeEditor;
  learnerFiles(): Record<string, string>;
  currentFile(): string;
  /** Loads a chunk, or says a new version is out when the chunk is gone. */
  load<T>(importer: () => Promise<T>): Promise<T | undefined>;
  /** Brings a location (1-based line and column) of a learner file into the editor. */
  onLocate(file: string, line: number, column: number): void;
}) {
  const { slug, strings, root, editor } = options;
  const list = root.querySelector<HTMLElement>('[data-problems]')!;
  /**
   * The verdict, said once it changes. The panel itself is not a live region: it redraws on every
   * keystroke ("Checking types…"), and a screen reader would read that over the learner's typing.
   */
  const said = root.querySelector<HTMLElement>('[data-types-said]')!;
  const pathOf = (file: string) => `/labs/${slug}/starter/${file}`;
  const fileOf = (path: string) => path.split('/').pop()!;
  let latest: Record<string, TypeDiagnostic[]> | undefined;
  let checking = true;
  let client: { update(files: Record<string, string>): void } | undefined;

  const asPaths = (files: Record<string, string>) =>
    Object.fromEntries(Object.entries(files).map(([file, text]) => [pathOf(file), text]));

  const draw = () => {
    if (!latest) return;
    const current = options.currentFile();
    editor.setProblems(latest[pathOf(current)] ?? []);
    const all = Object.values(latest).flat();
    list.dataset.verdict = checking ? 'checking' : all.length ? 'errors' : 'clean';
    list.replaceChildren();
    const heading = document.createElement('p');
    heading.textContent = checking
      ? strings.typeChecking
      : all.length
        ? format(strings.typeErrors, { count: all.length })
        : strings.noTypeErrors;
    list.append(heading);
    if (!all.length) return;
    const items = document.createElement('ul');
    for (const problem of all) {
      const item = document.createElement('li');
      const file = fileOf(problem.file);
      const go = document.createElement('button');
      go.type = 'button';
      go.className = 'wb-location';
      go.textContent = `${file}:${problem.line}:${problem.column}`;
      go.setAttribute('aria-label', format(strings.goToLocation, { file, line: problem.line }));
      go.addEventListener('click', () => options.onLocate(file, problem.line, problem.column));
      item.append(go, ` ${problem.message}`);
      items.append(item);
    }
    list.append(items);
  };

  /** Puts one sentence in the panel, as the page first shows it. */
  const say = (text: string) => {
    const sentence = document.createElement('p');
    sentence.textContent = text;
    list.replaceChildren(sentence);
  };

  let started = false;
  const start = async () => {
    if (started) return;
    started = true;
    list.dataset.verdict = 'checking';
    say(strings.typeCheckLoading);
    const [checker, lab] = await Promise.all([
      options.load(() => import('../type-check/type-check-client.ts')),
      options.files(),
    ]);
    if (!checker) {
      say(strings.newVersion);
      return;
    }
    // The lab's data notice already says what happened; the panel says what it means here.
    if (!lab) {
      say(strings.labDataFailed);
      return;
    }
    const { startTypeChecker } = checker;
    const readOnlyFiles: Record<string, string> = {};
    for (const [path, text] of Object.entries(lab.labFiles))
      readOnlyFiles[`/labs/${slug}/${path}`] = text;
    for (const [path, text] of Object.entries(lab.kitFiles))
      readOnlyFiles[`/labs/kit/${path}`] = text;
    client = startTypeChecker({
      packages: Object.keys(lab.packages),
      readOnlyFiles,
      learnerFiles: asPaths(options.learnerFiles()),
      onDiagnostics: (diagnostics) => {
        latest = diagnostics;
        checking = false;
        list.dataset.state = 'ready';
        draw();
        const verdict = list.querySelector('p')!.textContent;
        if (said.textContent !== verdict) said.textContent = verdict;
      },
      onError: (message) => {
        say(format(strings.typeCheckFailed, { message }));
      },
    });
  };

  return {
    /** Starts the type checker, once; until then edits wait for it. */
    start: () => void start(),
    update: () => {
      if (!client) return;
      checking = true;
      draw();
      client.update(asPaths(options.learnerFiles()));
    },
    refresh: draw,
  };
}
