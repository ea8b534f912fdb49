import {
  type ExerciseProgress,
  hintsShownIn,
  isVersionList,
  labEntryKey,
  progressIn,
  STORAGE_PREFIX,
  type LabProgress,
  type SavedVersion,
} from '../stored-progress.ts';

export type { LabProgress, SavedVersion };

const PROGRESS_KEY = `${STORAGE_PREFIX}progress`;

/** Versions kept per file: the issue asks for at least 20, so a long session never pushes out the last own code. */
export const HISTORY_LIMIT = 20;

/**
 * Writes one value; false when the browser refuses (storage full, or storage switched off), so
 * the caller can tell the learner instead of losing their text to a console error.
 */
export function tryWrite(key: string, value: string): boolean {
  try {
    localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes the version that gives way first: the oldest autosave, since a version a button replaced
 * may be the learner's only copy of their own code and forty minutes of autosaves would push it
 * out; the oldest version when no autosave is left. The newest (index 0) is the one being kept.
 */
function dropOneVersion(versions: SavedVersion[]): void {
  const autosave = versions.findLastIndex(
    (version, index) => index > 0 && version.label === 'autosave',
  );
  versions.splice(autosave > 0 ? autosave : versions.length - 1, 1);
}

/** A stored value; null when it is missing or storage is switched off. */
function readText(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** A stored JSON value, or undefined when it is missing or not JSON. */
function readJson(key: string): unknown {
  try {
    return JSON.parse(readText(key) ?? 'null') as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Everything a lab keeps in localStorage. Keys hold no language, so code and progress are the
 * same on /labs/x/ and /ja/labs/x/; they all start with the prefix progress files carry.
 * Every reader survives bad stored data (an old format, a hand-edited import): it falls back to
 * "nothing saved" instead of breaking the page.
 */
export class LabStorage {
  readonly #slug: string;

  constructor(slug: string) {
    this.#slug = slug;
  }

  #key(kind: string, name = '') {
    return labEntryKey(this.#slug, kind, name);
  }

  /** Whether `key` is this lab's saved text of a file, and which file. */
  fileOfKey(key: string): string | undefined {
    const prefix = this.#key('file', '');
    return key.startsWith(`${prefix}:`) ? key.slice(prefix.length + 1) : undefined;
  }

  /** The learner's saved text of a file, if they ever edited it. */
  code(file: string): string | null {
    return readText(this.#key('file', file));
  }

  saveCode(file: string, text: string): boolean {
    return tryWrite(this.#key('file', file), text);
  }

  /** Earlier versions of a file, newest first. */
  history(file: string): SavedVersion[] {
    const versions = readJson(this.#key('history', file));
    return isVersionList(versions) ? versions : [];
  }

  /**
   * Adds a version to the file's history (unless it is already the newest). Over the limit, or
   * when storage is too full for the whole list, versions give way oldest autosave first, then
   * oldest; false only when not even this one fits, and then the caller must not replace the text.
   */
  remember(file: string, text: string, label: SavedVersion['label'], now = new Date()): boolean {
    const history = this.history(file);
    if (history[0]?.text === text) return true;
    const versions = [{ text, label, at: now.toISOString() }, ...history];
    while (versions.length > HISTORY_LIMIT) dropOneVersion(versions);
    while (versions.length > 0) {
      if (tryWrite(this.#key('history', file), JSON.stringify(versions))) return true;
      dropOneVersion(versions);
    }
    return false;
  }

  /**
   * Moves the one copy older versions of the site kept ("own", overwritten by the next Use
   * solution) into the history, so an update loses nothing.
   */
  adoptKeptCopies(files: string[]): void {
    for (const file of files) {
      const kept = readText(this.#key('own', file));
      if (kept !== null && this.remember(file, kept, 'kept'))
        localStorage.removeItem(this.#key('own', file));
    }
  }

  /** How many hints the learner has revealed, per check id. */
  hintsShown(): Record<string, number> {
    return hintsShownIn(readJson(this.#key('hints')));
  }

  showHint(checkId: string): number {
    const shown = this.hintsShown();
    shown[checkId] = (shown[checkId] ?? 0) + 1;
    tryWrite(this.#key('hints'), JSON.stringify(shown));
    return shown[checkId];
  }

  /** This lab's progress as stored, if it was ever run. */
  progress(): LabProgress | undefined {
    return readProgress()[this.#slug];
  }

  /**
   * Records where each exercise stands after a run. The lab is done once every check passes on
   * the learner's own code, and stays done; passing only with the untouched solution is recorded
   * as that, not as done. False when storage is full (the run's results still show).
   */
  recordRun(exercises: Record<string, ExerciseProgress>, now: Date): boolean {
    const progress = readProgress();
    const before = progress[this.#slug];
    const all = Object.values(exercises);
    const allPass = all.length > 0 && all.every((exercise) => exercise.passed === exercise.total);
    const withSolution = allPass && all.some((exercise) => exercise.solution);
    const done = before?.done === true || (allPass && !withSolution);
    progress[this.#slug] = {
      done,
      at: before?.done ? before.at : now.toISOString(),
      ...(withSolution && !done ? { solution: true } : {}),
      exercises,
    };
    return tryWrite(PROGRESS_KEY, JSON.stringify(progress));
  }
}

/** Every lab's progress, as the sidebar and home page read it. */
export function readProgress(): Record<string, LabProgress> {
  return progressIn(readJson(PROGRESS_KEY));
}
