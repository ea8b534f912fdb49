import type { ComparedValue } from './compared-value.ts';
/** Text a learner reads, in every language the site speaks. One source for the CLI, the page and StackBlitz. */
export interface Text {
  en: string;
  ja: string;
}
export type Lang = keyof Text;

/** The learner's files, loaded as modules and keyed by file name (`concurrency.ts`). */
export type LearnerModules = Record<string, Record<string, unknown>>;

/** What a check gets besides the learner's code: the run's seed, and numbers drawn from it for this check alone. */
export interface CheckContext {
  /** The run's seed, printed in the report; the same seed draws the same cases again. */
  seed: number;
  /** Numbers in [0, 1) from the seed and the check's id, so one check's draws never shift another's. */
  random: () => number;
  /** The learner's files as text, by file name, so a check can point at a line in one of them. */
  sources: Record<string, string>;
}

/** Where a case comes from, which decides what a failure may show: only a worked example prints its answer. */
export type CaseKind = 'example' | 'boundary' | 'generated';

/** One row of a check's table of cases: an input, its answer, its kind, and the hint (1-based) that fits if it fails. */
export interface Case<Input, Output> {
  input: Input;
  expected: Output;
  kind: CaseKind;
  hint?: number;
}

/** One thing the learner's code must do, with a stable id so progress and translations survive edits. */
export interface Check {
  /** Stable, unique within the lab: `<exercise>.<what>`, e.g. `concurrency.stream-shards`. */
  id: string;
  /** The exercise (1-based) the check belongs to. */
  exercise: number;
  /** What the check proves, phrased for the learner. */
  title: Text;
  /** Up to three hints, from a nudge to nearly the answer, revealed one at a time. */
  hints?: Text[];
  /** Throws a `CheckFailure` (through `expect`) when the learner's code is not there yet. */
  run(learner: LearnerModules, context: CheckContext): void | Promise<void>;
}

export interface Exercise {
  /** 1-based, in the order the lab page teaches them. */
  number: number;
  title: Text;
  /** The learner file this exercise is written in. */
  file: string;
  minutes: number;
  /** Marked optional on the page; its checks still run. */
  optional?: boolean;
}

/** Everything the runners need to know about one lab (the site reads the same object). */
export interface Lab {
  slug: string;
  title: Text;
  exercises: Exercise[];
  checks: Check[];
  /** npm packages the lab's learner or support code imports (e.g. `jose`); the site bundles them. */
  packages?: string[];
  /**
   * npm packages only the lab's support code imports (an SQL engine): StackBlitz installs them
   * with `packages`, the lab runtime bundles them, but learner code cannot import them and the
   * type checker needs no typings of them.
   */
  supportPackages?: string[];
  /**
   * Exercises the lab's heaviest support code once, with no learner code and a seed no run
   * uses, in the page's spare worker before it takes a run: each run gets a fresh worker, and a
   * fresh JavaScript engine runs cold code several times slower. Must leave nothing a check reads.
   */
  warmUp?: () => void | Promise<void>;
}

export type CheckStatus = 'pass' | 'fail' | 'timeout' | 'not-run';

export interface CheckResult {
  id: string;
  exercise: number;
  title: Text;
  status: CheckStatus;
  /** Why it failed: what was expected, what came back. */
  message?: Text;
  expected?: ComparedValue;
  actual?: ComparedValue;
  hints: Text[];
  /** The hint (1-based, as the page numbers them) that fits this failure: shown before the others. */
  hint?: number;
}

/** A learner file that could not be loaded (syntax error, or an exception at import time). */
export interface LoadError {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export interface RunReport {
  lab: string;
  /** The seed the run's generated cases were drawn from (`--seed N` on the CLI repeats the run). */
  seed?: number;
  results: CheckResult[];
  loadError?: LoadError;
}

/** What a host knows of a lab without loading its checks: enough to report on each of them. */
export type LabOutline = Pick<Lab, 'slug'> & {
  checks: Array<Pick<Check, 'id' | 'exercise' | 'title' | 'hints'>>;
};
