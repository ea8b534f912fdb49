import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Response } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { distDir } from './built-site.ts';
import {
  clickIntoEditor,
  labFolder,
  labPages,
  openLab,
  readLab,
  runChecks,
  runChecksOnEndlessCheck,
  runChecksOnEndlessLoad,
  savedCode,
  solveEveryExercise,
  typeInEditor,
  withEndlessLoop,
} from './lab-page.ts';

test('every lab folder with a lab page is covered', () => {
  expect(labPages.length).toBeGreaterThan(0);
});

const labs = Object.fromEntries(
  await Promise.all(labPages.map(async (slug) => [slug, await readLab(slug)] as const)),
);

for (const slug of labPages) {
  const lab = labs[slug];
  const firstFile = lab.exercises[0].file;
  test.describe(`lab ${slug}`, () => {
    const starter = labFolder(slug, 'starter');
    const solution = labFolder(slug, 'solution');

    test('the starter fails its checks', async ({ starterLabPage }) => {
      const page = await starterLabPage(slug);
      await runChecks(page);
      await expect(page.locator('.wb-check[data-status="pass"]')).toHaveCount(0);
      await expect(page.locator('.wb-summary')).toHaveText(/^0 of \d+ checks pass\.$/);
    });

    // Use solution no longer finishes a lab (issue 21): lab-exercises.spec.ts covers what it does.
    // One test for what a learner's finished lab shows. Typing every exercise and running the whole
    // lab is the heaviest thing a lab test does, and three tests each did it on a fresh page of their
    // own before reading different things from it: the English page's verdict and marks, the code it
    // loaded, and the Japanese page's.
    test('solving every exercise passes every check and marks the lab done; the page loads only this lab’s code; the Japanese page shares code and progress', async ({
      page,
    }) => {
      // Two lab pages, every exercise typed in, two whole-lab runs and the home page: the slow budget.
      test.slow();
      const scriptsSoFar = recordScripts(page);
      await openLab(page, slug);
      await solveEveryExercise(page, slug);
      await runChecks(page);
      await expect(page.locator('.wb-summary')).toHaveText('All checks pass. Lab complete!');
      await expect(page.locator('.wb-check:not([data-status="pass"])')).toHaveCount(0);
      await expect(
        page.locator(`#starlight__sidebar a[href$="/labs/${slug}/"][data-done="true"]`),
      ).toBeVisible();

      // Every script the page loaded to edit, type-check and run every exercise of this lab.
      const code = (await scriptsSoFar()).map(({ text }) => text).join('\n');
      expect(code).toContain(lab.title.en);
      for (const other of labPages.filter((name) => name !== slug)) {
        expect(code.includes(labs[other].title.en), `code of lab ${other} loaded`).toBe(false);
      }

      if (existsSync(join(distDir, 'ja', 'labs', slug, 'index.html'))) {
        await openLab(page, slug, '/ja');
        expect(await savedCode(page, slug, firstFile)).toBe(
          `// solved on my own\n${solution[firstFile]}`,
        );
        await expect(
          page.locator(`#starlight__sidebar a[href$="/ja/labs/${slug}/"][data-done="true"]`),
        ).toBeVisible();
        await runChecks(page);
        const [check] = lab.checks;
        await expect(page.locator(`.wb-check[data-check-id="${check.id}"]`)).toContainText(
          check.title.ja,
        );
      } else {
        test.info().annotations.push({
          type: 'no Japanese page',
          description: `no /ja/labs/${slug}/ page yet`,
        });
      }

      await page.goto('/');
      await expect(page.locator(`[data-lab-slug="${slug}"] a[data-done="true"]`)).toBeVisible();
    });

    test('edited code survives a reload', async ({ page }) => {
      await openLab(page, slug);
      // At the top: CodeMirror only renders the lines in view, and a long file's end is not.
      const edited = `// my note ${slug}\n${starter[firstFile]}`;
      await typeInEditor(page, edited);
      await page.reload();
      await expect(page.locator('[data-workbench]')).toHaveAttribute('data-ready', 'true');
      await expect(page.locator('.cm-content')).toContainText(`// my note ${slug}`);
      expect(await savedCode(page, slug, firstFile)).toBe(edited);
    });

    test('Run works with the network off once the learner has started', async ({
      page,
      context,
    }) => {
      await openLab(page, slug);
      // What Run needs, fetched as soon as the learner first clicks into the workbench (not with
      // the page, which a reader may only read): the lab's runtime script and the sandbox
      // document. The type checker, started by the same click, is not needed to run checks.
      await clickIntoEditor(page);
      await expect
        .poll(() =>
          page.evaluate(() => {
            const fetched = performance.getEntriesByType('resource').map((entry) => entry.name);
            return ['/lab-runtime/', '/lab-sandbox.html'].every((part) =>
              fetched.some((url) => url.includes(part)),
            );
          }),
        )
        .toBe(true);
      await context.setOffline(true);
      await runChecks(page);
      await expect(page.locator('.wb-summary')).toHaveText(/checks pass/);
    });

    test('a syntax error names the file and line, and the page keeps working', async ({
      starterLabPage,
    }) => {
      const page = await starterLabPage(slug);
      await typeInEditor(page, 'export const broken = ;\n');
      await runChecks(page);
      await expect(page.locator('.wb-load-error')).toContainText(`${firstFile} (line 1)`);
      await typeInEditor(page, solution[firstFile]);
      await runChecks(page);
      await expect(page.locator('.wb-load-error')).toHaveCount(0);
    });

    // The loop tests wait for the watchdog (on a clock moved past it once the loop is under way),
    // and the run after it waits for a fresh worker (on the BigQuery lab, with its SQL engine): 21 s
    // of 30 on a quiet machine once, so they get the slow budget.
    test('an endless loop is stopped with a message, and the next run works', async ({
      starterLabPage,
    }) => {
      test.slow();
      const page = await starterLabPage(slug);
      await typeInEditor(page, 'while (true) {}\n');
      await runChecksOnEndlessLoad(page);
      await expect(page.locator('.wb-load-error')).toContainText('did not finish within 5 s');
      await typeInEditor(page, starter[firstFile]);
      await runChecks(page);
      await expect(page.locator('.wb-summary')).toHaveText(/^0 of \d+ checks pass\.$/);
    });

    test('a loop inside a function stops only the check that calls it', async ({
      starterLabPage,
    }) => {
      test.slow();
      const page = await starterLabPage(slug);
      await typeInEditor(page, withEndlessLoop(solution[firstFile]));
      const named = await runChecksOnEndlessCheck(page);
      const stopped = page.locator('.wb-check[data-status="timeout"]');
      await expect(stopped).toHaveCount(1);
      await expect(stopped.locator('.wb-message')).toContainText('Stopped after 5 s');
      // While it ran, the status line named the check that was then stopped.
      await expect(stopped.locator('.wb-check-title')).toContainText(named);

      await typeInEditor(page, solution[firstFile]);
      await runChecks(page);
      for (const check of lab.checks.filter((check) => check.exercise === 1)) {
        await expect(page.locator(`.wb-check[data-check-id="${check.id}"]`)).toHaveAttribute(
          'data-status',
          'pass',
        );
      }
    });

    test('Open in StackBlitz sends the learner’s files and no solution', async ({
      starterLabPage,
    }) => {
      const page = await starterLabPage(slug);
      let posted: URLSearchParams | undefined;
      const stackBlitz = '**/*stackblitz.com/**';
      await page.context().route(stackBlitz, async (route) => {
        posted = new URLSearchParams(route.request().postData() ?? '');
        await route.fulfill({
          status: 200,
          contentType: 'text/html',
          body: '<title>StackBlitz</title>',
        });
      });
      const edited = `${starter[firstFile]}\n// sent to StackBlitz\n`;
      await typeInEditor(page, edited);
      const popup = page.waitForEvent('popup');
      await page.getByRole('button', { name: 'Open in StackBlitz' }).click();
      await (await popup).waitForLoadState();
      // The page is shared with the next test of this lab; the popup and the route are this test's.
      await (await popup).close();
      await page.context().unroute(stackBlitz);
      expect(posted, 'no request reached stackblitz.com').toBeDefined();
      const file = (path: string) => posted!.get(`project[files][${path}]`)?.replace(/\r\n/g, '\n');
      expect(file(`labs/${slug}/starter/${firstFile}`)).toBe(edited);
      for (const name of Object.keys(starter).filter((name) => name !== firstFile)) {
        expect(file(`labs/${slug}/starter/${name}`)).toBe(starter[name]);
      }
      expect(file('package.json')).toContain(`labs/kit/cli.ts ${slug}`);
      expect([...posted!.keys()].filter((key) => key.includes('/solution/'))).toEqual([]);
    });
  });
}

