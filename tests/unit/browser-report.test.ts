import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarizeBrowserRun } from '../../scripts/test-summary/browser-report.ts';

/** A Playwright JSON report of three tests: one passed, one never started, one slow. */
const report = {
  suites: [
    {
      title: 'lab.spec.ts',
      specs: [
        { title: 'runs the checks', tests: [{ timeout: 30_000, results: [{ duration: 4_000 }] }] },
        { title: 'opens two tabs', tests: [{ timeout: 30_000, results: [{ duration: 10_001 }] }] },
        { title: 'reloads offline', tests: [{ timeout: 30_000, results: [{ duration: 10_000 }] }] },
        { title: 'keeps the code', tests: [{ timeout: 30_000, results: [] }] },
        {
          title: 'solves every exercise',
          tests: [{ timeout: 90_000, results: [{ duration: 20_000 }] }],
        },
      ],
    },
  ],
  errors: [
    {
      message:
        '\u001b[31mError: worker teardown timeout of 30000ms exceeded\u001b[39m\n    at fixture',
    },
  ],
  stats: { duration: 60_000, expected: 4, unexpected: 0, skipped: 1, flaky: 0 },
};

describe('the browser part of the test summary', () => {
  it('names a test that never ran and an error outside any test, so a green count cannot hide them', () => {
    const summary = summarizeBrowserRun(report);
    assert.deepEqual(summary.notRun, ['lab.spec.ts › keeps the code']);
    assert.deepEqual(summary.errorsOutsideTests, [
      'Error: worker teardown timeout of 30000ms exceeded',
    ]);
  });

  it('lists the slowest tests first, each with its own timeout', () => {
    assert.deepEqual(summarizeBrowserRun(report).slowest.slice(0, 2), [
      { title: 'lab.spec.ts › solves every exercise', durationMs: 20_000, timeoutMs: 90_000 },
      { title: 'lab.spec.ts › opens two tabs', durationMs: 10_001, timeoutMs: 30_000 },
    ]);
  });

  it('lists the tests over a third of their own timeout, and only those', () => {
    assert.deepEqual(summarizeBrowserRun(report).overAThird, [
      { title: 'lab.spec.ts › opens two tabs', durationMs: 10_001, timeoutMs: 30_000 },
    ]);
  });
});
