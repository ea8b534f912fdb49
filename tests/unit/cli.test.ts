import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { labsRoot, loadLab } from '../../labs/kit/labs.ts';

const run = promisify(execFile);
const CLI = join(labsRoot, 'kit', 'cli.ts');
const SLUG = 'lambda-tuning';
const lab = await loadLab(SLUG);
const folders: string[] = [];
after(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

/** Runs `npm run lab -- <args>` as a learner would, and returns how it ended. */
async function labCli(...args: string[]) {
  return run(process.execPath, [CLI, ...args], {
    env: { ...process.env, LANG: 'en_US.UTF-8' },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

/** A learner folder holding one `concurrency.ts` with `source`. */
async function learnerFolder(source: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'cli-learner-'));
  folders.push(folder);
  await writeFile(join(folder, 'concurrency.ts'), source);
  return folder;
}

const everyCheckPassing = JSON.stringify({
  type: 'report',
  report: {
    lab: SLUG,
    results: lab.checks.map(({ id, exercise, title }) => ({
      id,
      exercise,
      title,
      hints: [],
      status: 'pass',
    })),
  },
});

describe('the lab CLI', { concurrency: true }, () => {
  it('prints the seed it ran with, and the same seed repeats the run exactly', async () => {
    const first = await labCli(SLUG, '--seed', '42');
    const second = await labCli(SLUG, '--seed', '42');
    assert.equal(first.code, 1);
    assert.match(first.stdout, /Seed 42 \(add --seed 42 to repeat this run/);
    assert.equal(second.stdout, first.stdout);
  });

  it('passes the solution under a given seed with exit code 0', async () => {
    const outcome = await labCli(SLUG, '--solution', '--seed', '7');
    assert.equal(outcome.code, 0, outcome.stdout);
    assert.match(outcome.stdout, new RegExp(`${lab.checks.length} passed, 0 failed`));
  });

  it('refuses a seed that is not a whole number, in one line', async () => {
    const outcome = await labCli(SLUG, '--seed', 'abc');
    assert.equal(outcome.code, 2);
    assert.equal(outcome.stderr.trim(), '--seed needs a whole number from 0 to 999999, got "abc".');
  });

  it('says in one line that a --dir folder does not exist, and runs nothing', async () => {
    const missing = join(tmpdir(), 'no-such-lab-folder');
    const outcome = await labCli(SLUG, '--dir', missing);
    assert.equal(outcome.code, 2);
    assert.equal(outcome.stdout, '');
    assert.equal(
      outcome.stderr.trim(),
      `--dir: no folder at ${missing}. Give the folder that holds your lab files, e.g. --dir labs/${SLUG}/starter.`,
    );
  });

  it('stops a loop at the top level of a learner file and names the file', async () => {
    const outcome = await labCli(SLUG, '--dir', await learnerFolder('while (true) {}\n'));
    assert.equal(outcome.code, 1);
    assert.match(
      outcome.stdout,
      /Could not load concurrency\.ts: stopped after 5 s: the top level of this file never finished/,
    );
    assert.match(outcome.stdout, new RegExp(`0 passed, ${lab.checks.length} failed`));
  });

  it('never reports success when learner code calls process.exit(0) while loading', async () => {
    const outcome = await labCli(SLUG, '--dir', await learnerFolder('process.exit(0);\n'));
    assert.equal(outcome.code, 1);
    assert.match(outcome.stdout, /The check runner stopped before it reported \(exit code 0\)/);
    assert.doesNotMatch(outcome.stdout, /passed, \d+ failed/);
  });

  it('never reports success when learner code calls process.exit(0) inside a check', async () => {
    const outcome = await labCli(
      SLUG,
      '--dir',
      await learnerFolder('export function concurrencyForRequests() {\n  process.exit(0);\n}\n'),
    );
    assert.equal(outcome.code, 1);
    assert.match(outcome.stdout, /stopped before it reported \(exit code 0\)/);
  });

  it('refuses a report forged with process.send, even one where every check passes', async () => {
    const outcome = await labCli(
      SLUG,
      '--dir',
      await learnerFolder(`process.send(${everyCheckPassing});\n`),
    );
    assert.equal(outcome.code, 1);
    assert.match(
      outcome.stdout,
      /received a message it did not send \(does your code call process\.send\?\)/,
    );
    assert.doesNotMatch(outcome.stdout, /passed, \d+ failed/);
  });

  it('says the runner crashed when learner code kills it mid-run', async () => {
    const outcome = await labCli(
      SLUG,
      '--dir',
      await learnerFolder(
        "export function concurrencyForRequests() {\n  process.kill(process.pid, 'SIGKILL');\n}\n",
      ),
    );
    assert.equal(outcome.code, 1);
    assert.match(outcome.stdout, /stopped before it reported \(signal SIGKILL\)/);
  });
});
