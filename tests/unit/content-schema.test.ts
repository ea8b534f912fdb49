import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const repoRoot = join(import.meta.dirname, '..', '..');
const skipped = new Set([
  'node_modules',
  'dist',
  '.git',
  '.astro',
  'test-results',
  'playwright-report',
  'bench-results',
]);

/** Builds a throwaway copy of the site in which `edit` has changed one chapter's frontmatter. */
async function buildWithBrokenChapter(chapter: string, edit: (text: string) => string) {
  const dir = await mkdtemp(join(tmpdir(), 'schema-'));
  try {
    await cp(repoRoot, dir, {
      recursive: true,
      filter: (source) => !skipped.has(relative(repoRoot, source).split(/[\\/]/)[0]),
    });
    await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const file = join(dir, 'src/content/docs/chapters', chapter);
    await writeFile(file, edit(await readFile(file, 'utf8')));
    return await promisify(execFile)('npx', ['astro', 'build'], { cwd: dir }).then(
      () => ({ failed: false, output: '' }),
      (error: { stdout: string; stderr: string }) => ({
        failed: true,
        output: `${error.stdout}\n${error.stderr}`,
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('chapter frontmatter', () => {
  it('a chapter without a speaker fails the build, naming the file and the field', async () => {
    const result = await buildWithBrokenChapter('opening.mdx', (text) =>
      text.replace(/^ {2}speaker:.*\n/m, ''),
    );
    assert.ok(result.failed, 'the build should fail');
    assert.match(result.output, /chapters\/opening/);
    assert.match(result.output, /talk\.speaker/);
  });

  it('a chapter pointing at a lab that does not exist fails the build, naming the field', async () => {
    const result = await buildWithBrokenChapter('lambda-tuning.mdx', (text) =>
      text.replace(/^ {2}lab: .*$/m, '  lab: lambda-tunning'),
    );
    assert.ok(result.failed, 'the build should fail');
    assert.match(result.output, /chapters\/lambda-tuning/);
    assert.match(result.output, /talk\.lab/);
  });
});
