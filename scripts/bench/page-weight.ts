import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';

export interface PageWeight {
  path: string;
  requests: number;
  /** Decoded response bodies by kind, in bytes. */
  bytes: { html: number; css: number; js: number; other: number; total: number };
  /** JavaScript gzipped, as a server would send it. */
  jsGzip: number;
}

type Kind = 'html' | 'css' | 'js' | 'other';

const kindOf = (contentType: string, url: string): Kind => {
  if (contentType.includes('text/html')) return 'html';
  if (contentType.includes('css') || url.endsWith('.css')) return 'css';
  if (contentType.includes('javascript') || /\.m?js(\?|$)/.test(url)) return 'js';
  return 'other';
};

/** What a first visit to `path` transfers (fresh context, no cache), once the network is idle. */
export async function measurePageWeight(
  browser: Browser,
  baseUrl: string,
  path: string,
): Promise<PageWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const weight: PageWeight = {
    path,
    requests: 0,
    bytes: { html: 0, css: 0, js: 0, other: 0, total: 0 },
    jsGzip: 0,
  };
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    pending.push(
      response.body().then(
        (body) => {
          const kind = kindOf(response.headers()['content-type'] ?? '', response.url());
          weight.requests += 1;
          weight.bytes[kind] += body.length;
          weight.bytes.total += body.length;
          if (kind === 'js') weight.jsGzip += gzipSync(body).length;
        },
        () => undefined,
      ),
    );
  });
  await page.goto(new URL(path, baseUrl).href, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  await context.close();
  return weight;
}
