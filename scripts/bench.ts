// `npm run bench`: builds the site, serves it on loopback and prints what pages weigh, with the
// targets from shared/reference/performance-anchors.md beside them. Writes bench-results/bench.json.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium, missingChromiumMessage } from '../tests/e2e/chromium-path.ts';
import { measurePageWeight, type PageWeight } from './bench/page-weight.ts';

const port = 4329;
const baseUrl = `http://127.0.0.1:${port}/`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const executablePath = findChromium();
if (!executablePath) {
  console.error(missingChromiumMessage);
  process.exit(1);
}

const buildStart = performance.now();
const build = spawnSync('npx', ['astro', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
const buildSeconds = (performance.now() - buildStart) / 1000;
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port)], {
  stdio: 'ignore',
  detached: true,
});
try {
  await waitForServer(baseUrl);
  const browser = await chromium.launch({ executablePath });
  const pages: Record<string, PageWeight> = {
    home: await measurePageWeight(browser, baseUrl, '/'),
    chapter: await measurePageWeight(browser, baseUrl, '/chapters/lambda-tuning/'),
  };
  await browser.close();

  console.log(`Full build (Astro + Pagefind): ${buildSeconds.toFixed(1)} s   target ≤ 60 s\n`);
  console.log('page      requests   HTML        CSS         JS          JS gzip     total');
  for (const [name, weight] of Object.entries(pages)) {
    const { html, css, js, total } = weight.bytes;
    const cells = [html, css, js, weight.jsGzip, total].map((value) => kb(value).padEnd(11));
    console.log(`${name.padEnd(9)} ${String(weight.requests).padStart(8)}   ${cells.join(' ')}`);
  }
  const chapter = pages.chapter.bytes;
  console.log(
    `\nChapter CSS + JS: ${kb(chapter.css + chapter.js)}; target ≤ 0.8 × stock Starlight's 190 KB (CSS 85 + JS 105) = 152 KB`,
  );
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/bench.json', `${JSON.stringify({ buildSeconds, pages }, null, 2)}\n`);
  console.log('Wrote bench-results/bench.json');
} finally {
  process.kill(-server.pid!);
}

async function waitForServer(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await fetch(url).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The preview server did not answer at ${url} within 20 s.`);
}
