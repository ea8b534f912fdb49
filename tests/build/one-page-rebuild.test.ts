// Builds the site twice, the second time with one sentence added to one chapter, and compares
// what the two service workers store: a returning reader downloads exactly the entries that
// differ, so any output that changes without its source changing (unstable highlighting, a
// size stated on other pages) shows here. Both builds go to a temporary directory, `dist/` is
// never touched, and the chapter's source is restored whatever happens. About two builds' time;
// nothing else may build in this checkout meanwhile (it would see the added sentence).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  manifestOf,
  type OfflineEntry,
  type OfflineManifest,
} from '../../src/integrations/offline-groups.ts';

const PROJECT = join(import.meta.dirname, '..', '..');
const CHAPTER = {
  source: join(PROJECT, 'src/content/docs/chapters/lambda-tuning.mdx'),
  url: '/chapters/lambda-tuning/',
};

/**
 * What else a one-sentence edit of an English chapter may change: the printable copy (it holds
 * every chapter) and the English search index (Pagefind rewrites the chunks that hold the page's
 * words, and the files that name them).
 */
const ALSO_CHANGED = [
  /^\/print\/$/,
  /^\/pagefind\/(index|fragment)\/en_/,
  /^\/pagefind\/pagefind\.en_/,
  /^\/pagefind\/pagefind-entry\.json$/,
];

const scratch = mkdtempSync(join(tmpdir(), 'one-page-rebuild-'));

function build(name: string): OfflineManifest {
  const outDir = join(scratch, name);
  const run = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    cwd: PROJECT,
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, `astro build --outDir ${outDir} failed:\n${run.stderr}`);
  return manifestOf(readFileSync(join(outDir, 'sw.js'), 'utf8'));
}

const byUrl = (manifest: OfflineManifest) =>
  new Map([...manifest.reading, ...manifest.labs].map((entry) => [entry.url, entry]));
const sameFile = (a: OfflineEntry | undefined, b: OfflineEntry) =>
  a?.integrity === b.integrity && a.revision === b.revision;

describe('a rebuild that changes one chapter', { timeout: 600_000 }, () => {
  let first: OfflineManifest;
  let second: OfflineManifest;

  before(() => {
    first = build('first');
    const source = readFileSync(CHAPTER.source, 'utf8');
    try {
      writeFileSync(
        CHAPTER.source,
        `${source.trimEnd()}\n\nThis sentence was added to see what a rebuild costs a returning reader.\n`,
      );
      second = build('second');
    } finally {
      writeFileSync(CHAPTER.source, source);
    }
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('changes that chapter’s entry and its search chunks, and no other stored file', () => {
    const old = byUrl(first);
    const changed = [...byUrl(second).values()]
      .filter((entry) => !sameFile(old.get(entry.url), entry))
      .map((entry) => entry.url);
    assert.ok(changed.includes(CHAPTER.url), `${CHAPTER.url} should have a new revision`);
    assert.deepEqual(
      changed.filter(
        (url) => url !== CHAPTER.url && !ALSO_CHANGED.some((allowed) => allowed.test(url)),
      ),
      [],
      'entries changed although their sources did not: a returning reader would download them again',
    );
  });
});
