import { test as base, type Page } from '@playwright/test';
import { labFolder, openFile, openLab, readLab, typeInEditor } from './lab-page.ts';

/** A lab's page as the worker left it, with its first exercise's file back to the starter. */
type StarterLabPage = (slug: string) => Promise<Page>;

/**
 * One page per lab and worker, for tests that only edit the first exercise's file and run the
 * checks: opening a lab page boots its editor and then TypeScript's checker in a worker, the
 * biggest cost of a lab test, and none of these tests is about that. Before each test the file is
 * the starter again, and the other files are never edited, so every test starts from the page a
 * fresh visit shows. A test about a fresh visit, a reload, storage or what the page loads keeps
 * its own page. A failed test ends its worker, and the page with it.
 */
export const test = base.extend<object, { starterLabPage: StarterLabPage }>({
  starterLabPage: [
    async ({ browser }, use, workerInfo) => {
      const { baseURL, viewport, serviceWorkers } = workerInfo.project.use;
      const context = await browser.newContext({ baseURL, viewport, serviceWorkers });
      const pages = new Map<string, Page>();
      await use(async (slug) => {
        let page = pages.get(slug);
        if (!page) {
          page = await context.newPage();
          await openLab(page, slug);
          pages.set(slug, page);
        }
        const file = (await readLab(slug)).exercises[0].file;
        await openFile(page, file);
        await typeInEditor(page, labFolder(slug, 'starter')[file]);
        return page;
      });
      await context.close();
    },
    { scope: 'worker' },
  ],
});
