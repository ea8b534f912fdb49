import { syntaxHighlighting } from '@codemirror/language';
import { MergeView, unifiedMergeView } from '@codemirror/merge';
import { EditorState } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { editorTheme } from './editor-theme.ts';
import { highlightStyle } from './highlight-style.ts';
import { WIDE_LAYOUT } from './lab-layout.ts';
import { format, type WorkbenchStrings } from './strings.ts';
import { typescriptLanguage } from './typescript-language.ts';

/** Unchanged lines kept around each change, and the fewest worth folding away. */
const COLLAPSE = { margin: 2, minSize: 4 };

interface Comparison {
  root: HTMLElement;
  mine: string;
  solution: string;
  strings: WorkbenchStrings;
  file: string;
}

/** Closes the comparison on screen, if any. */
let closeOpen: (() => void) | undefined;

/**
 * Shows where the learner's file and the solution differ, both read-only: only the changed
 * regions with a little context (unchanged stretches fold away), side by side on a wide screen
 * and as one unified listing on a narrow one, where two columns would cut every line. Nothing in the learner's code changes; "Use solution" is a separate, confirmed step.
 */
export function toggleComparison(comparison: Comparison): void {
  const { root } = comparison;
  const box = root.querySelector<HTMLElement>('[data-compare]')!;
  const button = root.querySelector<HTMLButtonElement>('[data-action="compare"]')!;
  if (closeOpen) return closeComparison(root);
  // Side by side from the width where the lab lays instructions beside the editor.
  const wide = matchMedia(WIDE_LAYOUT);
  let view = show(comparison, wide.matches);
  const redraw = () => {
    view.destroy();
    view = show(comparison, wide.matches);
  };
  wide.addEventListener('change', redraw);
  closeOpen = () => {
    wide.removeEventListener('change', redraw);
    view.destroy();
  };
  box.hidden = false;
  button.setAttribute('aria-expanded', 'true');
  // It opens below the editor, out of sight in the wide layout's panel: bring it into view.
  box.scrollIntoView({ block: 'nearest' });
}

/**
 * Closes the comparison, if one is open: when another file opens or a button replaces the text,
 * what it shows is no longer the learner's file beside its solution.
 */
export function closeComparison(root: HTMLElement): void {
  if (!closeOpen) return;
  closeOpen();
  closeOpen = undefined;
  root.querySelector<HTMLElement>('[data-compare]')!.hidden = true;
  root.querySelector('[data-action="compare"]')!.setAttribute('aria-expanded', 'false');
}

function show({ root, mine, solution, strings, file }: Comparison, sideBySide: boolean) {
  const box = root.querySelector<HTMLElement>('[data-compare]')!;
  box.dataset.layout = sideBySide ? 'side-by-side' : 'unified';
  box.querySelector('[data-compare-title]')!.textContent = format(
    sideBySide ? strings.compareTitle : strings.compareTitleUnified,
    { file },
  );
  const host = box.querySelector<HTMLElement>('[data-compare-views]')!;
  host.replaceChildren();
  const readOnly = (label: string) => [
    // On a phone a long line wraps rather than hide its end; side by side, lines keep their shape.
    ...(sideBySide ? [] : [EditorView.lineWrapping]),
    lineNumbers(),
    editorTheme,
    syntaxHighlighting(highlightStyle),
    typescriptLanguage,
    EditorState.phrases.of({ '$ unchanged lines': strings.compareUnchanged }),
    EditorState.readOnly.of(true),
    EditorView.editable.of(false),
    EditorView.contentAttributes.of({ 'aria-label': label }),
  ];
  if (sideBySide) {
    return new MergeView({
      a: { doc: mine, extensions: readOnly(strings.compareMine) },
      b: { doc: solution, extensions: readOnly(strings.compareSolution) },
      parent: host,
      gutter: true,
      collapseUnchanged: COLLAPSE,
    });
  }
  return new EditorView({
    doc: solution,
    extensions: [
      readOnly(strings.compareUnified),
      unifiedMergeView({ original: mine, mergeControls: false, collapseUnchanged: COLLAPSE }),
    ],
    parent: host,
  });
}
