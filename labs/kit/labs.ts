import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Lab } from './types.ts';

/** The folder that holds every lab (`labs/`), wherever this kit is checked out or copied. */
export const labsRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Lab folders are the ones with a `lab.ts`; the kit folder has none. */
export async function listLabSlugs(): Promise<string[]> {
  const entries = await readdir(labsRoot, { withFileTypes: true });
  const slugs: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const files = await readdir(join(labsRoot, entry.name));
    if (files.includes('lab.ts')) slugs.push(entry.name);
  }
  return slugs.sort();
}

export async function loadLab(slug: string): Promise<Lab> {
  const slugs = await listLabSlugs();
  if (!slugs.includes(slug)) {
    throw new Error(`No lab called "${slug}". Labs here: ${slugs.join(', ') || '(none)'}.`);
  }
  const module = (await import(pathToFileURL(join(labsRoot, slug, 'lab.ts')).href)) as { lab: Lab };
  return module.lab;
}
