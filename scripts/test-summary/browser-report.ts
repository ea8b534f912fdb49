/** One browser test's longest attempt beside its own timeout. */
export interface TestTiming {
  title: string;
  durationMs: number;
  timeoutMs: number;
}

/** What `npm test` prints of a Playwright run: counts, wall time and the slowest tests. */
export interface BrowserSummary {
  passed: number;
  failed: number;
  skipped: number;
  flaky: number;
  durationMs: number;
  slowest: TestTiming[];
  /**
   * Tests that used more than a third of their timeout, the largest share first: on a busy
   * machine these are the ones that run out of it.
   */
  overAThird: TestTiming[];
  /** Tests Playwright never started (a worker that died between tests leaves these). */
  notRun: string[];
  /** Errors outside any test (a hook or fixture teardown, a worker's unhandled rejection), first line each. */
  errorsOutsideTests: string[];
}

/** The parts of Playwright's JSON reporter output this summary reads. */
interface JsonSuite {
  title: string;
  specs?: Array<{
    title: string;
    tests: Array<{ timeout: number; results: Array<{ duration: number }> }>;
  }>;
  suites?: JsonSuite[];
}
interface JsonReport {
  suites: JsonSuite[];
  errors?: Array<{ message?: string }>;
  stats: { duration: number; expected: number; unexpected: number; skipped: number; flaky: number };
}

const SLOWEST_SHOWN = 5;

export function summarizeBrowserRun(report: JsonReport): BrowserSummary {
  const timings: TestTiming[] = [];
  const notRun: string[] = [];
  const walk = (suite: JsonSuite, path: string[]) => {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        // A retried test counts by its longest attempt: that is the one that came near its limit.
        const durationMs = Math.max(0, ...test.results.map((result) => result.duration));
        const title = [...here, spec.title].join(' › ');
        timings.push({ title, durationMs, timeoutMs: test.timeout });
        if (test.results.length === 0) notRun.push(title);
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of report.suites) walk(suite, []);
  const { stats } = report;
  return {
    passed: stats.expected,
    failed: stats.unexpected,
    skipped: stats.skipped,
    flaky: stats.flaky,
    durationMs: stats.duration,
    slowest: [...timings].sort((a, b) => b.durationMs - a.durationMs).slice(0, SLOWEST_SHOWN),
    overAThird: timings
      .filter((timing) => timing.timeoutMs > 0 && timing.durationMs * 3 > timing.timeoutMs)
      .sort((a, b) => b.durationMs / b.timeoutMs - a.durationMs / a.timeoutMs),
    notRun,
    errorsOutsideTests: (report.errors ?? []).map((error) =>
      firstLine(error.message ?? 'an error without a message'),
    ),
  };
}

/** Playwright's messages carry colour codes and a stack; the summary keeps the sentence. */
const firstLine = (message: string) =>
  message
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .find((line) => line.trim()) ?? message;
