import { createHash } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'vite';
import type { Lab } from '../../labs/kit/types.ts';
import { RUNTIME_DIR, runtimePath, SANDBOX_PATH } from '../lib/lab-sandbox/paths.ts';
import { basePath } from './built-files.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = 'lab-sandbox-entry';
/**
 * The build of a package that lab runtimes bundle instead of its default. sql.js's browser build
 * fetches its .wasm file, which the sandboxed worker may not (`connect-src 'none'`): its inline
 * build carries the same SQLite WebAssembly, base64-encoded.
 */
const WORKER_BUILDS = [
  { find: /^sql\.js$/, replacement: join(root, 'node_modules/sql.js/dist/sql-wasm-inline.js') },
];

/**
 * The policy of the sandbox document and, inherited, of every lab worker it starts from a blob:
 * URL: its own script by hash, learner code evaluated, workers from blob: only, no network.
 * `frame-ancestors` works only as a header, so `_headers` adds it (see security-headers.ts).
 */
export const sandboxPolicy = (scriptHash: string) =>
  `default-src 'none'; script-src '${scriptHash}' 'unsafe-eval'; worker-src blob:; connect-src 'none'; base-uri 'none'; form-action 'none'`;

/**
 * Builds what runs learner code: the sandbox document (`lab-sandbox.html`, its script inline and
 * allowed by hash) and one self-contained classic script per lab (`lab-runtime/<slug>.js`: kit,
 * lab, support files and declared packages), which the sandbox starts as a worker from a blob:
 * URL. Written into the build, and answered by `astro dev` as well. List it before the headers
 * and the offline guide, which read what it writes.
 */
export function labSandbox(): AstroIntegration {
  let base = '/';
  return {
    name: 'lab-sandbox',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = basePath(config);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const path = new URL(request.url ?? '/', 'http://dev').pathname;
          if (!path.startsWith(base)) return next();
          const file = path.slice(base.length);
          const slug = /^lab-runtime\/([\w-]+)\.js$/.exec(file)?.[1];
          if (file !== SANDBOX_PATH && !slug) return next();
          (slug ? runtimeScript(slug) : sandboxDocument()).then((text) => {
            response.setHeader('Content-Type', slug ? 'text/javascript' : 'text/html');
            response.end(text);
          }, next);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const slugs = await labSlugs();
        await mkdir(join(out, RUNTIME_DIR), { recursive: true });
        for (const slug of slugs)
          await writeFile(join(out, runtimePath(slug)), await runtimeScript(slug));
        await writeFile(join(out, SANDBOX_PATH), await sandboxDocument());
        logger.info(
          `${SANDBOX_PATH} and a runtime script for ${slugs.length} labs in ${RUNTIME_DIR}`,
        );
      },
    },
  };
}

async function labSlugs(): Promise<string[]> {
  const entries = await readdir(join(root, 'labs'), { withFileTypes: true });
  const slugs = [];
  for (const entry of entries) {
    const files = entry.isDirectory() ? await readdir(join(root, 'labs', entry.name)) : [];
    if (files.includes('lab.ts')) slugs.push(entry.name);
  }
  return slugs.sort();
}

/** One lab's runtime: the kit's runner started with the lab and the modules learner code may import. */
async function runtimeScript(slug: string): Promise<string> {
  const labDir = join(root, 'labs', slug);
  const { lab } = (await import(pathToFileURL(join(labDir, 'lab.ts')).href)) as { lab: Lab };
  const support = (await readdir(join(labDir, 'support')).catch(() => [])).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
  );
  const provided = [
    ...support.map((file) => ({ key: `support/${file}`, from: join(labDir, 'support', file) })),
    ...(lab.packages ?? []).map((name) => ({ key: name, from: name })),
  ];
  const code = [
    `import { startLabRuntime } from ${JSON.stringify(join(root, 'src/lib/lab-sandbox/runtime.ts'))};`,
    `import { lab } from ${JSON.stringify(join(labDir, 'lab.ts'))};`,
    ...provided.map(
      ({ from }, index) => `import * as provided${index} from ${JSON.stringify(from)};`,
    ),
    `startLabRuntime(lab, { ${provided.map(({ key }, index) => `${JSON.stringify(key)}: provided${index}`).join(', ')} });`,
  ].join('\n');
  return bundle(code);
}

async function sandboxDocument(): Promise<string> {
  const script = (
    await bundle(`import ${JSON.stringify(join(root, 'src/lib/lab-sandbox/sandbox-host.ts'))};`)
  ).replace(/<\/script/gi, '<\\/script');
  const hash = `sha256-${createHash('sha256').update(script).digest('base64')}`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${sandboxPolicy(hash)}">`,
    '<title>Lab sandbox</title>',
    '</head>',
    '<body>',
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Bundles `code` and everything it imports into one minified classic script. */
async function bundle(code: string): Promise<string> {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    resolve: { alias: WORKER_BUILDS },
    plugins: [
      {
        name: ENTRY,
        enforce: 'pre',
        // Vite hands the lib entry over as a path under `root`.
        resolveId: (source) => (source.endsWith(ENTRY) ? `\0${ENTRY}` : null),
        load: (id) => (id === `\0${ENTRY}` ? code : null),
      },
    ],
    build: {
      write: false,
      minify: true,
      lib: { entry: ENTRY, formats: ['iife'], name: 'labSandbox' },
    },
  });
  const [output] = Array.isArray(result) ? result : [result];
  if (!('output' in output))
    throw new Error('lab-sandbox: Vite returned a watcher instead of a bundle.');
  const chunk = output.output.find((item) => item.type === 'chunk');
  if (!chunk) throw new Error('lab-sandbox: the bundle has no script.');
  return chunk.code;
}
