import {
  defaultKeymap,
  history,
  historyKeymap,
  indentLess,
  indentMore,
  indentWithTab,
} from '@codemirror/commands';
import { bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { highlightStyle } from './highlight-style.ts';
import { typescriptLanguage } from './typescript-language.ts';

/**
 * What the editor adds to plain editing once it is on screen: TypeScript colours, undo, the
 * standard keys, Tab to indent, re-indenting and matching brackets. Together with CodeMirror's
 * language layer they weigh ≈ 93 KB, a sixth of what a lab page loaded, so the editor shows the
 * learner's code without them and they follow at once (see CodeEditor). The attribute says they
 * are in place.
 */
export const editingAids: Extension = [
  history(),
  indentOnInput(),
  bracketMatching(),
  syntaxHighlighting(highlightStyle),
  typescriptLanguage,
  keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
  EditorView.editorAttributes.of({ 'data-editing-aids': 'ready' }),
];

export { indentLess, indentMore };
