import { CheckFailure } from './check-failure.ts';
import { describeThrown } from './describe-thrown.ts';
import { checkRandom, newSeed } from './seeded-random.ts';
import { isSupportError } from './support-error.ts';
import type {
  CheckResult,
  Lab,
  LabOutline,
  LearnerModules,
  LoadError,
  RunReport,
} from './types.ts';

/** An async check that has not settled by then is reported as stuck (sync loops are the host's job). */
const ASYNC_CHECK_LIMIT_MS = 5_000;

export interface RunHooks {
  /** Called before each check, so a host can tell which check an endless loop is stuck in. */
  onCheckStart?(id: string): void;
  /** Called after each check, so a host that must stop the run still knows what finished. */
  onCheckDone?(result: CheckResult): void;
}

/** How to run: the hooks, and the seed to draw generated cases from (a fresh one when absent). */
export interface RunOptions extends RunHooks {
  seed?: number;
  /** The learner's files as text (`CheckContext.sources`); none when a host has only the modules. */
  sources?: Record<string, string>;
}

/** Runs every check of `lab` against the learner's loaded modules, one after another, each isolated. */
export async function runChecks(
  lab: Lab,
  learner: LearnerModules,
  options: RunOptions = {},
): Promise<RunReport> {
  const seed = options.seed ?? newSeed();
  const results: CheckResult[] = [];
  for (const check of lab.checks) {
    options.onCheckStart?.(check.id);
    const base = {
      id: check.id,
      exercise: check.exercise,
      title: check.title,
      hints: check.hints ?? [],
    };
    const context = { seed, random: checkRandom(seed, check.id), sources: options.sources ?? {} };
    let result: CheckResult;
    try {
      await withinLimit(Promise.resolve().then(() => check.run(learner, context)));
      result = { ...base, status: 'pass' };
    } catch (error) {
      result = { ...base, ...toFailure(error) };
    }
    results.push(result);
    options.onCheckDone?.(result);
  }
  return { lab: lab.slug, seed, results };
}

/** The report when the learner's files could not even be loaded: nothing ran, and this is why. */
export function loadFailedReport(lab: LabOutline, loadError: LoadError, seed?: number): RunReport {
  return {
    lab: lab.slug,
    seed,
    loadError,
    results: lab.checks.map((check) => ({
      id: check.id,
      exercise: check.exercise,
      title: check.title,
      hints: check.hints ?? [],
      status: 'not-run',
    })),
  };
}

function toFailure(
  error: unknown,
): Pick<CheckResult, 'status' | 'message' | 'expected' | 'actual' | 'hint'> {
  if (error instanceof CheckFailure) {
    return {
      status: 'fail',
      message: error.text,
      expected: error.expected,
      actual: error.actual,
      hint: error.hint,
    };
  }
  if (error instanceof StuckCheck) {
    return {
      status: 'timeout',
      message: {
        en: `This check did not finish within ${ASYNC_CHECK_LIMIT_MS / 1000} s: a promise in your code never settles.`,
        ja: `このチェックは ${ASYNC_CHECK_LIMIT_MS / 1000} 秒以内に終わりませんでした。コード内の Promise が解決されていません。`,
      },
    };
  }
  if (isSupportError(error)) {
    const { component, reason } = error;
    return {
      status: 'fail',
      message: {
        en: `${component.en} rejected what it was given: ${reason.en} (This comes from the lab’s support code, called with what your code passed it.)`,
        ja: `${component.ja}が、渡された内容を受け付けませんでした: ${reason.ja}(これはラボのサポートコードからのエラーで、あなたのコードが渡した内容に対するものです。)`,
      },
    };
  }
  const thrown = describeThrown(error);
  return {
    status: 'fail',
    message: {
      en: `Your code threw an error: ${thrown}`,
      ja: `コードでエラーが発生しました: ${thrown}`,
    },
  };
}

class StuckCheck extends Error {}

function withinLimit<T>(work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StuckCheck()), ASYNC_CHECK_LIMIT_MS);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
