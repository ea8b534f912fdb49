import type { Page, PlaywrightWorkerArgs, WorkerInfo } from '@playwright/test';
import { labFolder, openFile, openLab, readLab, savedCode, typeInEditor } from './lab-page.ts';

/** A lab's page (English, or under `prefix`) as the worker left it, with every learner file back to the starter. */
export type StarterLabPage = (slug: string, prefix?: '' | '/ja') => Promise<Page>;

/**
 * One page per lab, language and worker, for tests that only edit learner files, run the checks
 * and read the page: opening a lab page boots its editor and then TypeScript's checker in a
 * worker, the biggest cost of a lab test, and none of these tests is about that. Before each test
 * every learner file is the starter again (the page saves each keystroke, so storage tells which
 * files a test changed), the first exercise's file is open and the viewport is the project's, so
 * every test starts from the page a fresh visit shows. A test about a fresh visit, a reload,
 * storage, progress or what the page loads keeps its own page. Each page has a context of its own:
 * the English and Japanese pages of one lab would otherwise share storage and tell each other, as
 * two tabs do, that a file changed. A failed test ends its worker, and the pages with it.
 */
export async function starterLabPages(
  { browser }: PlaywrightWorkerArgs,
  use: (pageOf: StarterLabPage) => Promise<void>,
  workerInfo: WorkerInfo,
): Promise<void> {
  const { baseURL, viewport, serviceWorkers } = workerInfo.project.use;
  const pages = new Map<string, Page>();
  await use(async (slug, prefix = '') => {
    const key = `${prefix}/labs/${slug}/`;
    let page = pages.get(key);
    if (!page) {
      const context = await browser.newContext({ baseURL, viewport, serviceWorkers });
      page = await context.newPage();
      await openLab(page, slug, prefix);
      pages.set(key, page);
    }
    if (viewport) await page.setViewportSize(viewport);
    const starter = labFolder(slug, 'starter');
    for (const [file, text] of Object.entries(starter)) {
      const saved = await savedCode(page, slug, file);
      if (saved === null || saved === text) continue;
      await openFile(page, file);
      await typeInEditor(page, text);
    }
    await openFile(page, (await readLab(slug)).exercises[0].file);
    return page;
  });
  for (const page of pages.values()) await page.context().close();
}
