import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import {
  readOfflineManifest,
  type OfflineManifest,
} from '../../src/integrations/offline-groups.ts';

/** A small build laid out as Astro, Vite and Pagefind lay out ours. */
const BUILD: Record<string, string> = {
  'index.html':
    '<link rel="stylesheet" href="/_astro/index.A1.css"><script type="module" src="/_astro/page.B2.js"></script>',
  'chapters/one/index.html': '<script type="module" src="/_astro/page.B2.js"></script><p>One</p>',
  'ja/chapters/one/index.html': '<script type="module" src="/_astro/page.B2.js"></script><p>一</p>',
  'labs/demo/index.html':
    '<script type="application/json" data-workbench-data>{"urls":{"start":"/lab-data/demo-start.a1.json","solution":"/lab-data/demo-solution.b2.json","type-check":"/lab-data/demo-type-check.c3.json"}}</script><script type="module" src="/_astro/LabWorkbench.C3.js"></script>',
  'labs/other/index.html':
    '<script type="application/json" data-workbench-data>{"urls":{"start":"/lab-data/other-start.d4.json"}}</script><script type="module" src="/_astro/LabWorkbench.C3.js"></script>',
  'lab-data/demo-start.a1.json': '{"starter":{"a.ts":"export const a = 1;"}}',
  'lab-data/demo-solution.b2.json': '{"solution":{"a.ts":"export const a = 2;"}}',
  'lab-data/demo-type-check.c3.json': '{"kitFiles":{}}',
  'lab-data/other-start.d4.json': '{"starter":{}}',
  'print/index.html': '<script type="module" src="/_astro/page.B2.js"></script><p>One</p>',
  'workshop/class-board/index.html':
    '<script type="module" src="/_astro/page.B2.js"></script><script type="module" src="/_astro/ClassBoard.J9.js"></script>',
  'ja/shared/index.html': '<script type="module" src="/_astro/SharedAttempt.K1.js"></script>',
  '_astro/ClassBoard.J9.js': 'import"./shared.E5.js";',
  '_astro/SharedAttempt.K1.js': 'export {}',
  'lab-sandbox/index.html': '<script src="/_astro/sandbox-runtime.D4.js"></script>',
  'lab-runtime/demo.js': 'startLabRuntime()',
  'lab-runtime/other.js': 'startLabRuntime()',
  '_astro/index.A1.css': 'body{}',
  '_astro/page.B2.js': 'import"./shared.E5.js";',
  '_astro/shared.E5.js': 'export const x=1;',
  '_astro/LabWorkbench.C3.js':
    'import"./shared.E5.js";new Worker(new URL("type-check.worker-F6.js",import.meta.url));const s="/lab-sandbox/";import("./codemirror.G7.js")',
  '_astro/type-check.worker-F6.js': 'import("./lib.es5.d-H8.js")',
  '_astro/lib.es5.d-H8.js': 'export default "declare var NaN: number;"',
  '_astro/codemirror.G7.js': 'export {}',
  '_astro/sandbox-runtime.D4.js': 'onmessage=()=>{}',
  'pagefind/pagefind.js': 'export {}',
  'pagefind/pagefind-ui.js': 'ui',
  'pagefind/index/en_1.pf_index': 'x',
  'pagefind/index/ja_1.pf_index': 'y',
  'icons/icon-512.png': 'png',
  'sw.js': 'worker',
  _headers: '/*',
  '404.html': 'not found',
  'ja/404.html': '見つかりません',
};

/** The builds written for these tests, removed when they are done (each run wrote nine). */
const writtenBuilds: string[] = [];
after(() => {
  for (const root of writtenBuilds) rmSync(root, { recursive: true, force: true });
});

function writeBuild(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'offline-groups-'));
  writtenBuilds.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Pages and scripts not stored for reading, nor with a lab, but with the whole guide. */
const WHOLE_GUIDE_ONLY = [
  '/print/',
  '/workshop/class-board/',
  '/ja/shared/',
  '/_astro/ClassBoard.J9.js',
  '/_astro/SharedAttempt.K1.js',
];

const urls = (entries: OfflineManifest['reading']) => entries.map((entry) => entry.url).sort();

/** What the manifest's `integrity` fields hold for `bytes`. */
const digest = (bytes: string | Buffer) =>
  `sha256-${createHash('sha256').update(bytes).digest('base64')}`;

