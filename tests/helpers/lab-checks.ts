/**
 * What every lab's unit tests do with its checks: run a learner folder or learner files under
 * seeds, name the checks that fail, and make one realistic mistake in the reference solution,
 * either in its text (as a learner would type it) or by replacing some of its exports.
 */
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { labsRoot, loadLab } from '../../labs/kit/labs.ts';
import { loadFolder } from '../../labs/kit/load-folder.ts';
import { loadSources } from '../../labs/kit/load-sources.ts';
import { runChecks } from '../../labs/kit/run-checks.ts';
import type { Lab, LearnerModules, RunReport } from '../../labs/kit/types.ts';

/** Seeds 1…50: enough runs that a case drawn badly shows, each repeatable with `--seed`. */
export const SEEDS = Array.from({ length: 50 }, (_, index) => index + 1);

/** Ids of the checks a report does not pass. */
const failingIn = (report: RunReport) =>
  report.results.filter((result) => result.status !== 'pass').map((result) => result.id);

/** A lab folder's learner files (`solution`, `starter`), loaded as the CLI loads them. */
export async function loadLearnerFolder(slug: string, folder: string): Promise<LearnerModules> {
  const loaded = await loadFolder(join(labsRoot, slug, folder));
  if ('loadError' in loaded) throw new Error(`${slug}/${folder}: ${loaded.loadError.message}`);
  return loaded.modules;
}

/**
 * The ids of the checks that do not pass for `modules` in a run drawn from `seed`; with `only`,
 * just that check runs (a lab's slow simulations then run only where they are under test).
 */
export async function failingChecks(
  lab: Lab,
  modules: LearnerModules,
  seed: number,
  only?: string,
): Promise<string[]> {
  const checks = only === undefined ? lab.checks : lab.checks.filter((check) => check.id === only);
  if (checks.length === 0) throw new Error(`${lab.slug} has no check ${only}.`);
  return failingIn(await runChecks({ ...lab, checks }, modules, { seed }));
}

/** The reference solution passes every check and the starter fails every check, under `SEEDS`. */
export function describeUnderManySeeds(lab: Lab): void {
  describe(`${lab.slug} under many seeds`, () => {
    it('passes every check with the reference solution, whatever the seed', async () => {
      const solution = await loadLearnerFolder(lab.slug, 'solution');
      for (const seed of SEEDS) {
        assert.deepEqual(await failingChecks(lab, solution, seed), [], `seed ${seed}`);
      }
    });

    it('fails every check with the starter, whatever the seed', async () => {
      const starter = await loadLearnerFolder(lab.slug, 'starter');
      const ids = lab.checks.map((check) => check.id);
      for (const seed of SEEDS) {
        assert.deepEqual(await failingChecks(lab, starter, seed), ids, `seed ${seed}`);
      }
    });
  });
}

/** `modules` with some exports of one file replaced: the reference solution with one mistake. */
export function withExportMistake(
  modules: LearnerModules,
  file: string,
  exports: Record<string, unknown>,
): LearnerModules {
  return { ...modules, [file]: { ...modules[file], ...exports } };
}

/** `files` with one realistic mistake: `from` (which must occur exactly once in `file`) replaced by `to`. */
export function withTextMistake(
  files: Record<string, string>,
  file: string,
  from: string,
  to: string,
): Record<string, string> {
  const source = files[file];
  assert.equal(
    source?.split(from).length,
    2,
    `${file} must contain exactly one ${JSON.stringify(from)}`,
  );
  return { ...files, [file]: source.replace(from, () => to) };
}

/** What the page's loader provides a lab's learner files: its support modules and npm packages. */
async function providedFor(slug: string): Promise<Record<string, unknown>> {
  const provided: Record<string, unknown> = {};
  const supportDir = join(labsRoot, slug, 'support');
  for (const file of await readdir(supportDir)) {
    provided[`support/${file}`] = await import(pathToFileURL(join(supportDir, file)).href);
  }
  for (const name of (await loadLab(slug)).packages ?? []) provided[name] = await import(name);
  return provided;
}

/** Runs a lab's checks on learner files given as text, loaded the way the page loads them. */
export async function runLabFiles(
  slug: string,
  files: Record<string, string>,
  seed: number,
): Promise<RunReport> {
  const loaded = loadSources(files, await providedFor(slug));
  if ('loadError' in loaded)
    throw new Error(`${loaded.loadError.file}: ${loaded.loadError.message}`);
  return runChecks(await loadLab(slug), loaded.modules, { seed });
}

/** A wrong solution, as learner files, and the check that must catch it. */
export interface WrongSolution {
  name: string;
  caughtBy: string;
  files: Record<string, string>;
}

/** Asserts that `wrong` fails the check it names under each of a few seeds. */
export async function assertCaught(
  slug: string,
  wrong: WrongSolution,
  seeds = SEEDS.slice(0, 3),
): Promise<void> {
  for (const seed of seeds) {
    const report = await runLabFiles(slug, wrong.files, seed);
    assert.ok(
      report.results.some((result) => result.id === wrong.caughtBy),
      `${slug} has no check ${wrong.caughtBy}`,
    );
    assert.ok(
      failingIn(report).includes(wrong.caughtBy),
      `seed ${seed}: ${wrong.caughtBy} passed; failing: ${failingIn(report).join(', ') || 'none'}`,
    );
  }
}
