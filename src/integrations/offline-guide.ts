import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'vite';
import { basePath, listBuiltFiles } from './built-files.ts';
import { OFFLINE_SIZE_MARK } from '../lib/offline-messages.ts';
import { manifestLine, readOfflineManifest, type OfflineManifest } from './offline-groups.ts';

/**
 * Writes `sw.js` into the build: Workbox precaching with revisioned entries (a returning reader
 * downloads only files whose content changed) and a SHA-256 per stored file, in two groups (see
 * `offline-groups.ts`). Listed after Starlight so that Pagefind's index already exists.
 *
 * The manifest is made here rather than by `workbox-build`: its revisions are MD5 and it has no
 * notion of the two groups, while this build needs a SHA-256 per file anyway; Workbox's runtime
 * (precaching, routing, strategies) is bundled as is.
 */
export function offlineGuide(): AstroIntegration {
  let base = '/';
  return {
    name: 'offline-guide',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = basePath(config);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const labsOnly = await readOfflineManifest(root, base);
        await writeGuideSize(root, labsOnly);
        const manifest = await readOfflineManifest(root, base);
        await writeFile(
          join(root, 'sw.js'),
          `${manifestLine(manifest)}\n${await bundleServiceWorker()}`,
        );
        const megabytes = (entries: OfflineManifest['reading']) =>
          (entries.reduce((sum, entry) => sum + entry.size, 0) / 1e6).toFixed(1);
        logger.info(
          `sw.js stores ${manifest.reading.length} files for reading (${megabytes(manifest.reading)} MB) on the first visit, ` +
            `${manifest.labs.length} for the labs (${megabytes(manifest.labs)} MB) on request`,
        );
      },
    },
  };
}

/**
 * Sizes are rounded up to this step (bytes): a planner needs "about how much", and a figure that
 * moved with every sentence would make a one-page rebuild change the pages that state it too
 * (the home and workshop pages), costing every returning reader those pages.
 */
const SIZE_STEP = 500_000;

/** Megabytes, rounded up to `SIZE_STEP`, times `learners`: `4.5`, `135`. */
const megabytesFor = (bytes: number, learners = 1) =>
  String(Number(((Math.ceil(bytes / SIZE_STEP) * SIZE_STEP * learners) / 1e6).toFixed(1)));

/**
 * Fills in "Make the whole guide available offline — N MB" on the pages that offer it, and the
 * workshop page's download sizes (`offlineSizeMark`).
 */
async function writeGuideSize(root: string, manifest: OfflineManifest): Promise<void> {
  const sum = (entries: OfflineManifest['reading']) =>
    entries.reduce((total, entry) => total + entry.size, 0);
  const bytes = { reading: sum(manifest.reading), all: sum(manifest.reading) + sum(manifest.labs) };
  for (const file of (await listBuiltFiles(root)).filter((path) => path.endsWith('.html'))) {
    const html = await readFile(join(root, file), 'utf8');
    const filled = html
      .replaceAll(OFFLINE_SIZE_MARK, megabytesFor(bytes.all))
      .replace(
        /\{\{offline-size:(reading|all):(\d+)\}\}/g,
        (_, group: 'reading' | 'all', learners: string) =>
          megabytesFor(bytes[group], Number(learners)),
      );
    if (filled !== html) await writeFile(join(root, file), filled);
  }
}

async function bundleServiceWorker(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      lib: {
        entry: fileURLToPath(new URL('./service-worker.ts', import.meta.url)),
        formats: ['iife'],
        name: 'guideServiceWorker',
      },
    },
  });
  const [result] = Array.isArray(output) ? output : [output];
  if (!('output' in result))
    throw new Error('offline-guide: bundling the service worker returned no output.');
  return result.output[0].code;
}
