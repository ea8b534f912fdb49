import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { labsRoot, listLabSlugs, loadLab } from '../../labs/kit/labs.ts';
import { runFolder } from '../../labs/kit/run-folder.ts';
import { stackblitzProject } from '../../labs/kit/stackblitz-project.ts';
import { filesUnder, readKitFolder, readLabFolder } from '../helpers/lab-files.ts';
import rootPackage from '../../package.json' with { type: 'json' };

const run = promisify(execFile);
const slugs = await listLabSlugs();
const repoRoot = join(labsRoot, '..');

describe('every lab', () => {
  it('is found in labs/', () =>
    assert.ok(slugs.length > 0, 'no lab folders with a lab.ts under labs/'));

  for (const slug of slugs) {
    describe(slug, () => {
      it('has unique check ids, each tied to a declared exercise', async () => {
        const lab = await loadLab(slug);
        const ids = lab.checks.map((check) => check.id);
        assert.deepEqual([...new Set(ids)], ids, 'duplicate check ids');
        const exercises = new Set(lab.exercises.map((exercise) => exercise.number));
        for (const check of lab.checks)
          assert.ok(exercises.has(check.exercise), `${check.id} names exercise ${check.exercise}`);
      });

      it('solution passes every check', async () => {
        const lab = await loadLab(slug);
        const report = await runFolder(lab, join(labsRoot, slug, 'solution'));
        const failing = report.results.filter((result) => result.status !== 'pass');
        if (report.loadError) assert.fail(report.loadError.message);
        assert.deepEqual(
          failing.map((result) => `${result.id}: ${result.message?.en}`),
          [],
        );
      });

      it('starter fails every check', async () => {
        const lab = await loadLab(slug);
        const report = await runFolder(lab, join(labsRoot, slug, 'starter'));
        assert.equal(report.loadError, undefined, 'the starter must load');
        const passing = report.results
          .filter((result) => result.status === 'pass')
          .map((result) => result.id);
        assert.deepEqual(passing, [], 'checks that pass on the untouched starter');
      });

      it('starter and solution have the same files', async () => {
        const files = await readLabFolder(slug);
        assert.deepEqual(
          Object.keys(filesUnder(files, 'starter')).sort(),
          Object.keys(filesUnder(files, 'solution')).sort(),
        );
      });

      it('StackBlitz project lists every npm package the lab’s files import', async () => {
        const lab = await loadLab(slug);
        const labFiles = await readLabFolder(slug);
        const project = stackblitzProject({
          lab,
          labFiles,
          learnerFiles: filesUnder(labFiles, 'solution'),
          kitFiles: await readKitFolder(),
          packages: Object.fromEntries(
            [...(lab.packages ?? []), ...(lab.supportPackages ?? [])].map((name) => [
              name,
              (rootPackage.dependencies as Record<string, string>)[name],
            ]),
          ),
          tsxVersion: rootPackage.devDependencies.tsx,
        });
        const { dependencies = {}, devDependencies = {} } = JSON.parse(
          project.files['package.json'],
        );
        const imported = new Set<string>();
        for (const [path, text] of Object.entries(project.files)) {
          if (!path.endsWith('.ts')) continue;
          for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*'([^'.][^']*)'/g)) {
            if (specifier.startsWith('node:')) continue;
            imported.add(
              specifier
                .split('/')
                .slice(0, specifier.startsWith('@') ? 2 : 1)
                .join('/'),
            );
          }
        }
        const missing = [...imported].filter(
          (name) => !dependencies[name] && !devDependencies[name],
        );
        assert.deepEqual(
          missing,
          [],
          'imported by the project’s files but not in its package.json',
        );
      });

      it('StackBlitz project runs `npm test`: starter fails, solution passes', async () => {
        const lab = await loadLab(slug);
        const labFiles = await readLabFolder(slug);
        const sources = {
          lab,
          labFiles,
          kitFiles: await readKitFolder(),
          packages: Object.fromEntries(
            [...(lab.packages ?? []), ...(lab.supportPackages ?? [])].map((name) => [
              name,
              (rootPackage.dependencies as Record<string, string>)[name],
            ]),
          ),
          tsxVersion: rootPackage.devDependencies.tsx,
        };
        for (const [folder, shouldPass] of [
          ['starter', false],
          ['solution', true],
        ] as const) {
          const project = stackblitzProject({
            ...sources,
            learnerFiles: filesUnder(labFiles, folder),
          });
          assert.equal(
            project.files[
              'labs/' + slug + '/solution/' + Object.keys(filesUnder(labFiles, 'solution'))[0]
            ],
            undefined,
            'the solution must not be sent',
          );
          const dir = await mkdtemp(join(tmpdir(), `stackblitz-${slug}-`));
          try {
            for (const [path, text] of Object.entries(project.files)) {
              await mkdir(dirname(join(dir, path)), { recursive: true });
              await writeFile(join(dir, path), text);
            }
            await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
            const outcome = await run('npm', ['test'], { cwd: dir }).then(
              (result) => ({ code: 0, stdout: result.stdout }),
              (error: { code: number; stdout: string }) => ({
                code: error.code,
                stdout: error.stdout,
              }),
            );
            assert.equal(
              outcome.code === 0,
              shouldPass,
              `${folder}: npm test exited ${outcome.code}\n${outcome.stdout}`,
            );
            assert.match(outcome.stdout, /\d+ passed, \d+ failed/);
          } finally {
            await rm(dir, { recursive: true, force: true });
          }
        }
      });
    });
  }
});
