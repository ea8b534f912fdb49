import type { CheckResult, Exercise } from '../../../labs/kit/types.ts';
import type { ExerciseProgress } from '../stored-progress.ts';

/** Where an exercise stands: nothing passes yet, some checks pass, all pass with own code, all pass with the untouched solution. */
export type ExerciseState = 'not-started' | 'partial' | 'done' | 'solution';

/** The state a stored or fresh count of passing checks stands for. */
export function stateOf({ passed, total, solution }: ExerciseProgress): ExerciseState {
  if (passed === 0) return 'not-started';
  if (passed < total) return 'partial';
  return solution ? 'solution' : 'done';
}

/**
 * Each exercise's standing after a run: its checks counted, the ids of those failing, and
 * "solution" instead of "done" when every check passes on the reference solution exactly as Use
 * solution put it in.
 */
export function exerciseProgress(
  exercises: Exercise[],
  results: CheckResult[],
  isSolution: (file: string) => boolean,
): Record<string, ExerciseProgress> {
  const progress: Record<string, ExerciseProgress> = {};
  for (const exercise of exercises) {
    const own = results.filter((result) => result.exercise === exercise.number);
    const passed = own.filter((result) => result.status === 'pass').length;
    const allPass = own.length > 0 && passed === own.length;
    const failing = own.filter((result) => result.status !== 'pass').map((result) => result.id);
    progress[exercise.number] = {
      passed,
      total: own.length,
      ...(allPass && isSolution(exercise.file) ? { solution: true } : {}),
      // The class board names the check most of the room is stuck on.
      ...(failing.length ? { failing } : {}),
    };
  }
  return progress;
}
