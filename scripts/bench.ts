// `npm run bench`: builds the site, serves it on loopback and prints what its pages weigh, how
// they score in Lighthouse, how fast search answers and what a reader downloads with the service
// worker, each beside its anchor from shared/reference/performance-anchors.md and the ratio.
// Writes everything to bench-results/bench.json. `BENCH_PORT` (default 4329) and the port after
// it are used: the plain server, then the gzip one (`BENCH_GZIP_PORT` names another when the port
// after it is taken, as on a machine shared by several engineers).
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium, missingChromiumMessage } from '../tests/e2e/chromium-path.ts';
import { printAgainstAnchors } from './bench/anchors.ts';
import { measureLabPage, SECONDS_BETWEEN_RUNS, type LabPageFigures } from './bench/lab-page.ts';
import {
  LIGHTHOUSE_RUNS,
  measureLighthouse,
  type LighthouseScores,
} from './bench/lighthouse-scores.ts';
import { buildSite, measureOfflineVisits } from './bench/offline-visit.ts';
import { measurePageWeight, type PageWeight } from './bench/page-weight.ts';
import { measureSearch, SECONDS_READING } from './bench/search-timing.ts';
import { startStaticServer } from './bench/static-server.ts';

const port = Number(process.env.BENCH_PORT ?? 4329);
const gzipPort = Number(process.env.BENCH_GZIP_PORT ?? port + 1);
const baseUrl = `http://127.0.0.1:${port}/`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pagesToMeasure = {
  home: '/',
  chapter: '/chapters/lambda-tuning/',
  'chapter ja': '/ja/chapters/lambda-tuning/',
  lab: '/labs/lambda-tuning/',
};
/** The chapter a returning reader reads, and the source file the bench adds a sentence to. */
const rebuiltChapter = {
  path: '/chapters/lambda-tuning/',
  source: 'src/content/docs/chapters/lambda-tuning.mdx',
};
const labSlugs = readdirSync('labs', { withFileTypes: true })
  .filter((entry) => existsSync(`labs/${entry.name}/lab.ts`))
  .map((entry) => entry.name);

const executablePath = findChromium();
if (!executablePath) {
  console.error(missingChromiumMessage);
  process.exit(1);
}

const buildStart = performance.now();
buildSite();
const buildSeconds = (performance.now() - buildStart) / 1000;

