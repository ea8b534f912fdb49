import type { LabCatalog } from './progress-file.ts';

// Only the names are read (the modules are never loaded): which labs exist and which files a learner edits.
const starterFiles = Object.keys(import.meta.glob('/labs/*/starter/*.ts'));

/** Every lab of this build and its learner files, as a progress import checks keys against (build time). */
export function labCatalog(): LabCatalog {
  const catalog: LabCatalog = {};
  for (const path of starterFiles) {
    if (path.endsWith('.test.ts')) continue;
    const [, , slug, , file] = path.split('/');
    (catalog[slug] ??= []).push(file);
  }
  return catalog;
}
