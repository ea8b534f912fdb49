import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const projectDir = join(import.meta.dirname, '..');

/** The workshop pack's name, which is also its one top-level folder: `<package name>-workshop`. */
export const packName = `${JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')).name}-workshop`;

/** Where `npm run pack` writes the archive (gitignored). */
export const packPath = join(projectDir, 'pack', `${packName}.zip`);
