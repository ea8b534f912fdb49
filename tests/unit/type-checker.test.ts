import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createTypeChecker } from '../../src/lib/type-check/type-checker.ts';
import { labsRoot, listLabSlugs, loadLab } from '../../labs/kit/labs.ts';
import { filesUnder, readKitFolder, readLabFolder, readTree } from '../helpers/lab-files.ts';

const typescriptLib = join(labsRoot, '..', 'node_modules', 'typescript', 'lib');
const standardLibrary = Object.fromEntries(
  readdirSync(typescriptLib)
    .filter((file) => /^lib\..*\.d\.ts$/.test(file))
    .map((file) => [`/${file}`, readFileSync(join(typescriptLib, file), 'utf8')]),
);

/** Package typings where the checker's module resolution looks for them, as the page loads them. */
async function packageTypings(packages: string[]): Promise<Record<string, string>> {
  const typings: Record<string, string> = {};
  for (const name of packages) {
    const root = join(labsRoot, '..', 'node_modules', name);
    typings[`/node_modules/${name}/package.json`] = readFileSync(
      join(root, 'package.json'),
      'utf8',
    );
    for (const [path, text] of Object.entries(await readTree(join(root, 'dist', 'types')))) {
      typings[`/node_modules/${name}/dist/types/${path}`] = text;
    }
  }
  return typings;
}

async function checkerForLab(slug: string) {
  const lab = await loadLab(slug);
  const checker = createTypeChecker({
    ...standardLibrary,
    ...(await packageTypings(lab.packages ?? [])),
  });
  for (const [path, text] of Object.entries(await readKitFolder()))
    checker.setFile(`/labs/kit/${path}`, text);
  const labFiles = await readLabFolder(slug);
  for (const [path, text] of Object.entries(labFiles)) {
    if (path.startsWith('support/')) checker.setFile(`/labs/${slug}/${path}`, text);
  }
  return { checker, labFiles };
}

describe('the in-browser type checker', () => {
  it('finds no error in the Lambda lab solution', async () => {
    const { checker, labFiles } = await checkerForLab('lambda-tuning');
    checker.setFile(
      '/labs/lambda-tuning/starter/concurrency.ts',
      labFiles['solution/concurrency.ts'],
    );
    assert.deepEqual(checker.check('/labs/lambda-tuning/starter/concurrency.ts'), []);
  });

  it('reports a type error at the line it is on, and clears it once fixed', async () => {
    const { checker, labFiles } = await checkerForLab('lambda-tuning');
    const path = '/labs/lambda-tuning/starter/concurrency.ts';
    const lines = labFiles['solution/concurrency.ts'].split('\n');
    const target = lines.findIndex((line) => line.includes('return required > limit;'));
    lines[target] = lines[target].replace('limit', "'1000'");
    checker.setFile(path, lines.join('\n'));
    const [diagnostic, ...rest] = checker.check(path);
    assert.equal(rest.length, 0);
    assert.equal(diagnostic.line, target + 1);
    assert.match(diagnostic.message, /cannot be applied to types 'number' and 'string'/);

    checker.setFile(path, labFiles['solution/concurrency.ts']);
    assert.deepEqual(checker.check(path), []);
  });

  it('knows the globals a worker gives learner code, and reports the DOM as missing', async () => {
    const { checker } = await checkerForLab('lambda-tuning');
    const path = '/labs/lambda-tuning/starter/concurrency.ts';
    checker.setFile(
      path,
      [
        "const bytes: Uint8Array = new TextEncoder().encode('x');",
        'setTimeout(() => console.log(bytes, new URL("https://example.com").host, crypto.randomUUID()), 1);',
        'document.title = "x";',
      ].join('\n'),
    );
    const errors = checker.check(path);
    assert.deepEqual(
      errors.map((error) => error.line),
      [3],
    );
    assert.match(errors[0].message, /Cannot find name 'document'/);
  });
});

describe('every lab type-checks as learners see it', async () => {
  for (const slug of await listLabSlugs()) {
    for (const folder of ['starter', 'solution']) {
      it(`${slug}: the ${folder} files have no type errors`, async () => {
        const { checker, labFiles } = await checkerForLab(slug);
        const files = filesUnder(labFiles, folder);
        for (const [name, text] of Object.entries(files))
          checker.setFile(`/labs/${slug}/starter/${name}`, text);
        const errors = Object.keys(files).flatMap((name) =>
          checker
            .check(`/labs/${slug}/starter/${name}`)
            .map((error) => `${name}:${error.line} ${error.message}`),
        );
        assert.deepEqual(errors, []);
      });
    }
  }
});
