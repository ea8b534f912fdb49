// `npm test`: unit tests, a type check, a production build, HTML validation and the browser tests,
// then one summary a contributor can read at a glance (counts per kind and the five slowest browser
// tests).
// Every step runs even when an earlier test step failed, so one run tells the whole story; only a
// failed build stops the steps that need it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  summarizeBrowserRun,
  type BrowserSummary,
  type TestTiming,
} from './test-summary/browser-report.ts';

const resultsDir = 'test-results/summary';
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const { status } = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return status ?? 1;
}

/** Runs a step whose output the summary reads: shown as it is, and handed back with the exit code. */
function runAndRead(command: string, args: string[]): { stdout: string; exit: number } {
  const { stdout, status } = spawnSync(command, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(stdout);
  return { stdout, exit: status ?? 1 };
}

const unitTap = join(resultsDir, 'unit.tap');
const unitExit = run('node', [
  '--test',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  `--test-reporter-destination=${unitTap}`,
  'tests/unit/**/*.test.ts',
  'labs/**/*.test.ts',
  'tests/build/**/*.test.ts',
]);
const unit = countTap(unitTap);

// `astro check` type-checks the components and scripts the build only strips of their types: a
// UI string looked up but missing from the strings schema, or an event read as the wrong kind, is
// caught here rather than by a reader.
// A run that fails without its count of errors counts as one.
const typesRun = runAndRead('npx', ['astro', 'check']);
const typeErrorsCounted = Number(/^- (\d+) errors?$/m.exec(typesRun.stdout)?.[1] ?? 1);
const typeErrors = typesRun.exit === 0 ? typeErrorsCounted : Math.max(typeErrorsCounted, 1);

const buildExit = run('npm', ['run', 'build']);
let html: { valid: number; total: number; exit: number } | undefined;
let browser: BrowserSummary | undefined;
let browserExit = 1;
if (buildExit === 0) {
  const htmlRun = runAndRead('node', ['scripts/validate-html.ts']);
  const counted = /(\d+) of (\d+) pages are valid HTML/.exec(htmlRun.stdout);
  html = { valid: Number(counted?.[1] ?? 0), total: Number(counted?.[2] ?? 0), exit: htmlRun.exit };

  const browserJson = join(resultsDir, 'browser.json');
  browserExit = run('npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: browserJson,
  });
  try {
    browser = summarizeBrowserRun(JSON.parse(readFileSync(browserJson, 'utf8')));
  } catch {
    browser = undefined;
  }
}

const lines = ['', 'Test summary'];
lines.push(`  unit     ${unit.passed} passed, ${unit.failed} failed`);
lines.push(`  types    ${typeErrors === 0 ? 'no errors' : `${typeErrors} error(s) (astro check)`}`);
lines.push(
  buildExit === 0 ? '  build    done' : '  build    FAILED: HTML and browser tests did not run',
);
if (html) lines.push(`  html     ${html.valid} of ${html.total} pages valid`);
if (browser) {
  lines.push(
    `  browser  ${browser.passed} passed, ${browser.failed} failed, ${browser.skipped} skipped, ${browser.flaky} flaky (${(browser.durationMs / 60_000).toFixed(1)} min)`,
  );
  for (const error of browser.errorsOutsideTests)
    lines.push(`  browser  error outside any test: ${error}`);
  for (const title of browser.notRun) lines.push(`  browser  did not run: ${title}`);
  lines.push('  slowest browser tests (time / its timeout):');
  for (const slow of browser.slowest) {
    lines.push(timingLine(slow));
  }
  lines.push(`  over a third of their timeout: ${browser.overAThird.length}`);
  for (const tight of browser.overAThird) lines.push(timingLine(tight));
} else if (buildExit === 0) {
  lines.push('  browser  no report (Playwright did not finish)');
}
const passed = unit.passed + (html?.valid ?? 0) + (browser?.passed ?? 0);
const failed =
  unit.failed +
  typeErrors +
  (html ? html.total - html.valid : 0) +
  (browser?.failed ?? 0) +
  (browser ? browser.notRun.length + browser.errorsOutsideTests.length : 0) +
  (buildExit === 0 ? 0 : 1) +
  (buildExit === 0 && !browser ? 1 : 0);
lines.push('', `${passed} passed, ${failed} failed`);
console.log(lines.join('\n'));

const exits = [unitExit, typesRun.exit, buildExit, html?.exit ?? 1, browserExit];
process.exit(exits.every((exit) => exit === 0) && failed === 0 ? 0 : 1);

/** One test's time beside its timeout, as the summary lists it. */
function timingLine(timing: TestTiming): string {
  return `    ${(timing.durationMs / 1000).toFixed(1).padStart(5)} s / ${timing.timeoutMs / 1000} s  ${timing.title}`;
}

/** Totals from the TAP stream node's test runner writes (`# pass N`, `# fail N`). */
function countTap(file: string): { passed: number; failed: number } {
  let tap: string;
  try {
    tap = readFileSync(file, 'utf8');
  } catch {
    return { passed: 0, failed: 1 };
  }
  const total = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  return { passed: total('pass'), failed: total('fail') + total('cancelled') };
}