describe('what the service worker stores, and when', () => {
  it('stores every reading page in both languages, styles, page scripts and the search index on the first visit', async () => {
    const { reading } = await readOfflineManifest(writeBuild(BUILD), '/');
    assert.deepEqual(urls(reading), [
      '/',
      '/_astro/index.A1.css',
      '/_astro/page.B2.js',
      '/_astro/shared.E5.js',
      '/chapters/one/',
      '/ja/chapters/one/',
      '/pagefind/index/en_1.pf_index',
      '/pagefind/index/ja_1.pf_index',
      '/pagefind/pagefind.js',
    ]);
  });

  it('keeps lab pages, the editor, the type checker, lab runtimes and the sandbox page for when a lab is opened', async () => {
    const { labs: onRequest, labPages } = await readOfflineManifest(writeBuild(BUILD), '/');
    const labs = onRequest.filter((entry) => !WHOLE_GUIDE_ONLY.includes(entry.url));
    const expected = [
      '/_astro/LabWorkbench.C3.js',
      '/_astro/codemirror.G7.js',
      '/_astro/lib.es5.d-H8.js',
      '/_astro/sandbox-runtime.D4.js',
      '/_astro/type-check.worker-F6.js',
      '/lab-data/demo-solution.b2.json',
      '/lab-data/demo-start.a1.json',
      '/lab-data/demo-type-check.c3.json',
      '/lab-runtime/demo.js',
      '/lab-sandbox/',
      '/labs/demo/',
    ];
    assert.deepEqual(
      urls(labs),
      [
        ...expected,
        '/lab-data/other-start.d4.json',
        '/lab-runtime/other.js',
        '/labs/other/',
      ].sort(),
    );
    // The page names its runtime nowhere (the workbench builds the URL from the lab's slug), yet
    // a lab opened once must run offline: its own runtime is stored with it, no other lab's.
    assert.deepEqual(labPages['/labs/demo/'].sort(), expected);
  });

  it("stores a lab's data files (its code) with that lab only, never on the first visit", async () => {
    const { reading, labs, labPages } = await readOfflineManifest(writeBuild(BUILD), '/');
    assert.deepEqual(
      reading.filter((entry) => entry.url.startsWith('/lab-data/')),
      [],
    );
    assert.deepEqual(
      urls(labs).filter((url) => url.startsWith('/lab-data/')),
      [
        '/lab-data/demo-solution.b2.json',
        '/lab-data/demo-start.a1.json',
        '/lab-data/demo-type-check.c3.json',
        '/lab-data/other-start.d4.json',
      ],
    );
    assert.deepEqual(
      labPages['/labs/other/'].filter((url) => url.startsWith('/lab-data/')),
      ['/lab-data/other-start.d4.json'],
    );
  });

  it('keeps the printable copy, the class board and the shared-attempt page (and their own scripts) for when the reader asks for the whole guide', async () => {
    const { reading, labs, labPages } = await readOfflineManifest(writeBuild(BUILD), '/');
    for (const url of WHOLE_GUIDE_ONLY) {
      assert.ok(
        labs.some((entry) => entry.url === url),
        url,
      );
      assert.ok(!reading.some((entry) => entry.url === url), url);
      assert.ok(!labPages['/labs/demo/'].includes(url), url);
    }
    // A script a reading page loads too stays with reading.
    assert.ok(reading.some((entry) => entry.url === '/_astro/shared.E5.js'));
  });

  it('gives each stored file the SHA-256 of its bytes, and a revision only where its name has no hash', async () => {
    const { reading } = await readOfflineManifest(writeBuild(BUILD), '/');
    const page = reading.find((entry) => entry.url === '/chapters/one/')!;
    const script = reading.find((entry) => entry.url === '/_astro/page.B2.js')!;
    assert.match(page.revision!, /^[0-9a-f]{16}$/);
    assert.equal(script.revision, null);
    assert.equal(script.integrity, digest(BUILD['_astro/page.B2.js']));
  });

  it("marks Pagefind's gzip files to be stored gunzipped, with the SHA-256 of the bytes stored", async () => {
    const index = Buffer.from('pagefind_dcd index words');
    const wasm = Buffer.from('pagefind_dcd wasm');
    const { reading } = await readOfflineManifest(
      writeBuild({
        ...BUILD,
        'pagefind/index/en_1.pf_index': gzipSync(index),
        'pagefind/wasm.en.pagefind': gzipSync(wasm),
      }),
      '/',
    );
    const entry = (url: string) => reading.find((candidate) => candidate.url === url)!;
    assert.equal(entry('/pagefind/index/en_1.pf_index').gunzippedIntegrity, digest(index));
    assert.equal(entry('/pagefind/wasm.en.pagefind').gunzippedIntegrity, digest(wasm));
    // The download is still the gzip file, checked against its own digest.
    assert.equal(entry('/pagefind/index/en_1.pf_index').integrity, digest(gzipSync(index)));
    // Pagefind's script is served as built, and so is a Pagefind file that is not gzip.
    assert.equal(entry('/pagefind/pagefind.js').gunzippedIntegrity, undefined);
    assert.equal(entry('/pagefind/index/ja_1.pf_index').gunzippedIntegrity, undefined);
  });

  it('changes only the entries of the files a rebuild changed', async () => {
    const before = await readOfflineManifest(writeBuild(BUILD), '/');
    const after = await readOfflineManifest(
      writeBuild({
        ...BUILD,
        'chapters/one/index.html': BUILD['chapters/one/index.html'].replace(
          'One',
          'One, and one more sentence.',
        ),
        'pagefind/index/en_1.pf_index': 'z',
      }),
      '/',
    );
    const changed = after.reading.filter(
      (entry) => !before.reading.some((old) => JSON.stringify(old) === JSON.stringify(entry)),
    );
    assert.deepEqual(urls(changed), ['/chapters/one/', '/pagefind/index/en_1.pf_index']);
    assert.deepEqual(after.labs, before.labs);
  });
});
