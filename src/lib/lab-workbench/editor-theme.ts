import { EditorView } from '@codemirror/view';

/**
 * Editor colours come from CSS variables (set in LabWorkbench.astro for each Starlight theme),
 * so the editor follows the page between light and dark with sufficient contrast in both.
 */
export const editorTheme = EditorView.theme({
  '&': { color: 'var(--wb-text)', backgroundColor: 'var(--wb-bg)', fontSize: '0.875rem' },
  '.cm-content': { fontFamily: 'var(--__sl-font-mono)', caretColor: 'var(--wb-text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--wb-text)' },
  '.cm-gutters': {
    backgroundColor: 'var(--wb-gutter-bg)',
    color: 'var(--wb-gutter-text)',
    border: 'none',
  },
  // The lint gutter's width (@codemirror/lint's own theme), also while its placeholder stands in.
  '.cm-gutter-lint': { width: '1.4em' },
  '.cm-activeLine': { backgroundColor: 'var(--wb-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--wb-active-line)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'var(--wb-selection) !important',
  },
  '&.cm-focused': { outline: '2px solid var(--sl-color-accent)', outlineOffset: '-2px' },
  '.cm-tooltip': {
    backgroundColor: 'var(--sl-color-bg-nav)',
    color: 'var(--sl-color-white)',
    border: '1px solid var(--sl-color-gray-5)',
  },
});
