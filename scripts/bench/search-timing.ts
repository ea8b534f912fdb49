import type { Browser, Page } from '@playwright/test';
import { median } from './median.ts';

export interface SearchTiming {
  lang: string;
  /**
   * The first query of a first visit: Ctrl+K and the query typed at once, the moment the service
   * worker is active, so Pagefind loads inside it (at most begun from the worker's copy as the
   * worker takes the page over).
   */
  firstQueryMs: number;
  /**
   * The first query on a later page of the visit (loaded with the offline copy in place, which
   * loads Pagefind while the page is idle), after a reader's few seconds on it.
   */
  firstQueryLaterPageMs: number;
  /** Median of later queries in the same dialog. */
  medianQueryMs: number;
  queries: number;
}

/**
 * Times the site's own search dialog on `path`, as a reader uses it: from the query reaching the
 * input to its results and count shown (five results, each with its excerpt and headings). The
 * page has loaded and its service worker is active first; the first query then opens the dialog
 * with Ctrl+K and types at once, the worst case: the page starts loading Pagefind from the
 * worker's copy only once the worker has taken it over and the page is idle, so at that moment
 * the load has at most begun. Then the same page is loaded again, as a later page of the visit,
 * and after a reader's few seconds on it the first query is timed again.
 */
export async function measureSearch(
  browser: Browser,
  baseUrl: string,
  path: string,
  terms: string[],
): Promise<SearchTiming> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(path, baseUrl).href);
  await page.evaluate(() => navigator.serviceWorker?.ready);
  const timings = await timeQueries(page, path, terms);
  await page.reload();
  await page.waitForTimeout(SECONDS_READING * 1_000);
  const [firstQueryLaterPageMs] = await timeQueries(page, path, terms.slice(0, 1));
  const lang = (await page.locator('html').getAttribute('lang')) ?? '?';
  await context.close();
  return {
    lang,
    firstQueryMs: Math.round(timings[0]),
    firstQueryLaterPageMs: Math.round(firstQueryLaterPageMs),
    medianQueryMs: Math.round(median(timings.slice(1)) * 10) / 10,
    queries: timings.length,
  };
}

/** How long a reader is on the later page before searching. */
export const SECONDS_READING = 3;

/** Times `terms` in the dialog one after another; the first opens it with Ctrl+K. */
async function timeQueries(page: Page, path: string, terms: string[]): Promise<number[]> {
  const timings: number[] = [];
  for (const [index, term] of terms.entries()) {
    const answer = await page.evaluate(
      ([query, openFirst]) => {
        const input = document.querySelector<HTMLInputElement>('#site-search-input')!;
        const status = document.querySelector('site-search [role="status"]')!;
        const start = performance.now();
        if (openFirst) dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true }));
        input.value = query;
        input.dispatchEvent(new Event('input'));
        // The dialog says "Searching…" at once and the count once the results are in the list.
        const searching = status.textContent;
        return new Promise<{ ms: number; said: string; shown: number }>((resolve) => {
          new MutationObserver((_, observer) => {
            if (status.textContent === searching) return;
            observer.disconnect();
            const shown = document.querySelectorAll('site-search .search-results > li').length;
            resolve({ ms: performance.now() - start, said: status.textContent ?? '', shown });
          }).observe(status, { childList: true, characterData: true, subtree: true });
        });
      },
      [term, index === 0] as const,
    );
    // A query that failed or found nothing would time the wrong thing.
    if (answer.shown === 0)
      throw new Error(`Search for "${term}" on ${path} showed no results: ${answer.said}`);
    timings.push(answer.ms);
  }
  return timings;
}
