import type { Browser } from '@playwright/test';
import { pagefindOptions } from '../../src/lib/pagefind-options.ts';

export interface SearchTiming {
  lang: string;
  /** The first query, which loads Pagefind's index. */
  firstQueryMs: number;
  /** Median of later queries, once the index is loaded. */
  medianQueryMs: number;
  queries: number;
}

/** Times Pagefind queries on `path` (Pagefind searches the index of the page's language). */
export async function measureSearch(browser: Browser, baseUrl: string, path: string, terms: string[]): Promise<SearchTiming> {
  const page = await browser.newPage();
  await page.goto(new URL(path, baseUrl).href);
  const timings = await page.evaluate(async ([words, options]) => {
    const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
    await pagefind.options(options);
    await pagefind.init();
    const times: number[] = [];
    for (const word of words) {
      const start = performance.now();
      const search = await pagefind.search(word);
      await Promise.all(search.results.slice(0, 5).map((result: { data(): Promise<unknown> }) => result.data()));
      times.push(performance.now() - start);
    }
    return times;
  }, [terms, pagefindOptions] as const);
  const lang = (await page.locator('html').getAttribute('lang')) ?? '?';
  await page.close();
  const later = timings.slice(1).sort((a, b) => a - b);
  return {
    lang,
    firstQueryMs: Math.round(timings[0]),
    medianQueryMs: Math.round(later[Math.floor(later.length / 2)] * 10) / 10,
    queries: timings.length,
  };
}
