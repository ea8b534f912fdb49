import { readdir } from 'node:fs/promises';
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
