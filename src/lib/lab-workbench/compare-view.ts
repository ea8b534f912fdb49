import { javascript } from '@codemirror/lang-javascript';
import { syntaxHighlighting } from '@codemirror/language';
import { MergeView } from '@codemirror/merge';
import { EditorState } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { editorTheme, highlightStyle } from './editor-theme.ts';
import { format, type WorkbenchStrings } from './strings.ts';

let open: MergeView | undefined;

/**
 * Shows the learner's file beside the solution, both read-only, with the differing lines
 * marked. Nothing in the learner's code changes; "Use solution" is a separate, confirmed step.
 */
export function toggleComparison(options: { root: HTMLElement; mine: string; solution: string; strings: WorkbenchStrings; file: string }): void {
  const { root, strings } = options;
  const box = root.querySelector<HTMLElement>('[data-compare]')!;
  const button = root.querySelector<HTMLButtonElement>('[data-action="compare"]')!;
  if (open) {
    open.destroy();
    open = undefined;
    box.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    return;
  }
  const readOnly = [
    lineNumbers(),
    editorTheme,
    syntaxHighlighting(highlightStyle),
    javascript({ typescript: true }),
    EditorState.readOnly.of(true),
    EditorView.editable.of(false),
  ];
  box.querySelector('[data-compare-title]')!.textContent = format(strings.compareTitle, { file: options.file });
  const host = box.querySelector<HTMLElement>('[data-compare-views]')!;
  host.replaceChildren();
  open = new MergeView({
    a: { doc: options.mine, extensions: [...readOnly, EditorView.contentAttributes.of({ 'aria-label': strings.compareMine })] },
    b: { doc: options.solution, extensions: [...readOnly, EditorView.contentAttributes.of({ 'aria-label': strings.compareSolution })] },
    parent: host,
    gutter: true,
  });
  box.hidden = false;
  button.setAttribute('aria-expanded', 'true');
}
