import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { labsRoot } from '../../labs/kit/labs.ts';
import { loadFolder } from '../../labs/kit/load-folder.ts';
import { runChecks } from '../../labs/kit/run-checks.ts';
import type { Lab, LearnerModules, RunReport } from '../../labs/kit/types.ts';

/** A lab folder's learner files, loaded as the CLI loads them; throws if one does not load. */
export async function loadSolution(dir: string): Promise<LearnerModules> {
  const loaded = await loadFolder(dir);
  if ('loadError' in loaded) throw new Error(`${dir}: ${loaded.loadError.message}`);
  return loaded.modules;
}

/** `modules` with some exports of one file replaced: the reference solution with one mistake. */
export function withMistake(
  modules: LearnerModules,
  file: string,
  exports: Record<string, unknown>,
): LearnerModules {
  return { ...modules, [file]: { ...modules[file], ...exports } };
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
  const report: RunReport = await runChecks({ ...lab, checks }, modules, { seed });
  return report.results.filter((result) => result.status !== 'pass').map((result) => result.id);
}

/** Seeds 1…count: a fixed spread of runs, so a failing seed can be repeated with `--seed`. */
export const seedsUpTo = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

/** The reference solution passes every check and the starter fails every check, under seeds 1…50. */
export function describeUnderManySeeds(lab: Lab): void {
  describe(`${lab.slug} under many seeds`, () => {
    it('passes every check with the reference solution, whatever the seed', async () => {
      const solution = await loadSolution(join(labsRoot, lab.slug, 'solution'));
      for (const seed of seedsUpTo(50)) {
        assert.deepEqual(await failingChecks(lab, solution, seed), [], `seed ${seed}`);
      }
    });

    it('fails every check with the starter, whatever the seed', async () => {
      const starter = await loadSolution(join(labsRoot, lab.slug, 'starter'));
      const ids = lab.checks.map((check) => check.id);
      for (const seed of seedsUpTo(50)) {
        assert.deepEqual(await failingChecks(lab, starter, seed), ids, `seed ${seed}`);
      }
    });
  });
}
