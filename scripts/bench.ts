// `npm run bench`: builds the site, serves it on loopback and prints what its pages weigh, how
// they score in Lighthouse and how fast search answers, beside the targets from
// shared/reference/performance-anchors.md. Writes everything to bench-results/bench.json.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium, missingChromiumMessage } from '../tests/e2e/chromium-path.ts';
import { measureLabPage, type LabPageFigures } from './bench/lab-page.ts';
import { measureLighthouse, type LighthouseScores } from './bench/lighthouse-scores.ts';
import { measurePageWeight, type PageWeight } from './bench/page-weight.ts';
import { measureSearch } from './bench/search-timing.ts';

const port = 4329;
const baseUrl = `http://127.0.0.1:${port}/`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pagesToMeasure = { home: '/', chapter: '/chapters/lambda-tuning/', 'chapter ja': '/ja/chapters/lambda-tuning/', lab: '/labs/lambda-tuning/' };
const labSlugs = readdirSync('labs', { withFileTypes: true }).filter((entry) => existsSync(`labs/${entry.name}/lab.ts`)).map((entry) => entry.name);

const executablePath = findChromium();
if (!executablePath) {
  console.error(missingChromiumMessage);
  process.exit(1);
}

const buildStart = performance.now();
const build = spawnSync('npx', ['astro', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
const buildSeconds = (performance.now() - buildStart) / 1000;
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'], {
  stdio: 'ignore',
  detached: true,
});
try {
  await waitForServer(baseUrl);
  const browser = await chromium.launch({ executablePath });
  const weights: Record<string, PageWeight> = {};
  for (const [name, path] of Object.entries(pagesToMeasure)) weights[name] = await measurePageWeight(browser, baseUrl, path);
  const search = [
    await measureSearch(browser, baseUrl, '/', ['Lambda', 'cold start', 'Cognito', 'BigQuery', 'Event Hubs', 'Firebase', 'concurrency', 'KMS', 'Dataflow', 'poison']),
    await measureSearch(browser, baseUrl, '/ja/', ['コールドスタート', '同時実行数', 'バッチサイズ', 'ポイズンキュー', '認可', 'BigQuery', 'Cognito', 'Lambda']),
  ];
  const labs: LabPageFigures[] = [];
  for (const slug of labSlugs) if (existsSync(`dist/labs/${slug}/index.html`)) labs.push(await measureLabPage(browser, baseUrl, slug));
  await browser.close();

  const scores: Record<string, LighthouseScores> = {};
  for (const [name, path] of Object.entries(pagesToMeasure)) {
    scores[name] = await measureLighthouse(executablePath, new URL(path, baseUrl).href);
  }

  console.log(`Full build (Astro + Pagefind): ${buildSeconds.toFixed(1)} s   (target ≤ 60 s)\n`);
  console.log('page        requests  HTML       CSS        JS         JS gzip    total      Lighthouse perf/a11y/bp/seo  LCP');
  for (const [name, weight] of Object.entries(weights)) {
    const { html, css, js, total } = weight.bytes;
    const cells = [html, css, js, weight.jsGzip, total].map((value) => kb(value).padEnd(10));
    const s = scores[name];
    console.log(
      `${name.padEnd(11)} ${String(weight.requests).padStart(8)}  ${cells.join(' ')} ${`${s.performance}/${s.accessibility}/${s.bestPractices}/${s.seo}`.padEnd(28)} ${(s.lcpMs / 1000).toFixed(1)} s`,
    );
  }
  const chapter = weights.chapter.bytes;
  console.log(
    `\nChapter CSS + JS ${kb(chapter.css + chapter.js)}; target ≤ 0.8 × stock Starlight's 190 KB (CSS 85 + JS 105) = 152 KB. Lighthouse target: 100 in all four.`,
  );
  for (const timing of search) {
    console.log(
      `Search (${timing.lang}): first query ${timing.firstQueryMs} ms (loads the index), then median ${timing.medianQueryMs} ms over ${timing.queries - 1} queries (target ≤ 50 ms)`,
    );
  }
  console.log('\nLab pages (target: total ≤ 0.3 × TutorialKit lesson 1,572 KB = 472 KB with the editor ready; Run → results median ≤ 300 ms)');
  console.log('lab                  editor ready: bytes / JS / JS gzip     + type checker: bytes / JS gzip    interactive   Run median');
  for (const lab of labs) {
    const ready = lab.editorReady;
    const all = lab.withTypeChecker;
    console.log(
      `${lab.slug.padEnd(20)} ${kb(ready.bytes).padEnd(10)} ${kb(ready.jsBytes).padEnd(10)} ${kb(ready.jsGzip).padEnd(12)} ${kb(all.bytes).padEnd(11)} ${kb(all.jsGzip).padEnd(19)} ${`${lab.interactiveMs} ms`.padEnd(13)} ${lab.runMedianMs} ms (${lab.runs} runs)`,
    );
  }
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/bench.json', `${JSON.stringify({ buildSeconds, weights, scores, search, labs }, null, 2)}\n`);
  console.log('\nWrote bench-results/bench.json');
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
