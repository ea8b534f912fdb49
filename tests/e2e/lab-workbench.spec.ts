import { expect, test } from '@playwright/test';
import { firstExerciseFile, labFolder, labPages, openLab, runChecks, savedCode, typeInEditor } from './lab-page.ts';

test('every lab folder with a lab page is covered', () => {
  expect(labPages.length).toBeGreaterThan(0);
});

for (const slug of labPages) {
  const firstFile = await firstExerciseFile(slug);
  test.describe(`lab ${slug}`, () => {
    const starter = labFolder(slug, 'starter');
    const solution = labFolder(slug, 'solution');

    test('the starter fails its checks', async ({ page }) => {
      await openLab(page, slug);
      await runChecks(page);
      await expect(page.locator('.wb-check[data-status="pass"]')).toHaveCount(0);
      await expect(page.locator('.wb-summary')).toHaveText(/^0 of \d+ checks pass\.$/);
    });

    test('using the solution passes every check and marks the lab done', async ({ page }) => {
      await openLab(page, slug);
      page.on('dialog', (dialog) => dialog.accept());
      await page.getByRole('button', { name: 'Use solution' }).click();
      await runChecks(page);
      await expect(page.locator('.wb-summary')).toHaveText('All checks pass. Lab complete!');
      await expect(page.locator('.wb-check:not([data-status="pass"])')).toHaveCount(0);
      await expect(page.locator(`#starlight__sidebar a[href$="/labs/${slug}/"][data-done="true"]`)).toBeVisible();
      await page.goto('/');
      await expect(page.locator(`[data-lab-slug="${slug}"] a[data-done="true"]`)).toBeVisible();
    });

    test('edited code survives a reload', async ({ page }) => {
      await openLab(page, slug);
      const edited = `${starter[firstFile]}\n// my note ${slug}\n`;
      await typeInEditor(page, edited);
      await page.reload();
      await expect(page.locator('[data-workbench]')).toHaveAttribute('data-ready', 'true');
      await expect(page.locator('.cm-content')).toContainText(`// my note ${slug}`);
      expect(await savedCode(page, slug, firstFile)).toBe(edited);
    });

    test('Run works with the network off', async ({ page, context }) => {
      await openLab(page, slug);
      await page.waitForLoadState('networkidle');
      await context.setOffline(true);
      await runChecks(page);
      await expect(page.locator('.wb-summary')).toHaveText(/checks pass/);
    });

    test('a syntax error names the file and line, and the page keeps working', async ({ page }) => {
      await openLab(page, slug);
      await typeInEditor(page, 'export const broken = ;\n');
      await runChecks(page);
      await expect(page.locator('.wb-load-error')).toContainText(`${firstFile} (line 1)`);
      await typeInEditor(page, solution[firstFile]);
      await runChecks(page);
      await expect(page.locator('.wb-load-error')).toHaveCount(0);
    });

    test('an endless loop is stopped with a message, and the next run works', async ({ page }) => {
      await openLab(page, slug);
      await typeInEditor(page, 'while (true) {}\n');
      await runChecks(page);
      await expect(page.locator('.wb-load-error')).toContainText('did not finish within 5 s');
      await typeInEditor(page, starter[firstFile]);
      await runChecks(page);
      await expect(page.locator('.wb-summary')).toHaveText(/^0 of \d+ checks pass\.$/);
    });

    test('Open in StackBlitz sends the learner’s files and no solution', async ({ page, context }) => {
      let posted: URLSearchParams | undefined;
      await context.route('**/*stackblitz.com/**', async (route) => {
        posted = new URLSearchParams(route.request().postData() ?? '');
        await route.fulfill({ status: 200, contentType: 'text/html', body: '<title>StackBlitz</title>' });
      });
      await openLab(page, slug);
      const edited = `${starter[firstFile]}\n// sent to StackBlitz\n`;
      await typeInEditor(page, edited);
      const popup = page.waitForEvent('popup');
      await page.getByRole('button', { name: 'Open in StackBlitz' }).click();
      await (await popup).waitForLoadState();
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

test('pages without a lab load no editor or lab code', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script' || request.url().endsWith('.js')) scripts.push(request.url());
  });
  for (const path of ['/', '/chapters/lambda-tuning/', '/glossary/']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  expect(scripts.filter((url) => /LabWorkbench|lab-worker|type-check|codemirror|compare-view/i.test(url))).toEqual([]);
});
