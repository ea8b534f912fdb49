import { syntaxHighlighting } from '@codemirror/language';
import { MergeView, unifiedMergeView } from '@codemirror/merge';
import { EditorState } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { editorTheme } from './editor-theme.ts';
import { foldedLinesByKeyboard } from './folded-lines-keys.ts';
import { highlightStyle } from './highlight-style.ts';
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
 * Two columns from this width of the comparison up (about 50 characters each, longer lines
 * wrapped); narrower, one unified listing. The comparison is never wider than 905 px, and lab code
 * runs to 95 characters a line: at 1280 px two unwrapped columns of 259 px cut most of every
 * line, so the choice follows the room the comparison has, not the screen's width.
 */
const SIDE_BY_SIDE_MIN_PX = 860;

/**
 * Shows where the learner's file and the solution differ, both read-only: only the changed
 * regions with a little context (unchanged stretches fold away), side by side where there is room
 * for two columns and as one unified listing elsewhere. Nothing in the learner's code changes;
 * "Use solution" is a separate, confirmed step.
 */
export function toggleComparison(comparison: Comparison): void {
  const { root } = comparison;
  const box = root.querySelector<HTMLElement>('[data-compare]')!;
  const button = root.querySelector<HTMLButtonElement>('[data-action="compare"]')!;
  if (closeOpen) return closeComparison(root);
  box.hidden = false;
  const roomForTwo = () => box.clientWidth >= SIDE_BY_SIDE_MIN_PX;
  let sideBySide = roomForTwo();
  let view = show(comparison, sideBySide);
  const stopKeys = foldedLinesByKeyboard(box.querySelector<HTMLElement>('[data-compare-views]')!);
  // A window resized, or a phone turned, redraws it only when the room crosses the line.
  const resized = new ResizeObserver(() => {
    if (roomForTwo() === sideBySide) return;
    sideBySide = !sideBySide;
    view.destroy();
    view = show(comparison, sideBySide);
  });
  resized.observe(box);
  closeOpen = () => {
    resized.disconnect();
    stopKeys();
    view.destroy();
  };
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
    // A long line wraps rather than hide its end, in one column or two.
    EditorView.lineWrapping,
    lineNumbers(),
    editorTheme,
    syntaxHighlighting(highlightStyle),
    typescriptLanguage,
    EditorState.phrases.of({ '$ unchanged lines': strings.compareUnchanged }),
    EditorState.readOnly.of(true),
    EditorView.editable.of(false),
    // Read-only, but reachable: a keyboard or screen-reader user can go into it and read it.
    EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
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
