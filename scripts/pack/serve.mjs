#!/usr/bin/env node
// Serves the study guide in ./site on http://localhost:4321/ with nothing to install: any
// Node.js 18 or newer runs this file as it is. localhost is a secure context, so the service
// worker (offline reading) and WebCrypto (the secure-SPA lab) work as they do on an HTTPS host.
// Zero dependencies on purpose: the workshop room may have no network for `npm install`.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The value of `--name value` or `--name=value` in `args`, if given. */
function option(args, name) {
  const inline = args.find((arg) => arg.startsWith(`${name}=`));
  if (inline) return inline.slice(name.length + 1);
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

// The pack serves ./site beside this file. The repository's browser tests serve its build with
// this same server (`--root dist`): every response then carries `_headers` as a static host sends
// them, and the pack's server is what the whole suite runs against.
const rootOption = option(process.argv.slice(2), '--root');
const root = rootOption
  ? resolve(rootOption)
  : join(dirname(fileURLToPath(import.meta.url)), 'site');
if (fileAt(root) !== 'directory') {
  console.error(
    `serve.mjs: there is no built site in ${root}. Run this file in the unzipped pack, or name the site's folder with --root.`,
  );
  process.exit(2);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
  '.ts': 'text/plain; charset=utf-8',
};

function readPort(args) {
  const value = option(args, '--port') ?? '4321';
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`serve.mjs: --port needs a whole number from 1 to 65535, got "${value}".`);
    process.exit(2);
  }
  return port;
}

/** The rules of `site/_headers` (the format Netlify and Cloudflare Pages read), in file order. */
function readHeaderRules() {
  const rules = [];
  let text = '';
  try {
    text = readFileSync(join(root, '_headers'), 'utf8');
  } catch {
    return rules;
  }
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: {} });
    } else if (rules.length) {
      const [name, ...value] = line.trim().split(':');
      rules.at(-1).headers[name] = value.join(':').trim();
    }
  }
  return rules;
}

const rules = readHeaderRules();

function headersFor(path) {
  const headers = {};
  for (const rule of rules) if (rule.pattern.test(path)) Object.assign(headers, rule.headers);
  return headers;
}

function fileAt(path) {
  try {
    const stats = statSync(path);
    return stats.isFile() ? stats : stats.isDirectory() ? 'directory' : null;
  } catch {
    return null;
  }
}

/**
 * `no-cache` makes the browser ask again on every load, so a rebuilt site shows at once; the ETag
 * lets it hear "not modified" instead of downloading the file again (the type checker is 3.5 MB).
 */
function etagOf(stats) {
  return `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
}

function send(request, response, status, file, path, stats) {
  const etag = etagOf(stats);
  const cacheAndPolicies = { ETag: etag, 'Cache-Control': 'no-cache', ...headersFor(path) };
  if (status === 200 && request.headers['if-none-match'] === etag) {
    response.writeHead(304, cacheAndPolicies).end();
    return;
  }
  response.writeHead(status, {
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': stats.size,
    ...cacheAndPolicies,
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
}

const server = createServer((request, response) => {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const url = new URL(request.url ?? '/', 'http://localhost');
  let path;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    response.writeHead(400).end('Bad request: the path is not valid percent-encoding.');
    return;
  }
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) {
    response.writeHead(403).end();
    return;
  }
  const found = fileAt(file);
  if (found === 'directory') {
    if (!url.pathname.endsWith('/')) {
      response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    const index = join(file, 'index.html');
    const indexStats = fileAt(index);
    if (indexStats && indexStats !== 'directory')
      return send(request, response, 200, index, url.pathname, indexStats);
  } else if (found) {
    return send(request, response, 200, file, url.pathname, found);
  }
  // The nearest 404.html up the path answers, as on Cloudflare Pages: /ja/… gets the Japanese one.
  const inSite = (folder) => folder === root || folder.startsWith(root + sep);
  for (let folder = dirname(file); inSite(folder); folder = dirname(folder)) {
    const notFound = join(folder, '404.html');
    const notFoundStats = fileAt(notFound);
    if (notFoundStats && notFoundStats !== 'directory') {
      const servedAs = `/${notFound
        .slice(root.length + 1)
        .split(sep)
        .join('/')}`;
      return send(request, response, 404, notFound, servedAs, notFoundStats);
    }
  }
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
});

const port = readPort(process.argv.slice(2));
server.on('error', (error) => {
  const reason =
    error.code === 'EADDRINUSE'
      ? `port ${port} is already in use; try --port ${port + 1}`
      : error.message;
  console.error(`serve.mjs: cannot start the server: ${reason}.`);
  process.exit(1);
});
// Listening on the loopback address only: the guide is for this laptop, and only localhost
// counts as a secure context over plain HTTP.
server.listen(port, '127.0.0.1', () => {
  console.log(`The study guide is at http://localhost:${port}/  (Ctrl+C stops it)`);
  console.log(`学習ガイド: http://localhost:${port}/  （Ctrl+C で停止）`);
});
