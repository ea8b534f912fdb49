import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { labFolder, openLab, readLab, typeInEditor } from './lab-page.ts';
import { sidewaysOverflow } from './sideways-scroll.ts';

// Two labs with different shapes: Lambda (an overview straight into exercises) and the secure SPA
// (a section after the last exercise), in both languages.
const cases = ['lambda-tuning', 'secure-spa-auth'].flatMap((slug) =>
  (['', '/ja'] as const).map((prefix) => ({
    slug,
    prefix,
    lang: prefix ? ('ja' as const) : ('en' as const),
  })),
);
const exerciseHeading = (page: Page, n: number) =>
  page.getByRole('heading', { level: 2, name: new RegExp(`^(Exercise|演習) ?${n}\\b`) });

async function hasNoHorizontalScroll(page: Page) {
  expect(await sidewaysOverflow(page), 'the page scrolls sideways').toEqual([]);
}

for (const { slug, prefix, lang } of cases) {
  test.describe(`${prefix || '/en'} lab ${slug}`, () => {
    test('at 1280 px the instructions sit beside the editor, which stays in view while they scroll', async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await openLab(page, slug, prefix);
      const editor = page.locator('.cm-content');
      const heading = exerciseHeading(page, 1);
      await heading.scrollIntoViewIfNeeded();
      await expect(heading).toBeInViewport();
      await expect(editor).toBeInViewport();
      const [text, code] = await Promise.all([heading.boundingBox(), editor.boundingBox()]);
      expect(text!.x + text!.width, 'instructions end left of the editor').toBeLessThanOrEqual(
        code!.x,
      );
      // Reading on: the last paragraph of exercise 1 comes into view and the editor is still there.
      await page
        .locator('.wb-exercise-text[data-exercise="1"] > p')
        .last()
        .scrollIntoViewIfNeeded();
      await expect(editor).toBeInViewport();
      await expect(
        page.getByRole('tablist', { name: lang === 'ja' ? 'ラボの表示' : 'Lab views' }),
      ).toBeHidden();
      await hasNoHorizontalScroll(page);
    });

    test('on a 390 px phone a switch shows instructions, code or results, the editor is built when the code first shows, and switching loses nothing', async ({
      page,
    }) => {
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      const editingAidsAsked = () =>
        requested.some((url) => /\/editing-aids\.[\w-]+\.js$/.test(url));
      await page.setViewportSize({ width: 390, height: 844 });
      await openLab(page, slug, prefix);
      // A reader of the instructions gets no editor drawn and none of its editing aids downloaded.
      await page.waitForLoadState('networkidle');
      await expect(page.locator('.cm-editor')).toHaveCount(0);
      expect(editingAidsAsked()).toBe(false);
      const views = page.getByRole('tablist', { name: lang === 'ja' ? 'ラボの表示' : 'Lab views' });
      const tab = (name: string) => views.getByRole('tab', { name });
      const [instructions, code, results] =
        lang === 'ja' ? ['説明', 'コード', '結果'] : ['Instructions', 'Code', 'Results'];
      await expect(tab(instructions)).toHaveAttribute('aria-selected', 'true');
      await expect(exerciseHeading(page, 1)).toBeVisible();
      await expect(page.locator('.cm-content')).toBeHidden();
      await hasNoHorizontalScroll(page);

      await tab(code).click();
      await expect(page.locator('.cm-content')).toBeVisible();
      await expect(exerciseHeading(page, 1)).toBeHidden();
      const lab = await readLab(slug);
      const starter = labFolder(slug, 'starter')[lab.exercises[0].file];
      // The learner's file, with the editing aids on their way.
      await expect(page.locator('.cm-content')).toContainText(
        starter
          .split('\n')
          .find((line) => line.trim())!
          .trim(),
      );
      await expect.poll(editingAidsAsked).toBe(true);
      const mine = `// kept across views\n${starter}`;
      await typeInEditor(page, mine);
      await page.keyboard.press('ControlOrMeta+Home');
      await hasNoHorizontalScroll(page);

      await tab(results).click();
      await expect(page.locator('[data-results]')).toBeVisible();
      await expect(page.locator('.cm-content')).toBeHidden();
      await hasNoHorizontalScroll(page);

      await tab(instructions).click();
      await tab(code).click();
      await expect(page.locator('.cm-content')).toContainText('// kept across views');
      // Undo still reaches back across the switches: the editor was hidden, never rebuilt.
      await page.locator('.cm-content').click();
      await page.keyboard.press('ControlOrMeta+Z');
      await expect(page.locator('.cm-content')).not.toContainText('// kept across views');
      // Ctrl+Enter runs the checks: the Results view takes the editor's place, and the keyboard
      // goes along rather than stay on the hidden editor.
      await page.keyboard.press('Control+Enter');
      await expect(tab(results)).toHaveAttribute('aria-selected', 'true');
      await expect(page.locator('[data-results]')).toBeFocused();
    });
  });
}

