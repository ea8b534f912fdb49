import { readdir, rename, rmdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** A locale's folder at the top of the build (`ja`, `pt-br`). */
const LOCALE_FOLDER = /^[a-z]{2}(-[a-z]{2})?$/;

/**
 * Puts each language's not-found page where static hosts look for one. Astro writes the page of
 * the route `/404` as `404.html`, but that of `/ja/404` (`src/pages/ja/404.astro`) as an ordinary
 * page, `ja/404/index.html`, which no host serves for a missing address. It becomes `ja/404.html`:
 * the nearest not-found page for every address under /ja/, which is what Cloudflare Pages and the
 * workshop pack's server answer with (Netlify has the same from `netlify.toml`). Runs before the
 * integrations that list the built pages.
 */
export function notFoundPages(): AstroIntegration {
  return {
    name: 'not-found-pages',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        if (!(await isFile(join(root, '404.html'))))
          throw new Error('not-found-pages: the build has no 404.html (src/pages/404.astro).');
        const locales: string[] = [];
        for (const entry of await readdir(root, { withFileTypes: true })) {
          const page = join(root, entry.name, '404', 'index.html');
          if (!entry.isDirectory() || !LOCALE_FOLDER.test(entry.name) || !(await isFile(page)))
            continue;
          await rename(page, join(root, entry.name, '404.html'));
          await rmdir(dirname(page));
          locales.push(entry.name);
        }
        logger.info(`a not-found page for ${['the default language', ...locales].join(', ')}`);
      },
    },
  };
}

const isFile = async (path: string) => (await stat(path).catch(() => undefined))?.isFile() ?? false;
