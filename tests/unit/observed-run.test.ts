import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CheckResult, LabOutline } from '../../labs/kit/types.ts';
import { isRunnerEvent, isSandboxOrder } from '../../src/lib/lab-sandbox/messages.ts';
import { ObservedRun } from '../../src/lib/lab-workbench/observed-run.ts';

const title = { en: 'A check', ja: 'チェック' };
const outline: LabOutline = {
  slug: 'demo',
  checks: [
    { id: 'a', exercise: 1, title },
    { id: 'b', exercise: 1, title },
  ],
};
const result = (id: string, status: CheckResult['status'] = 'pass'): CheckResult => ({
  id,
  exercise: 1,
  title,
  status,
  hints: [],
});

function runThrough(...ids: string[]): ObservedRun {
  const run = new ObservedRun(outline);
  for (const id of ids) {
    run.start(id);
    run.done(result(id));
  }
  return run;
}

describe('ObservedRun', () => {
  test('accepts a report that says exactly what it observed, and builds the report itself, seed included', () => {
    assert.deepEqual(
      runThrough('a', 'b').report({ lab: 'demo', seed: 7, results: [result('a'), result('b')] }),
      {
        lab: 'demo',
        seed: 7,
        results: [result('a'), result('b')],
      },
    );
  });

  test('rejects a report of passes for checks that never ran', () => {
    assert.throws(
      () => runThrough().report({ lab: 'demo', results: [result('a'), result('b')] }),
      /does not match the 0 check results/,
    );
  });

  test('rejects a report that turns an observed failure into a pass', () => {
    const run = new ObservedRun(outline);
    run.start('a');
    run.done(result('a', 'fail'));
    run.start('b');
    run.done(result('b'));
    assert.throws(
      () => run.report({ lab: 'demo', results: [result('a'), result('b')] }),
      /does not match/,
    );
  });

  test('rejects checks out of order, unknown ids and results of a check that was not running', () => {
    assert.throws(() => new ObservedRun(outline).start('b'), /started check "b" where "a" was due/);
    assert.throws(
      () => runThrough('a', 'b').start('c'),
      /started check "c" where "no check" was due/,
    );
    assert.throws(
      () => new ObservedRun(outline).done(result('a')),
      /finished check "a" while "no check" was running/,
    );
  });

  test('rejects a report on another lab', () => {
    assert.throws(
      () => runThrough('a', 'b').report({ lab: 'other', results: [] }),
      /lab "other" instead of "demo"/,
    );
  });

  test('turns a load error into a report where no check ran', () => {
    const report = new ObservedRun(outline).report({
      lab: 'demo',
      results: [],
      loadError: { file: 'x.ts', line: 2, message: 'boom' },
    });
    assert.deepEqual(
      report.results.map((check) => check.status),
      ['not-run', 'not-run'],
    );
    assert.equal(report.loadError?.message, 'boom');
  });
});

describe('message shapes', () => {
  test('a runner event with a malformed result is refused', () => {
    assert.equal(isRunnerEvent({ type: 'check-done', result: result('a') }), true);
    assert.equal(
      isRunnerEvent({ type: 'check-done', result: { ...result('a'), status: 'passed' } }),
      false,
    );
    assert.equal(
      isRunnerEvent({ type: 'check-done', result: { ...result('a'), title: 'A check' } }),
      false,
    );
    assert.equal(
      isRunnerEvent({
        type: 'report',
        report: { lab: 'demo', results: [result('a')], loadError: { file: 1 } },
      }),
      false,
    );
    assert.equal(isRunnerEvent({ type: 'report', report: null }), false);
    assert.equal(isRunnerEvent('report'), false);
  });

  test('a sandbox order needs a positive worker number or a runtime script', () => {
    assert.equal(isSandboxOrder({ type: 'start-worker', worker: 1 }), true);
    assert.equal(isSandboxOrder({ type: 'start-worker', worker: 0 }), false);
    assert.equal(isSandboxOrder({ type: 'stop-worker', worker: '1' }), false);
    assert.equal(isSandboxOrder({ type: 'load-runtime', script: 42 }), false);
    assert.equal(isSandboxOrder({ type: 'eval', script: '' }), false);
  });
});