// Only the current exercise's text is shown, so a link to a heading in another exercise (the
// page's "On this page", or a link from elsewhere) must open that exercise, or it goes nowhere.
for (const prefix of ['', '/ja'] as const) {
  test(`${prefix || '/en'}: a link to an exercise's heading opens that exercise, on arrival and from "On this page"`, async ({
    page,
  }) => {
    const slug = 'lambda-tuning';
    await page.setViewportSize({ width: 390, height: 844 });
    await openLab(page, slug, prefix);
    const contents = page.locator('mobile-starlight-toc');
    const hrefs = await contents
      .locator('a[href^="#"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    const exerciseLinks = hrefs.filter((href) =>
      /^#(exercise|演習)/i.test(decodeURIComponent(href)),
    );
    expect(exerciseLinks.length).toBeGreaterThanOrEqual(3);

    await page.goto(`${prefix}/`);
    await page.goto(`${prefix}/labs/${slug}/${exerciseLinks[1]}`);
    await expect(page.locator('[data-workbench]')).toHaveAttribute('data-ready', 'true');
    await expect(exerciseHeading(page, 2)).toBeInViewport();

    await contents.locator('summary').click();
    await contents.locator(`a[href="${exerciseLinks[2]}"]`).click();
    await expect(exerciseHeading(page, 3)).toBeInViewport();
    await expect(exerciseHeading(page, 2)).toBeHidden();
  });
}

// Starlight's "On this page" names the heading above whatever is in view, walking back through
// the page. A lab page hides every exercise but the current one in place, so below the workbench
// that walk ended in the last exercise's hidden text, and a learner on exercise 1 read "Exercise 5"
// in the phone's bar. And Starlight watches only what follows a heading, which the exercise tabs
// and the workbench do not: with them in view (the workbench fills the screen in the Code and
// Results views) the bar kept naming what was in view before, the overview.
test('on a phone, "On this page" names the exercise that is shown, never a hidden one, in every view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLab(page, 'lambda-tuning');
  const named = page.locator('mobile-starlight-toc .display-current');
  const headingText = (n: number) =>
    page.locator(`.wb-exercise-text[data-exercise="${n}"] h2`).textContent();
  const views = page.getByRole('tablist', { name: 'Lab views' });
  // Starlight reads what crosses a band under the bar, so the section below the workbench is
  // brought to the top of the screen, into that band.
  const scrollBelowTheWorkbench = () =>
    page
      .locator('[data-progress-transfer]')
      .evaluate((section) => section.scrollIntoView({ block: 'start' }));

  // The exercise tabs alone in Starlight's band: it starts where its own root margin says.
  await expect(named).toHaveText('Overview');
  await page.getByRole('tablist', { name: 'Exercises' }).evaluate((tabs) => {
    const contents = document.querySelector('mobile-starlight-toc') as HTMLElement & {
      getRootMargin(): string;
    };
    scrollBy(0, tabs.getBoundingClientRect().top + parseFloat(contents.getRootMargin()));
  });
  await expect(named).toHaveText((await headingText(1))!);

  await views.getByRole('tab', { name: 'Code' }).click();
  await page
    .locator('[data-workbench]')
    .evaluate((workbench) => workbench.scrollIntoView({ block: 'start' }));
  await expect(named).toHaveText((await headingText(1))!);
  await scrollBelowTheWorkbench();
  await expect(named).toHaveText((await headingText(1))!);

  await views.getByRole('tab', { name: 'Instructions' }).click();
  await page
    .getByRole('tablist', { name: 'Exercises' })
    .getByRole('tab', { name: /Exercise 3/ })
    .click();
  await scrollBelowTheWorkbench();
  await expect(named).toHaveText((await headingText(3))!);
  // Choosing a view brings the workbench back to the top of the screen.
  await views.getByRole('tab', { name: 'Results' }).click();
  await expect(named).toHaveText((await headingText(3))!);

  // Above the lab, Starlight's own marking stands.
  await page.evaluate(() => scrollTo(0, 0));
  await expect(named).toHaveText('Overview');
});

// On the Azure lab the overview ends in a tall figure: with the view switch at the top of the
// screen, neither the hidden exercise tabs nor the workbench below the switch reached Starlight's
// band, and the bar said "The pipeline at its peak" over the code and, after a run, the results.
test('on a phone, "On this page" names the exercise over the code, and still after a run switches to the results', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLab(page, 'azure-push');
  const named = page.locator('mobile-starlight-toc .display-current');
  const views = page.getByRole('tablist', { name: 'Lab views' });
  await views.getByRole('tab', { name: 'Code' }).click();
  await page.locator('.wb-layout').evaluate((layout) => layout.scrollIntoView({ block: 'start' }));
  const heading = await page.locator('.wb-exercise-text[data-exercise="1"] h2').textContent();
  await expect(named).toHaveText(heading!);
  await page.getByRole('button', { name: 'Run checks' }).click();
  await expect(views.getByRole('tab', { name: 'Results' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.locator('[data-results] .wb-group').first()).toBeVisible();
  await expect(named).toHaveText(heading!);
  // Back above the lab, Starlight's own marking stands.
  await page.evaluate(() => scrollTo(0, 0));
  await expect(named).toHaveText('Overview');
});
