import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { startStaticServer, type Traffic } from './static-server.ts';

export interface VisitTraffic {
  requests: number;
  /** Bytes the server sent (gzip for text), and the same bodies decoded. */
  sentBytes: number;
  decodedBytes: number;
}

export interface OfflineVisitFigures {
  firstVisit: VisitTraffic;
  returningReader: VisitTraffic & { paths: string[] };
}

/** Nothing requested for this long: the service worker has stored what it stores. */
const QUIET_MS = 5_000;

async function untilQuiet(traffic: Traffic): Promise<void> {
  while (Date.now() - traffic.lastRequestAt < QUIET_MS)
    await new Promise((resolve) => setTimeout(resolve, 250));
}

const figures = (traffic: Traffic): VisitTraffic => ({
  requests: traffic.requests,
  sentBytes: traffic.sent,
  decodedBytes: traffic.decoded,
});

/**
 * What a reader's browser downloads, service worker included, as performance-anchors.md
 * measured it: a first visit to `chapterPath` until nothing is requested for 5 s; then a second
 * build with one sentence added to `chapterSource` is served on the same origin and the page
 * reloaded. Leaves `dist` as the first build.
 */
export async function measureOfflineVisits(options: {
  browser: Browser;
  port: number;
  chapterPath: string;
  chapterSource: string;
  build: () => void;
}): Promise<OfflineVisitFigures> {
  const firstBuild = 'bench-results/first-build';
  const rebuilt = 'bench-results/rebuilt';
  rmSync(firstBuild, { recursive: true, force: true });
  rmSync(rebuilt, { recursive: true, force: true });
  cpSync('dist', firstBuild, { recursive: true });
  const source = readFileSync(options.chapterSource, 'utf8');
  try {
    writeFileSync(
      options.chapterSource,
      `${source.trimEnd()}\n\nThis sentence was added to measure what a rebuild costs a returning reader.\n`,
    );
    options.build();
    cpSync('dist', rebuilt, { recursive: true });
  } finally {
    writeFileSync(options.chapterSource, source);
    rmSync('dist', { recursive: true, force: true });
    cpSync(firstBuild, 'dist', { recursive: true });
  }

  const server = startStaticServer({ root: firstBuild, port: options.port, gzip: true });
  await server.listening;
  const context = await options.browser.newContext({ serviceWorkers: 'allow' });
  try {
    const page: Page = await context.newPage();
    server.reset();
    await page.goto(`http://127.0.0.1:${options.port}${options.chapterPath}`);
    await untilQuiet(server.traffic);
    const firstVisit = figures(server.traffic);

    server.serve(rebuilt);
    server.reset();
    await page.reload();
    await untilQuiet(server.traffic);
    return {
      firstVisit,
      returningReader: { ...figures(server.traffic), paths: [...server.traffic.paths] },
    };
  } finally {
    await context.close();
    await server.close();
    rmSync(rebuilt, { recursive: true, force: true });
    rmSync(firstBuild, { recursive: true, force: true });
  }
}

export function buildSite(): void {
  const build = spawnSync('npx', ['astro', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error(`astro build failed (exit ${build.status}).`);
}
