import { test as base } from '@playwright/test';
import { pagesPerPath, type PageAt } from './page-per-path.ts';
import { starterLabPages, type StarterLabPage } from './shared-lab-page.ts';

export { expect } from '@playwright/test';

/**
 * The `test` of every browser spec. Playwright gives a spec file a worker of its own kind when
 * its worker fixtures differ from the last file's; with one worker, as in CI, each change of kind
 * closed the browser and the pages kept for sharing, and opened them again, several times a run.
 * One set of worker fixtures for all specs keeps one worker for the run. A fixture costs nothing
 * until a test asks for it.
 */
export const test = base.extend<object, { starterLabPage: StarterLabPage; pageAt: PageAt }>({
  starterLabPage: [starterLabPages, { scope: 'worker' }],
  pageAt: [pagesPerPath, { scope: 'worker' }],
});
