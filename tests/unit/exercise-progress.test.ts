import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckResult, Exercise } from '../../labs/kit/types.ts';
import { exerciseProgress, stateOf } from '../../src/lib/lab-workbench/exercise-progress.ts';

const title = { en: 'x', ja: 'x' };
const exercises: Exercise[] = [
  { number: 1, title, file: 'one.ts', minutes: 5 },
  { number: 2, title, file: 'two.ts', minutes: 5 },
];
const result = (id: string, exercise: number, status: CheckResult['status']): CheckResult => ({
  id,
  exercise,
  title,
  status,
  hints: [],
});

describe('exercise progress', () => {
  it('reads not started, "n of m", done, or solved with the solution', () => {
    assert.equal(stateOf({ passed: 0, total: 4 }), 'not-started');
    assert.equal(stateOf({ passed: 3, total: 4 }), 'partial');
    assert.equal(stateOf({ passed: 4, total: 4 }), 'done');
    assert.equal(stateOf({ passed: 4, total: 4, solution: true }), 'solution');
  });

  it('counts each exercise’s own checks, and names those failing for the class board', () => {
    const results = [result('a', 1, 'pass'), result('b', 1, 'fail'), result('c', 2, 'pass')];
    assert.deepEqual(
      exerciseProgress(exercises, results, () => false),
      {
        1: { passed: 1, total: 2, failing: ['b'] },
        2: { passed: 1, total: 1 },
      },
    );
  });

  it('marks an exercise solved with the solution only when all its checks pass on the untouched solution', () => {
    const results = [result('a', 1, 'pass'), result('b', 2, 'fail')];
    const isSolution = () => true;
    assert.deepEqual(exerciseProgress(exercises, results, isSolution), {
      1: { passed: 1, total: 1, solution: true },
      2: { passed: 0, total: 1, failing: ['b'] },
    });
  });
});
