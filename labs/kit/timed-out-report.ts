import type { CheckResult, LabOutline, RunReport } from './types.ts';

/**
 * The report when the host had to stop a run stuck in `stuckId`: the checks that finished keep
 * their results, the stuck one says why it was stopped, and the rest did not run.
 */
export function timedOutReport(
  lab: LabOutline,
  finished: CheckResult[],
  stuckId: string,
  limitMs: number,
  seed?: number,
): RunReport {
  const seconds = limitMs / 1000;
  return {
    lab: lab.slug,
    seed,
    results: lab.checks.map((check): CheckResult => {
      const done = finished.find((result) => result.id === check.id);
      if (done) return done;
      const base = {
        id: check.id,
        exercise: check.exercise,
        title: check.title,
        hints: check.hints ?? [],
      };
      if (check.id !== stuckId) return { ...base, status: 'not-run' };
      return {
        ...base,
        status: 'timeout',
        message: {
          en: `Stopped after ${seconds} s: this check never finished. Look for a loop that cannot end (for example \`while (true)\`) in the code it calls.`,
          ja: `${seconds} 秒で停止しました。このチェックが終わりませんでした。呼び出されるコードに終わらないループ(例: \`while (true)\`)がないか確認してください。`,
        },
      };
    }),
  };
}
