import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { AstroConfig } from 'astro';

/** Every file of the build under `root`, as `/`-separated paths relative to it, sorted. */
export async function listBuiltFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The site's base path with exactly one trailing slash (`/`, `/guide/`). */
export const basePath = (config: AstroConfig) =>
  config.base.endsWith('/') ? config.base : `${config.base}/`;

/** The URL path a built file is served at: `chapters/x/index.html` → `/chapters/x/`. */
export const urlPathOf = (base: string, file: string) =>
  base + file.replace(/(^|\/)index\.html$/, '$1');

/**
 * Reads every HTML page of the build under `root`, and writes back what `rewrite` makes of it.
 * Returns the pages' total size before and after, in bytes.
 */
export async function rewriteBuiltPages(
  root: string,
  rewrite: (html: string) => string | Promise<string>,
): Promise<{ pages: number; before: number; after: number }> {
  const pages = (await listBuiltFiles(root)).filter((file) => file.endsWith('.html'));
  let before = 0;
  let after = 0;
  await Promise.all(
    pages.map(async (page) => {
      const path = join(root, page);
      const html = await readFile(path, 'utf8');
      const rewritten = await rewrite(html);
      before += Buffer.byteLength(html);
      after += Buffer.byteLength(rewritten);
      if (rewritten !== html) await writeFile(path, rewritten);
    }),
  );
  return { pages: pages.length, before, after };
}
