import { StreamLanguage } from '@codemirror/language';
import { typescript } from '@codemirror/legacy-modes/mode/javascript';

/**
 * TypeScript highlighting, indentation and bracket data for the editor and the comparison. The
 * stream mode weighs about a tenth of the Lezer grammar (@codemirror/lang-javascript pulls in
 * ≈ 130 KB with its parser runtime), and a lab page needs no syntax tree: types and problems
 * come from the type checker, not from the editor's parse.
 */
export const typescriptLanguage = StreamLanguage.define({
  ...typescript,
  // The mode marks a quoted key ({ 'Content-Type': … }) "string property", and CodeMirror knows
  // no tag "property": it warned in the console once a page. Such a key draws as a string, as it
  // did; the empty list says so without the warning.
  tokenTable: { property: [] },
});
