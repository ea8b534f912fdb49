import type { LabStorage, SavedVersion } from './lab-storage.ts';

/**
 * A version kept while typing, at most this often per file: often enough that a bad edit costs
 * minutes, not an hour; rare enough that twenty versions span a whole workshop session.
 */
const AUTOSAVE_EVERY_MS = 2 * 60 * 1000;

/** The texts a learner's file starts from or may be replaced with. */
interface LabTexts {
  starter: Record<string, string>;
  /** Whether `text` is the reference solution of `file` (the page knows its digest, not its text). */
  isSolution(file: string, text: string): boolean;
}

/**
 * The learner's files as the page shows them. The text on screen is the truth (Run checks it,
 * StackBlitz gets it); storage is a copy that can fail to keep up (full), and history keeps every
 * own version a button, an import or another tab was about to replace.
 */
export class WorkingCopy {
  readonly #storage: LabStorage;
  readonly #lab: LabTexts;
  readonly #texts: Record<string, string> = {};
  readonly #unsaved = new Set<string>();
  readonly #lastAutosave = new Map<string, number>();
  /** Text another tab saved for a file since this tab last did, not yet in this tab's editor. */
  readonly #fromOtherTab = new Map<string, string>();
  #onSaved: (unsaved: string[]) => void = () => {};

  constructor(storage: LabStorage, lab: LabTexts) {
    this.#storage = storage;
    this.#lab = lab;
    for (const file of this.files) this.reload(file);
  }

  get files(): string[] {
    return Object.keys(this.#lab.starter);
  }

  text(file: string): string {
    return this.#texts[file];
  }

  all(): Record<string, string> {
    return { ...this.#texts };
  }

  /** Files whose text on screen is not in storage (it was full). */
  unsaved(): string[] {
    return [...this.#unsaved];
  }

  onSaved(listener: (unsaved: string[]) => void): void {
    this.#onSaved = listener;
  }

  /** Text the learner wrote: the starter and the solution are always one button away, so they need no keeping. */
  isOwn(file: string, text: string): boolean {
    return text !== this.#lab.starter[file] && !this.#lab.isSolution(file, text);
  }

  /** Takes what storage holds now (after an import, or at start). */
  reload(file: string): void {
    this.#texts[file] = this.#storage.code(file) ?? this.#lab.starter[file];
    this.#fromOtherTab.delete(file);
  }

  /** A keystroke: keeps a version now and then, and what another tab had saved, then saves. */
  edit(file: string, text: string, now = Date.now()): void {
    const before = this.#texts[file];
    const last = this.#lastAutosave.get(file);
    if (
      (last === undefined || now - last >= AUTOSAVE_EVERY_MS) &&
      this.keep(file, 'autosave', before)
    )
      this.#lastAutosave.set(file, now);
    const theirs = this.#fromOtherTab.get(file);
    if (theirs !== undefined && this.keep(file, 'other-tab', theirs))
      this.#fromOtherTab.delete(file);
    this.set(file, text);
  }

  /** Keeps `text` (by default the file's current text) in its history if it is the learner's own; false when it could not be stored. */
  keep(file: string, label: SavedVersion['label'], text = this.#texts[file]): boolean {
    return !this.isOwn(file, text) || this.#storage.remember(file, text, label);
  }

  /**
   * Keeps what a button is about to replace in `file`: the other tab's unsettled text first (the
   * button's write would overwrite it in storage, leaving it only in this tab's memory), then this
   * tab's own. False when storage could not keep one; then nothing may be replaced.
   */
  keepBeforeReplacing(file: string, label: SavedVersion['label']): boolean {
    const theirs = this.#fromOtherTab.get(file);
    if (theirs !== undefined) {
      if (!this.keep(file, 'other-tab', theirs)) return false;
      this.#fromOtherTab.delete(file);
    }
    return this.keep(file, label);
  }

  /** Replaces the text and saves it; callers keep the old text first. */
  set(file: string, text: string): void {
    this.#texts[file] = text;
    if (this.#storage.saveCode(file, text)) this.#unsaved.delete(file);
    else this.#unsaved.add(file);
    this.#onSaved(this.unsaved());
  }

  /**
   * The newest own version of `file` when a button replaced its own text (Reset, Use solution);
   * undefined while the text in place is the learner's own, or there is none to go back to.
   */
  restorable(file: string): string | undefined {
    if (this.isOwn(file, this.#texts[file])) return undefined;
    return this.#storage.history(file).find((saved) => this.isOwn(file, saved.text))?.text;
  }

  /** Another tab saved `text` for `file`; true when it differs from this tab's text. */
  otherTabSaved(file: string, text: string): boolean {
    if (text === this.#texts[file]) this.#fromOtherTab.delete(file);
    else this.#fromOtherTab.set(file, text);
    return this.#fromOtherTab.has(file);
  }

  /** Files another tab changed that this tab has not settled yet. */
  changedElsewhere(): string[] {
    return [...this.#fromOtherTab.keys()];
  }

  /** Settles another tab's change: takes their text (keeping ours in history) or keeps ours (keeping theirs). */
  settle(file: string, take: 'theirs' | 'mine'): boolean {
    const theirs = this.#fromOtherTab.get(file);
    if (theirs === undefined) return true;
    const kept =
      take === 'theirs'
        ? this.keep(file, 'before-other-tab')
        : this.keep(file, 'other-tab', theirs);
    if (!kept) return false;
    this.#fromOtherTab.delete(file);
    this.set(file, take === 'theirs' ? theirs : this.#texts[file]);
    return true;
  }
}
