import type { Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState, Prec, type Extension } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  gutter,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { editorTheme } from './editor-theme.ts';

type Problem = { from: number; to: number; message: string; severity?: Diagnostic['severity'] };

/**
 * The code editor: TypeScript highlighting, line numbers, undo, bracket help. Tab indents, as in
 * any editor; Esc then Tab leaves it (CodeMirror's own escape, named in the hint under the
 * editor), so keyboard users are never trapped. Ctrl/⌘+Enter runs, Ctrl/⌘+S saves.
 *
 * The editor shows the learner's code, editable, with CodeMirror's view and state alone; the
 * editing aids (colours, undo, the standard keys, indentation: editing-aids.ts) load as soon as
 * the workbench is ready, or on the editor's first focus if that comes first. A Tab pressed before
 * they arrive is held and indents when they do, so it never sends focus out of the editor.
 *
 * The lint package (underlines, gutter marks) loads with the first problem to show: most visits
 * to a lab start from starter code the type checker finds nothing wrong with. Closing brackets
 * (the autocomplete package) load when the editor first takes focus: a reader who only reads
 * the starter code never needs them.
 *
 * The editor is built by `build()`, not with the object: a phone shows the code in a view of its
 * own, and a reader there who only reads the instructions never needs it drawn, nor its editing
 * aids loaded. Until then it keeps what it was given (the text, read-only or not, the problems)
 * and shows it when built; a place to go to builds it at once.
 */
