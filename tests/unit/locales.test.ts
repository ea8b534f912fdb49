import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import yaml from 'js-yaml';

const docsDir = join(import.meta.dirname, '..', '..', 'src', 'content', 'docs');

async function pagesUnder(dir: string): Promise<string[]> {
  const files = await readdir(dir, { recursive: true, encoding: 'utf8' });
  return files.filter((file) => /\.mdx?$/.test(file)).map((file) => file.split('\\').join('/'));
}

async function frontmatter(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(join(docsDir, file), 'utf8');
  const block = /^---\n([\s\S]*?)\n---/.exec(text);
  assert.ok(block, `${file} has no frontmatter block`);
  return yaml.load(block[1]) as Record<string, unknown>;
}

const all = await pagesUnder(docsDir);
const english = all.filter((file) => !file.startsWith('ja/'));
const japanese = all
  .filter((file) => file.startsWith('ja/'))
  .map((file) => file.slice('ja/'.length));

describe('English and Japanese pages', () => {
  it('every English page has a Japanese twin at the same path', () => {
    const missing = english.filter((file) => !japanese.includes(file));
    assert.deepEqual(missing, [], `write src/content/docs/ja/<path> for each of these`);
  });

  it('every Japanese page has an English original at the same path', () => {
    const orphans = japanese.filter((file) => !english.includes(file));
    assert.deepEqual(orphans, [], `rename or remove these under src/content/docs/ja/`);
  });

  for (const file of english.filter((path) => japanese.includes(path))) {
    it(`${file}: the Japanese twin has the same talk, lab and sidebar order`, async () => {
      const [en, ja] = await Promise.all([frontmatter(file), frontmatter(`ja/${file}`)]);
      for (const field of ['talk', 'lab', 'template']) {
        assert.deepEqual(ja[field], en[field], `"${field}" differs between ${file} and ja/${file}`);
      }
      assert.deepEqual(
        (ja.sidebar as { order?: number } | undefined)?.order,
        (en.sidebar as { order?: number } | undefined)?.order,
        `sidebar.order differs between ${file} and ja/${file}`,
      );
    });
  }
});