/**
 * Starts recording every script `page` receives, with its text (empty if the page went away before
 * it was read); the function returned stops recording and gives what came.
 */
function recordScripts(page: Page): () => Promise<Array<{ url: string; text: string }>> {
  const scripts: Array<Promise<{ url: string; text: string }>> = [];
  const record = (response: Response) => {
    if (response.request().resourceType() === 'script' || response.url().endsWith('.js')) {
      scripts.push(
        response.text().then(
          (text) => ({ url: response.url(), text }),
          () => ({ url: response.url(), text: '' }),
        ),
      );
    }
  };
  page.on('response', record);
  return () => {
    page.off('response', record);
    return Promise.all(scripts);
  };
}

test('pages without a lab load no editor or lab code', async ({ page }) => {
  const scriptsSoFar = recordScripts(page);
  for (const path of ['/', '/chapters/lambda-tuning/', '/glossary/']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  const loaded = await scriptsSoFar();
  expect(loaded.length, 'the progress marks script at least').toBeGreaterThan(0);
  expect(
    loaded
      .map(({ url }) => url)
      .filter((url) =>
        /LabWorkbench|lab-worker|lab-runtime|lab-sandbox|type-check|codemirror|compare-view/i.test(
          url,
        ),
      ),
  ).toEqual([]);
  // Class names CodeMirror writes and the kit's loader: present in the editor's and the worker's code only.
  expect(
    loaded
      .filter(({ text }) => /cm-editor|cm-content|loadSources|sourceURL=learner/.test(text))
      .map(({ url }) => url),
  ).toEqual([]);
});

test('a reader who only reads a lab page downloads no lab runtime, SQL engine or type checker; the first click starts them, the checker’s library files asked for together', async ({
  page,
}) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  // The type checker's library files (ES2023's are 60-odd) come level by level, each level at once:
  // one after another they were as many round trips, seconds on a venue's Wi-Fi before the first
  // verdict. Each is held back a moment here, so that files asked for together are seen together.
  let waiting = 0;
  let mostAtOnce = 0;
  await page.route(/\/lib\.[\w.]+\.d-[\w-]+\.js$/, async (route) => {
    mostAtOnce = Math.max(mostAtOnce, ++waiting);
    await new Promise((resolve) => setTimeout(resolve, 100));
    waiting--;
    await route.continue();
  });
  await openLab(page, 'bigquery-dataflow');
  await page.waitForLoadState('networkidle');
  expect(requested.filter((url) => /lab-runtime|lab-sandbox|type-check/.test(url))).toEqual([]);
  // The first click into the workbench starts them, so Run is quick by the time it is pressed and
  // the type panel has a verdict by the time the learner has typed a line.
  await clickIntoEditor(page);
  await expect
    .poll(() => requested.filter((url) => /lab-runtime\/bigquery-dataflow\.js/.test(url)).length)
    .toBe(1);
  await expect(page.locator('[data-problems]')).toHaveAttribute('data-state', 'ready', {
    timeout: 30_000,
  });
  expect(requested.filter((url) => /type-check\.worker/.test(url))).toHaveLength(1);
  expect(mostAtOnce, 'library files of the type checker in flight at once').toBeGreaterThan(4);
});
