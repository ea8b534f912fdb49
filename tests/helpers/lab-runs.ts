import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { labsRoot, loadLab } from '../../labs/kit/labs.ts';
import { loadFolder } from '../../labs/kit/load-folder.ts';
import { loadSources } from '../../labs/kit/load-sources.ts';
import { runChecks } from '../../labs/kit/run-checks.ts';
import type { RunReport } from '../../labs/kit/types.ts';

/** The seeds a lab's solution and starter are run under: enough that a case drawn badly shows. */
export const SEEDS = Array.from({ length: 50 }, (_, index) => index + 1);

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

/** Runs a lab folder (`solution`, `starter`) under every seed of `SEEDS`: one report per seed. */
export async function runFolderUnderSeeds(slug: string, folder: string): Promise<RunReport[]> {
  const lab = await loadLab(slug);
  const loaded = await loadFolder(join(labsRoot, slug, folder));
  if ('loadError' in loaded) throw new Error(`${slug}/${folder}: ${loaded.loadError.message}`);
  const reports: RunReport[] = [];
  for (const seed of SEEDS) reports.push(await runChecks(lab, loaded.modules, { seed }));
  return reports;
}

/** Ids of the checks a report does not pass. */
export const failingChecks = (report: RunReport) =>
  report.results.filter((result) => result.status !== 'pass').map((result) => result.id);

/** `files` with one realistic mistake: `from` (which must occur exactly once in `file`) replaced by `to`. */
export function withMistake(
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

/** A wrong solution and the check that must catch it. */
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
      failingChecks(report).includes(wrong.caughtBy),
      `seed ${seed}: ${wrong.caughtBy} passed; failing: ${failingChecks(report).join(', ') || 'none'}`,
    );
  }
}
