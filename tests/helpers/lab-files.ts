import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { labsRoot } from '../../labs/kit/labs.ts';

/** Every file under `dir`, as text, keyed by its path relative to `dir` (with `/`). */
export async function readTree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path).split('\\').join('/')] = await readFile(path, 'utf8');
  }
  return files;
}

export const readLabFolder = (slug: string) => readTree(join(labsRoot, slug));
export const readKitFolder = () => readTree(join(labsRoot, 'kit'));

/** The files of one subfolder (`starter`, `solution`) of a lab folder read with `readLabFolder`. */
export function filesUnder(
  labFiles: Record<string, string>,
  folder: string,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labFiles)
      .filter(([path]) => path.startsWith(`${folder}/`))
      .map(([path, text]) => [path.slice(folder.length + 1), text]),
  );
}
