import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { basePath, listBuiltFiles, urlPathOf } from './built-files.ts';

/** Files a reader never needs offline: host configuration and crawler files. */
const NOT_PRECACHED = [/^_headers$/, /^_redirects$/, /^sitemap.*\.xml$/, /^robots\.txt$/, /^sw\.js$/, /^404\.html$/];

/**
 * Writes `sw.js` into the build: a service worker that stores every page, asset and the Pagefind
 * index on the first visit. Listed after Starlight so that Pagefind's index already exists.
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
        const files = (await listBuiltFiles(root)).filter((path) => !NOT_PRECACHED.some((pattern) => pattern.test(path)));
        const hash = createHash('sha256');
        for (const file of files) hash.update(file).update(await readFile(join(root, file)));
        const version = hash.digest('hex').slice(0, 16);
        const urls = files.map((file) => urlPathOf(base, file));
        const template = await readFile(new URL('./service-worker.js', import.meta.url), 'utf8');
        const header = `const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(urls)};\n`;
        await writeFile(join(root, 'sw.js'), header + template);
        logger.info(`sw.js precaches ${urls.length} files (version ${version})`);
      },
    },
  };
}
