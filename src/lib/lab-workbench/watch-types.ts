import type { TypeDiagnostic } from '../type-check/type-checker.ts';
import type { LabSources } from '../lab-sources.ts';
import type { CodeEditor } from './editor.ts';
import { format, type WorkbenchStrings } from './strings.ts';

/**
 * Shows TypeScript errors in the learner's files as they type: underlined in the editor and
 * listed where a screen reader can reach them. The type checker is big, so it loads in its own
 * worker once the page is idle; the editor and Run never wait for it.
 */
export function watchTypes(options: {
  lab: LabSources;
  strings: WorkbenchStrings;
  root: HTMLElement;
  editor: CodeEditor;
  learnerFiles(): Record<string, string>;
  currentFile(): string;
  /** Loads a chunk, or says a new version is out when the chunk is gone. */
  load<T>(importer: () => Promise<T>): Promise<T | undefined>;
}) {
  const { lab, strings, root, editor } = options;
  const list = root.querySelector<HTMLElement>('[data-problems]')!;
  const pathOf = (file: string) => `/labs/${lab.slug}/starter/${file}`;
  const fileOf = (path: string) => path.split('/').pop()!;
  let latest: Record<string, TypeDiagnostic[]> = {};
  let client: { update(files: Record<string, string>): void } | undefined;

  const asPaths = (files: Record<string, string>) =>
    Object.fromEntries(Object.entries(files).map(([file, text]) => [pathOf(file), text]));

  const draw = () => {
    const current = options.currentFile();
    editor.setProblems(latest[pathOf(current)] ?? []);
    const all = Object.values(latest).flat();
    list.replaceChildren();
    const heading = document.createElement('p');
    heading.textContent = all.length ? format(strings.typeErrors, { count: all.length }) : strings.noTypeErrors;
    list.append(heading);
    if (!all.length) return;
    const items = document.createElement('ul');
    for (const problem of all) {
      const item = document.createElement('li');
      item.textContent = `${fileOf(problem.file)}:${problem.line}:${problem.column} ${problem.message}`;
      items.append(item);
    }
    list.append(items);
  };

  const start = async () => {
    const checker = await options.load(() => import('../type-check/type-check-client.ts'));
    if (!checker) {
      list.textContent = strings.newVersion;
      return;
    }
    const { startTypeChecker } = checker;
    const readOnlyFiles: Record<string, string> = {};
    for (const [path, text] of Object.entries(lab.labFiles)) readOnlyFiles[`/labs/${lab.slug}/${path}`] = text;
    for (const [path, text] of Object.entries(lab.kitFiles)) readOnlyFiles[`/labs/kit/${path}`] = text;
    client = startTypeChecker({
      packages: Object.keys(lab.packages),
      readOnlyFiles,
      learnerFiles: asPaths(options.learnerFiles()),
      onDiagnostics: (diagnostics) => {
        latest = diagnostics;
        list.dataset.state = 'ready';
        draw();
      },
      onError: (message) => {
        list.textContent = format(strings.typeCheckFailed, { message });
      },
    });
  };
  const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
  idle(() => void start());

  return {
    update: () => client?.update(asPaths(options.learnerFiles())),
    refresh: draw,
  };
}
