import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { median } from './median.ts';

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  /** Largest Contentful Paint, in ms, under Lighthouse's default mobile throttling. */
  lcpMs: number;
  /** The performance score of each run, in the order run: the spread behind the median. */
  performanceRuns: number[];
}

/**
 * Runs per page. On this 2-core machine one run's performance score can move by ten points or more
 * from one run to the next: total blocking time varies (137–533 ms on the same lab page), and
 * headless Chromium sometimes reports its first paint a second or two late, which Lighthouse's
 * simulated timings follow. So a page's figure is the median of three.
 */
export const LIGHTHOUSE_RUNS = 3;

/** Lighthouse's default (mobile) runs of one URL with the given Chromium: each score is the median over the runs, out of 100. */
export async function measureLighthouse(
  chromePath: string,
  url: string,
): Promise<LighthouseScores> {
  const runs: Omit<LighthouseScores, 'performanceRuns'>[] = [];
  for (let run = 0; run < LIGHTHOUSE_RUNS; run++) runs.push(await runLighthouse(chromePath, url));
  const medianOf = (key: keyof (typeof runs)[number]) => median(runs.map((scores) => scores[key]));
  return {
    performance: medianOf('performance'),
    accessibility: medianOf('accessibility'),
    bestPractices: medianOf('bestPractices'),
    seo: medianOf('seo'),
    lcpMs: medianOf('lcpMs'),
    performanceRuns: runs.map((scores) => scores.performance),
  };
}

/** One run in a fresh Chromium, as Lighthouse's CLI does. */
async function runLighthouse(
  chromePath: string,
  url: string,
): Promise<Omit<LighthouseScores, 'performanceRuns'>> {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? 0),
    };
  } finally {
    chrome.kill();
  }
}