const browser = await chromium.launch({ executablePath });
const offline = await measureOfflineVisits({
  browser,
  port: gzipPort,
  chapterPath: rebuiltChapter.path,
  chapterSource: rebuiltChapter.source,
  build: buildSite,
});
// Uncompressed, as the anchors' page weights and Lighthouse runs were measured.
const server = startStaticServer({ root: 'dist', port, gzip: false });
try {
  await server.listening;
  const weights: Record<string, PageWeight> = {};
  for (const [name, path] of Object.entries(pagesToMeasure))
    weights[name] = await measurePageWeight(browser, baseUrl, path);
  const search = [
    await measureSearch(browser, baseUrl, '/', [
      'Lambda',
      'cold start',
      'Cognito',
      'BigQuery',
      'Event Hubs',
      'Firebase',
      'concurrency',
      'KMS',
      'Dataflow',
      'poison',
    ]),
    await measureSearch(browser, baseUrl, '/ja/', [
      'コールドスタート',
      '同時実行数',
      'バッチサイズ',
      'ポイズンキュー',
      '認可',
      'BigQuery',
      'Cognito',
      'Lambda',
    ]),
  ];
  const labs: Array<LabPageFigures & { htmlBytes: number }> = [];
  for (const slug of labSlugs) {
    const html = `dist/labs/${slug}/index.html`;
    if (!existsSync(html)) continue;
    // One lab that cannot finish (a check failing on this machine) must not cost the other figures.
    try {
      labs.push({
        ...(await measureLabPage(browser, baseUrl, slug)),
        htmlBytes: statSync(html).size,
      });
    } catch (error) {
      console.error(
        `Lab ${slug} could not be measured: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
      );
    }
  }
  await browser.close();

  const scores: Record<string, LighthouseScores> = {};
  for (const [name, path] of Object.entries(pagesToMeasure)) {
    scores[name] = await measureLighthouse(executablePath, new URL(path, baseUrl).href);
  }

  console.log(`Full build (Astro + Pagefind): ${buildSeconds.toFixed(1)} s   (target ≤ 60 s)\n`);
  console.log(
    `page        requests  HTML       CSS        JS         JS gzip    total      Lighthouse perf/a11y/bp/seo  LCP    (medians of ${LIGHTHOUSE_RUNS} runs; perf of each run)`,
  );
  for (const [name, weight] of Object.entries(weights)) {
    const { html, css, js, total } = weight.bytes;
    const cells = [html, css, js, weight.jsGzip, total].map((value) => kb(value).padEnd(10));
    const s = scores[name];
    console.log(
      `${name.padEnd(11)} ${String(weight.requests).padStart(8)}  ${cells.join(' ')} ${`${s.performance}/${s.accessibility}/${s.bestPractices}/${s.seo}`.padEnd(28)} ${(s.lcpMs / 1000).toFixed(1)} s  (${s.performanceRuns.join(' / ')})`,
    );
  }
  const chapter = weights.chapter.bytes;
  console.log(
    `\nChapter CSS + JS ${kb(chapter.css + chapter.js)}; target ≤ 0.8 × stock Starlight's 190 KB (CSS 85 + JS 105) = 152 KB. Lighthouse target: 100 in all four.`,
  );
  for (const timing of search) {
    console.log(
      `Search (${timing.lang}): first query ${timing.firstQueryMs} ms (first page of a first visit, the dialog opened and the query typed at once as the service worker becomes active: Pagefind loads), then median ${timing.medianQueryMs} ms over ${timing.queries - 1} queries; first query on a later page after ${SECONDS_READING} s of reading ${timing.firstQueryLaterPageMs} ms (targets ≤ 300 ms / ≤ 50 ms)`,
    );
  }
  console.log(
    '\nLab pages (target: total ≤ 0.3 × TutorialKit lesson 1,572 KB = 472 KB with the editor ready; Run → results median ≤ 300 ms)',
  );
  console.log(
    'lab                  editor ready: bytes / JS / JS gzip     + type checker: bytes / JS gzip    interactive   Run median',
  );
  for (const lab of labs) {
    const ready = lab.editorReady;
    const all = lab.withTypeChecker;
    console.log(
      `${lab.slug.padEnd(20)} ${kb(ready.bytes).padEnd(10)} ${kb(ready.jsBytes).padEnd(10)} ${kb(ready.jsGzip).padEnd(12)} ${kb(all.bytes).padEnd(11)} ${kb(all.jsGzip).padEnd(19)} ${`${lab.interactiveMs} ms`.padEnd(13)} ${lab.runMedianMs} ms (${lab.runs} runs, ${SECONDS_BETWEEN_RUNS} s apart)`,
    );
  }
  console.log(
    `\nService worker, served gzipped: first visit to ${rebuiltChapter.path} ${kb(offline.firstVisit.sentBytes)} sent / ${kb(offline.firstVisit.decodedBytes)} decoded, ${offline.firstVisit.requests} requests;` +
      ` after a one-sentence rebuild ${kb(offline.returningReader.sentBytes)}, ${offline.returningReader.requests} requests: ${offline.returningReader.paths.join(' ')}`,
  );
  printAgainstAnchors({ weights, scores, search, labs, offline });
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    'bench-results/bench.json',
    `${JSON.stringify({ buildSeconds, weights, scores, search, labs, offline }, null, 2)}\n`,
  );
  console.log('\nWrote bench-results/bench.json');
} finally {
  await server.close();
}