export class CodeEditor {
  #view?: EditorView;
  readonly #parent: HTMLElement;
  #label: string;
  #describedBy?: string;
  /** Until the editor is built: the file it is to show, and whether that may be edited. */
  #unbuilt = { text: '', readOnly: false };
  #aidsAsked = false;
  readonly #readOnly = new Compartment();
  readonly #lint = new Compartment();
  readonly #brackets = new Compartment();
  readonly #aids = new Compartment();
  /** Until the editing aids arrive: Tab and Shift+Tab held, to indent once they are here. */
  #aidsExtension: Extension = keymap.of([
    {
      key: 'Tab',
      run: (view) => !view.state.readOnly && this.#holdIndent('more'),
      shift: (view) => !view.state.readOnly && this.#holdIndent('less'),
    },
  ]);
  #heldIndents: Array<'more' | 'less'> = [];
  #loadingAids?: Promise<void>;
  /** Kept across files, like the lint extension: empty until the editor first takes focus. */
  #bracketsExtension: Extension = [];
  #loadingBrackets?: Promise<void>;
  /**
   * Kept across files (each gets a fresh state). Until lint loads, an empty gutter as wide as
   * the lint gutter, so the code does not move when that arrives.
   */
  #lintExtension: Extension = gutter({ class: 'cm-gutter-lint' });
  #lintModule?: typeof import('@codemirror/lint');
  #loadingLint?: Promise<void>;
  #problems: Problem[] = [];
  #onChange: (text: string) => void = () => {};
  #onRun: () => void = () => {};
  #onSave: () => void = () => {};

  constructor(parent: HTMLElement, label: string) {
    this.#parent = parent;
    this.#label = label;
  }

  /** Draws the editor (once) with what it was given so far, and brings the editing aids if asked. */
  build(): EditorView {
    if (this.#view) return this.#view;
    const { text, readOnly } = this.#unbuilt;
    const view = (this.#view = new EditorView({
      parent: this.#parent,
      state: this.#stateOf(text),
    }));
    this.#setReadOnly(readOnly);
    view.contentDOM.setAttribute('aria-label', this.#label);
    if (this.#describedBy) view.contentDOM.setAttribute('aria-describedby', this.#describedBy);
    view.contentDOM.addEventListener('focus', () => {
      void this.loadEditingAids();
      this.#loadBrackets();
    });
    if (this.#problems.length) this.setProblems(this.#problems);
    if (this.#aidsAsked) void this.loadEditingAids();
    return view;
  }

  /** What a screen reader calls the editor (the file it shows). */
  setLabel(label: string): void {
    this.#label = label;
    this.#view?.contentDOM.setAttribute('aria-label', label);
  }

  /** The element that tells a screen reader how to leave the editor. */
  describeWith(id: string): void {
    this.#describedBy = id;
    this.#view?.contentDOM.setAttribute('aria-describedby', id);
  }

  /**
   * Brings the editing aids in (once; a chunk that failed to load is asked for again next time).
   * Asked before the editor is built, they come with it.
   */
  loadEditingAids(): Promise<void> {
    const view = this.#view;
    if (!view) {
      this.#aidsAsked = true;
      return Promise.resolve();
    }
    this.#loadingAids ??= import('./editing-aids.ts').then(
      ({ editingAids, indentMore, indentLess }) => {
        this.#aidsExtension = editingAids;
        view.dispatch({ effects: this.#aids.reconfigure(editingAids) });
        for (const held of this.#heldIndents.splice(0))
          (held === 'more' ? indentMore : indentLess)(view);
      },
      () => {
        // Asked for again on the next focus; a Tab held now would land somewhere else by then.
        this.#loadingAids = undefined;
        this.#heldIndents = [];
      },
    );
    return this.#loadingAids;
  }

  #holdIndent(direction: 'more' | 'less'): boolean {
    this.#heldIndents.push(direction);
    void this.loadEditingAids();
    return true;
  }

  #loadBrackets(): void {
    // A chunk that failed to load (a new deploy) is asked for again on the next focus.
    this.#loadingBrackets ??= import('@codemirror/autocomplete').then(
      ({ closeBrackets, closeBracketsKeymap }) => {
        this.#bracketsExtension = [closeBrackets(), keymap.of(closeBracketsKeymap)];
        this.#view?.dispatch({ effects: this.#brackets.reconfigure(this.#bracketsExtension) });
      },
      () => (this.#loadingBrackets = undefined),
    );
  }

  #extensions() {
    return [
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightActiveLine(),
      drawSelection(),
      // Before the default keymap, as closeBracketsKeymap must be (its Backspace deletes a pair).
      Prec.high(this.#brackets.of(this.#bracketsExtension)),
      this.#lint.of(this.#lintExtension),
      editorTheme,
      EditorView.lineWrapping,
      Prec.high(
        keymap.of([
          { key: 'Mod-Enter', run: () => (this.#onRun(), true) },
          // Autosave already keeps every keystroke; Ctrl+S confirms it instead of a browser dialog.
          { key: 'Mod-s', preventDefault: true, run: () => (this.#onSave(), true) },
        ]),
      ),
      this.#aids.of(this.#aidsExtension),
      this.#readOnly.of([]),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) this.#onChange(update.state.doc.toString());
      }),
    ];
  }

  #stateOf(text: string): EditorState {
    return EditorState.create({ doc: text, extensions: this.#extensions() });
  }

  #setReadOnly(readOnly: boolean): void {
    this.#view?.dispatch({
      effects: this.#readOnly.reconfigure([
        EditorState.readOnly.of(readOnly),
        EditorView.editable.of(!readOnly),
      ]),
    });
  }

  /** Shows `text` (a fresh undo history per file), editable or not. */
  show(text: string, { readOnly }: { readOnly: boolean }): void {
    // A Tab held for the file on screen does not carry over to the next one.
    this.#heldIndents = [];
    if (!this.#view) {
      this.#unbuilt = { text, readOnly };
      return;
    }
    this.#view.setState(this.#stateOf(text));
    this.#setReadOnly(readOnly);
  }

  /** Replaces the text as an edit the learner can undo (before the editor is built, there is no undo yet). */
  replace(text: string): void {
    if (!this.#view) this.#unbuilt.text = text;
    else
      this.#view.dispatch({ changes: { from: 0, to: this.#view.state.doc.length, insert: text } });
  }

  text(): string {
    return this.#view ? this.#view.state.doc.toString() : this.#unbuilt.text;
  }

  onChange(listener: (text: string) => void): void {
    this.#onChange = listener;
  }

  /** What Ctrl/⌘+Enter and Ctrl/⌘+S do. */
  onKeys({ run, save }: { run(): void; save(): void }): void {
    this.#onRun = run;
    this.#onSave = save;
  }

  /**
   * Underlines problems (type errors, the line a load failed on). The lint package loads with
   * the first problem; the type checker also lists every problem under the editor meanwhile.
   */
  setProblems(problems: Problem[]): void {
    this.#problems = problems;
    // An editor not built yet draws them when it is.
    const view = this.#view;
    if (!view) return;
    if (this.#lintModule) return this.#drawProblems(view, this.#lintModule);
    if (!problems.length) return;
    // A chunk that failed to load (a new deploy) is asked for again with the next problems.
    this.#loadingLint ??= import('@codemirror/lint').then(
      (lint) => {
        this.#lintModule = lint;
        this.#lintExtension = lint.lintGutter();
        view.dispatch({ effects: this.#lint.reconfigure(this.#lintExtension) });
        this.#drawProblems(view, lint);
      },
      () => (this.#loadingLint = undefined),
    );
  }

  #drawProblems(view: EditorView, lint: typeof import('@codemirror/lint')): void {
    const length = view.state.doc.length;
    const diagnostics: Diagnostic[] = this.#problems.map((problem) => ({
      from: Math.min(problem.from, length),
      to: Math.min(Math.max(problem.to, problem.from), length),
      message: problem.message,
      severity: problem.severity ?? 'error',
    }));
    view.dispatch(lint.setDiagnostics(view.state, diagnostics));
  }

  /** Moves the keyboard into the editor, building it if need be. */
  focus(): void {
    this.build().focus();
  }

  /** Puts the cursor on a 1-based line (and column) and brings it into view, building the editor if need be. */
  goToLine(line: number, column = 1): void {
    const view = this.build();
    const target = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines));
    const anchor = target.from + Math.min(Math.max(column - 1, 0), target.length);
    view.dispatch({ selection: { anchor }, scrollIntoView: true });
    view.focus();
  }
}
