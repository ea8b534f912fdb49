import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markOf } from '../../src/lib/progress-marks.ts';

const at = '2026-12-02T00:00:00.000Z';
const exercises = {
  1: { passed: 3, total: 3 },
  2: { passed: 2, total: 2, solution: true },
  3: { passed: 1, total: 4 },
  4: { passed: 0, total: 2 },
};

describe('the progress mark of a lab link', () => {
  it('is ✓ done once the lab is done, whatever its exercises say', () => {
    assert.deepEqual(markOf({ done: true, at, exercises }), { kind: 'done' });
  });

  it('is "solved with the solution" when every check passed with some untouched solution', () => {
    assert.deepEqual(markOf({ done: false, solution: true, at, exercises }), { kind: 'solution' });
  });

  it('counts exercises done on own code apart from those passed with the solution; partial ones count for neither', () => {
    assert.deepEqual(markOf({ done: false, at, exercises }), {
      kind: 'partial',
      done: 1,
      solution: 1,
      total: 4,
    });
  });

  it('is absent before any exercise is done, and for progress saved before exercises were tracked', () => {
    assert.equal(markOf(undefined), undefined);
    assert.equal(markOf({ done: false, at, exercises: { 1: { passed: 1, total: 3 } } }), undefined);
    assert.equal(markOf({ done: false, at }), undefined);
  });
});
