// Writes the workshop pack: one zip with the built site, `serve.mjs` and its README, for laptops
// in a room without network. Run by `npm run pack` after `npm run build`.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { listBuiltFiles } from '../src/integrations/built-files.ts';

import { packName, packPath } from './pack-path.ts';

const projectDir = join(import.meta.dirname, '..');
const distDir = join(projectDir, 'dist');
const packFiles = join(import.meta.dirname, 'pack');

if (!existsSync(join(distDir, 'index.html'))) {
  console.error(
    'pack: dist/index.html is missing. Run `npm run build` first (`npm run pack` does).',
  );
  process.exit(1);
}

// Text compresses well; images, fonts and WebAssembly are stored as they are.
const ALREADY_COMPRESSED = /\.(png|jpe?g|webp|avif|gif|woff2?|wasm|pf_fragment|pf_index|pf_meta)$/;
const entries: Zippable = {
  [`${packName}/serve.mjs`]: readFileSync(join(packFiles, 'serve.mjs')),
  [`${packName}/README.md`]: readFileSync(join(packFiles, 'README.md')),
};
for (const file of await listBuiltFiles(distDir)) {
  const bytes = readFileSync(join(distDir, file));
  entries[`${packName}/site/${file}`] = ALREADY_COMPRESSED.test(file)
    ? [bytes, { level: 0 }]
    : bytes;
}

mkdirSync(dirname(packPath), { recursive: true });
writeFileSync(packPath, zipSync(entries, { level: 9 }));
const megabytes = (statSync(packPath).size / 1e6).toFixed(1);
console.log(
  `pack: wrote ${packPath} (${megabytes} MB). Unzip it and run \`node serve.mjs\` inside ${packName}/.`,
);
