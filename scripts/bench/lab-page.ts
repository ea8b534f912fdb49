import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { clickIntoEditor } from '../../tests/e2e/lab-page.ts';
import { median } from './median.ts';

export interface LabPageFigures {
  slug: string;
  /** Bytes (decoded) and JS gzip of the responses that arrived before the editor was ready. */
  editorReady: { bytes: number; jsBytes: number; jsGzip: number; requests: number };
  /** Everything, once the learner's first click has loaded the runtime and the type checker too. */
  withTypeChecker: { bytes: number; jsBytes: number; jsGzip: number; requests: number };
  /** From navigation start until the workbench said it was ready. */
  interactiveMs: number;
  /** Click on Run → results shown, for the reference solution. */
  runMedianMs: number;
  runs: number;
}

/** How long the bench waits after one Run's results before it presses Run again. */
export const SECONDS_BETWEEN_RUNS = 3;

/** Loads a lab page fresh, then times Run on the solution `runs` times. */
export async function measureLabPage(
  browser: Browser,
  baseUrl: string,
  slug: string,
  runs = 11,
): Promise<LabPageFigures> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses: Array<{ url: string; bytes: number; gzip: number; js: boolean }> = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    // A worker started from a blob: URL reports that blob as a response, once per worker: the
    // BigQuery lab's 1.4 MB runtime again for every Run. Nothing of it crosses the network.
    if (!/^https?:/.test(response.url())) return;
    pending.push(
      response.body().then(
        (body) => {
          const js =
            /javascript/.test(response.headers()['content-type'] ?? '') ||
            /\.js(\?|$)/.test(response.url());
          responses.push({
            url: response.url(),
            bytes: body.length,
            gzip: js ? gzipSync(body).length : 0,
            js,
          });
        },
        () => undefined,
      ),
    );
  });
  // Every learner file holds the reference solution, as saved work the page restores ("Use
  // solution" replaces the open file only, so it cannot set up a whole-lab run).
  const solutionDir = join(import.meta.dirname, '..', '..', 'labs', slug, 'solution');
  const saved = Object.fromEntries(
    readdirSync(solutionDir).map((file) => [
      `smt2:lab:${slug}:file:${file}`,
      readFileSync(join(solutionDir, file), 'utf8'),
    ]),
  );
  await page.addInitScript((entries) => {
    if (window.top === window)
      for (const [key, text] of Object.entries(entries)) localStorage.setItem(key, text);
  }, saved);
  const pageUrl = new URL(`/labs/${slug}/`, baseUrl).href;
  await page.goto(pageUrl);
  await page.locator('[data-workbench][data-ready="true"]').waitFor();
  // The page's own clock says when the workbench became ready and when each file had arrived: the
  // harness hears of both later, and by then the loads the page starts once ready (the editing
  // aids) may have arrived too.
  const { readyAt, arrivedAt } = await page.evaluate(() => ({
    readyAt: performance.getEntriesByName('lab-workbench-ready')[0].startTime,
    arrivedAt: Object.fromEntries(
      performance
        .getEntriesByType('resource')
        .map((entry) => [entry.name, (entry as PerformanceResourceTiming).responseEnd]),
    ),
  }));
  // A learner clicks into the editor before pressing Run: that starts the lab's runtime and the
  // type checker, whose first verdict is the page's last load (network idle can come before it,
  // or, with the BigQuery lab's engine warming up in the sandbox, not within 30 s).
  await clickIntoEditor(page);
  await page.locator('[data-problems][data-state="ready"]').waitFor({ timeout: 60_000 });
  await Promise.all(pending);
  const sum = (list: typeof responses) => ({
    bytes: list.reduce((total, item) => total + item.bytes, 0),
    jsBytes: list.filter((item) => item.js).reduce((total, item) => total + item.bytes, 0),
    jsGzip: list.reduce((total, item) => total + item.gzip, 0),
    requests: list.length,
  });
  // What the page loads after the editor is ready (the type checker and the runtime; on a first
  // visit, the service worker's copy of the guide, and search from that copy once the worker takes
  // over) is not part of "until the editor is ready".
  const beforeReady = responses.filter(
    (item) => item.url === pageUrl || (arrivedAt[item.url] ?? Infinity) <= readyAt,
  );
  // Taken now: the Runs below load the checks' own modules, which are neither the editor nor the
  // type checker.
  const withTypeChecker = sum(responses);

  // Each Run comes a while after the last results, as a learner's does (they read the results and
  // edit first): the page uses that time to start and warm the next run's worker. The time is
  // taken in the page, from the click to the summary showing, so the harness's polling is not in it.
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    await page.waitForTimeout(SECONDS_BETWEEN_RUNS * 1_000);
    times.push(
      await page.evaluate(
        (name) =>
          new Promise<number>((resolve) => {
            const results = document.querySelector('[data-results]')!;
            results.replaceChildren();
            const start = performance.now();
            const shown = new MutationObserver(() => {
              if (!results.querySelector('.wb-summary')?.textContent?.includes('All checks pass'))
                return;
              shown.disconnect();
              resolve(Math.round(performance.now() - start));
            });
            shown.observe(results, { childList: true, subtree: true, characterData: true });
            [...document.querySelectorAll('button')]
              .find((button) => button.textContent?.trim() === name)!
              .click();
          }),
        'Run checks',
      ),
    );
  }
  await context.close();
  return {
    slug,
    editorReady: sum(beforeReady),
    withTypeChecker,
    interactiveMs: Math.round(readyAt),
    runMedianMs: median(times),
    runs,
  };
}
