import { loadFailedReport } from '../../../labs/kit/run-checks.ts';
import type { CheckResult, LabOutline, RunReport } from '../../../labs/kit/types.ts';

/**
 * The page's own record of one run: it counts only results it saw arrive, one per check it asked
 * for, in the lab's order, and accepts a final report only when that report says exactly what it
 * saw. Learner code runs in the same realm as the checks, so a pass is still self-reported; this
 * keeps a run from claiming checks that never ran or that the page did not ask for.
 */
export class ObservedRun {
  readonly #outline: LabOutline;
  readonly #finished: CheckResult[] = [];
  #current: string | undefined;

  constructor(outline: LabOutline) {
    this.#outline = outline;
  }

  /** Results of the checks that finished so far, for a report the watchdog has to write. */
  get finished(): CheckResult[] {
    return [...this.#finished];
  }

  start(id: string): void {
    const due = this.#outline.checks[this.#finished.length]?.id;
    if (this.#current !== undefined || id !== due) {
      throw new Error(`The lab worker started check "${id}" where "${due ?? 'no check'}" was due.`);
    }
    this.#current = id;
  }

  done(result: CheckResult): void {
    if (result.id !== this.#current) {
      throw new Error(
        `The lab worker finished check "${result.id}" while "${this.#current ?? 'no check'}" was running.`,
      );
    }
    this.#current = undefined;
    this.#finished.push(result);
  }

  /** The run's report, built from what was observed; throws if `claimed` says anything else. */
  report(claimed: RunReport): RunReport {
    if (claimed.lab !== this.#outline.slug) {
      throw new Error(
        `The lab worker reported on lab "${claimed.lab}" instead of "${this.#outline.slug}".`,
      );
    }
    if (claimed.loadError) {
      if (this.#finished.length > 0 || this.#current !== undefined) {
        throw new Error('The lab worker reported a load error after checks had started.');
      }
      return loadFailedReport(this.#outline, claimed.loadError, claimed.seed);
    }
    const complete =
      this.#current === undefined && this.#finished.length === this.#outline.checks.length;
    if (!complete || JSON.stringify(claimed.results) !== JSON.stringify(this.#finished)) {
      throw new Error(
        `The lab worker's report does not match the ${this.#finished.length} check results it sent while running.`,
      );
    }
    return { lab: this.#outline.slug, seed: claimed.seed, results: this.finished };
  }
}
