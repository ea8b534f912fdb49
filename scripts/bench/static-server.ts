import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};
/** What a static host compresses: text. Pagefind's index files are gzipped already. */
const COMPRESSED = /^(text\/|application\/(json|manifest\+json|xml)|image\/svg)/;

/** Bytes the server sent and their decoded size, since the last `reset()`. */
export interface Traffic {
  requests: number;
  sent: number;
  decoded: number;
  paths: string[];
  /** `Date.now()` of the last request. */
  lastRequestAt: number;
}

/**
 * A static server for a built site, as a static host serves it: text gzipped when the browser
 * accepts it, ETags answered with 304, hashed `_astro/*` files cacheable for a year, everything
 * else revalidated. `root` can change while it runs (a new deploy on the same origin).
 */
export function startStaticServer(options: { root: string; port: number; gzip: boolean }) {
  const traffic: Traffic = {
    requests: 0,
    sent: 0,
    decoded: 0,
    paths: [],
    lastRequestAt: Date.now(),
  };
  let root = options.root;
  const server: Server = createServer(async (request, response) => {
    traffic.requests += 1;
    traffic.lastRequestAt = Date.now();
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    traffic.paths.push(path);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return void response.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    } catch {
      file = join(root, '404.html');
      response.statusCode = 404;
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return void response.writeHead(404).end();
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    response.setHeader('Content-Type', type);
    response.setHeader('ETag', etag);
    response.setHeader(
      'Cache-Control',
      path.startsWith('/_astro/')
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=0, must-revalidate',
    );
    if (request.headers['if-none-match'] === etag) return void response.writeHead(304).end();
    traffic.decoded += body.length;
    if (
      options.gzip &&
      COMPRESSED.test(type) &&
      /\bgzip\b/.test(String(request.headers['accept-encoding']))
    ) {
      body = gzipSync(body);
      response.setHeader('Content-Encoding', 'gzip');
    }
    traffic.sent += body.length;
    response.setHeader('Content-Length', body.length);
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  return {
    traffic,
    listening: new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve)),
    /** Serves another build from now on, as a deploy does. */
    serve(newRoot: string) {
      root = newRoot;
    },
    reset() {
      Object.assign(traffic, {
        requests: 0,
        sent: 0,
        decoded: 0,
        paths: [],
        lastRequestAt: Date.now(),
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
