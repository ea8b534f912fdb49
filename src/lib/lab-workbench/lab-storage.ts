import { STORAGE_PREFIX } from '../progress-file.ts';

/**
 * Everything a lab keeps in localStorage. Keys hold no language, so code and progress are the
 * same on /labs/x/ and /ja/labs/x/; they all start with the prefix progress files carry.
 */
export interface LabProgress {
  done: boolean;
  at: string;
}

const PROGRESS_KEY = `${STORAGE_PREFIX}progress`;

export class LabStorage {
  readonly #slug: string;

  constructor(slug: string) {
    this.#slug = slug;
  }

  #key(kind: string, name = '') {
    return `${STORAGE_PREFIX}lab:${this.#slug}:${kind}${name ? `:${name}` : ''}`;
  }

  /** The learner's saved text of a file, if they ever edited it. */
  code(file: string): string | null {
    return localStorage.getItem(this.#key('file', file));
  }

  saveCode(file: string, text: string): void {
    localStorage.setItem(this.#key('file', file), text);
  }

  forgetCode(file: string): void {
    localStorage.removeItem(this.#key('file', file));
  }

  /** The learner's own version, kept when they take the solution, so they can go back to it. */
  ownVersion(file: string): string | null {
    return localStorage.getItem(this.#key('own', file));
  }

  keepOwnVersion(file: string, text: string): void {
    localStorage.setItem(this.#key('own', file), text);
  }

  forgetOwnVersion(file: string): void {
    localStorage.removeItem(this.#key('own', file));
  }

  /** How many hints the learner has revealed, per check id. */
  hintsShown(): Record<string, number> {
    return JSON.parse(localStorage.getItem(this.#key('hints')) ?? '{}') as Record<string, number>;
  }

  showHint(checkId: string): number {
    const shown = this.hintsShown();
    shown[checkId] = (shown[checkId] ?? 0) + 1;
    localStorage.setItem(this.#key('hints'), JSON.stringify(shown));
    return shown[checkId];
  }

  markDone(now: Date): void {
    const progress = readProgress();
    progress[this.#slug] = { done: true, at: now.toISOString() };
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(progress));
  }
}

/** Every lab's progress, as the sidebar and home page read it. */
export function readProgress(): Record<string, LabProgress> {
  try {
    return JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? '{}') as Record<string, LabProgress>;
  } catch {
    return {};
  }
}
