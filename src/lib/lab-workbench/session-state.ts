import type { RunReport } from '../../../labs/kit/types.ts';

/** The latest run as the page shows it: its report, the exercise it was for, the files that were the untouched solution. */
export interface LastRun {
  report: RunReport;
  focus: number | 'all';
  solutionFiles: string[];
}

interface Remembered {
  exercise?: number;
  run?: LastRun;
}

/**
 * What the learner is looking at, kept for this tab only (sessionStorage): the open exercise and
 * the last results, so switching the page's language (a new page load) shows the same exercise
 * and the same results, drawn again in the new language. Not progress: never exported.
 */
export class SessionState {
  readonly #key: string;

  constructor(slug: string) {
    this.#key = `lab-session:${slug}`;
  }

  #read(): Remembered {
    try {
      const value = JSON.parse(sessionStorage.getItem(this.#key) ?? '{}') as unknown;
      return typeof value === 'object' && value !== null ? (value as Remembered) : {};
    } catch {
      return {};
    }
  }

  #write(change: Remembered): void {
    try {
      sessionStorage.setItem(this.#key, JSON.stringify({ ...this.#read(), ...change }));
    } catch {
      // A full or disabled sessionStorage only costs the language switch its memory.
    }
  }

  exercise(): number | undefined {
    const { exercise } = this.#read();
    return Number.isInteger(exercise) ? exercise : undefined;
  }

  /** The last run of `slug`, if this tab has one in a shape this page can draw. */
  lastRun(slug: string): LastRun | undefined {
    const { run } = this.#read();
    const valid =
      run?.report?.lab === slug &&
      Array.isArray(run.report.results) &&
      Array.isArray(run.solutionFiles) &&
      (run.focus === 'all' || Number.isInteger(run.focus));
    return valid ? run : undefined;
  }

  keepExercise(exercise: number): void {
    this.#write({ exercise });
  }

  keepRun(run: LastRun): void {
    this.#write({ run });
  }
}
