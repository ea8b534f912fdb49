import type { Page, PlaywrightWorkerArgs, WorkerInfo } from '@playwright/test';

/** Opens `path` once per worker and hands back that page on later calls. */
export type PageAt = (path: string) => Promise<Page>;

/**
 * One page per path for the whole worker, for tests that only ask a loaded page something (the
 * search index: Pagefind loads its index once and every test asks it, instead of each test
 * loading a page and the index again). An answer must not depend on what was asked before it.
 */
export async function pagesPerPath(
  { browser }: PlaywrightWorkerArgs,
  use: (open: PageAt) => Promise<void>,
  workerInfo: WorkerInfo,
): Promise<void> {
  const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
  const pages = new Map<string, Promise<Page>>();
  await use((path) => {
    if (!pages.has(path))
      pages.set(
        path,
        context.newPage().then(async (page) => {
          await page.goto(path);
          return page;
        }),
      );
    return pages.get(path)!;
  });
  await context.close();
}
