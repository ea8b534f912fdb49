import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';

for (const [path, chaptersLabel] of [
  ['/print/', 'Chapters'],
  ['/ja/print/', '章'],
] as const) {
  test(`${path} holds every chapter, in the sidebar's order`, async ({ page }) => {
    await page.goto(path);
    const sidebarChapters = page
      .locator('#starlight__sidebar details', {
        has: page.getByText(chaptersLabel, { exact: true }),
      })
      .getByRole('link');
    const expected = (await sidebarChapters.allTextContents()).map((title) => title.trim());
    expect(expected.length).toBeGreaterThanOrEqual(8);
    const printed = (await page.locator('.printed-chapter > h2').allTextContents()).map((title) =>
      title.trim(),
    );
    expect(printed).toEqual(expected);
  });
}

test('printing leaves the navigation off the paper', async ({ page }) => {
  await page.goto('/print/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.header')).toBeHidden();
  await expect(page.locator('#starlight__sidebar')).toBeHidden();
  await expect(page.locator('.printed-chapter').first()).toBeVisible();
});

test('code printed from the dark theme is dark ink on light paper', async ({ page }) => {
  // The print page holds every token style of the site (see site.spec.ts); the reader chose dark.
  await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
  await page.goto('/print/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ media: 'print' });
  const { violations } = await new AxeBuilder({ page })
    .include('.expressive-code')
    .withRules(['color-contrast'])
    .analyze();
  const faint = violations.flatMap((violation) => violation.nodes.map((node) => node.html));
  expect(faint.slice(0, 5), `${faint.length} code tokens too faint on paper`).toEqual([]);
});

test('the home page links to the printable guide', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'whole guide on one page' }).click();
  await expect(page).toHaveURL(/\/print\/$/);
});

for (const [path, labels] of [
  [
    '/print/',
    {
      contents: 'Contents',
      answers: 'Answers to “Check yourself”',
      built: /built on \w+ \d{1,2}, \d{4}\./,
      glossary: 'Glossary',
    },
  ],
  [
    '/ja/print/',
    {
      contents: '目次',
      answers: '理解度チェックの解答',
      built: /\d{4}年\d{1,2}月\d{1,2}日 時点の版です。/,
      glossary: '用語集',
    },
  ],
] as const) {
  test(`${path} opens with a cover and a contents list that reaches every chapter and the glossary`, async ({
    page,
  }) => {
    await page.goto(path);
    const cover = page.locator('.print-cover');
    await expect(cover).toContainText('Serverless Meetup Tokyo #2');
    await expect(cover).toContainText(labels.built);
    await expect(cover).toContainText(/https?:\/\/\S+\//);

    const contents = page.getByRole('navigation', { name: labels.contents }).getByRole('link');
    const chapterTitles = await page.locator('.printed-chapter > h2').allTextContents();
    expect((await contents.allTextContents()).map((title) => title.trim())).toEqual([
      ...chapterTitles.map((title) => title.trim()),
      labels.glossary,
    ]);
    await contents.last().click();
    await expect(
      page.getByRole('heading', { level: 2, name: labels.glossary, exact: true }),
    ).toBeInViewport();
    await expect(page.locator('.printed-glossary h3').first()).toBeVisible();
  });

  test(`${path} lists each chapter's self-check answers after the chapter, not under the questions`, async ({
    page,
  }) => {
    await page.goto(path);
    const chapter = page
      .locator('.printed-chapter', { has: page.locator('.printed-question') })
      .first();
    const questions = chapter.locator('.printed-question');
    const answers = chapter.getByRole('region', { name: labels.answers }).getByRole('listitem');
    expect(await questions.count()).toBeGreaterThan(0);
    await expect(answers).toHaveCount(await questions.count());
    await expect(chapter.locator('details')).toHaveCount(0);
    // Question n links to answer n, and the answers come after the last question.
    await questions.first().getByRole('link').click();
    await expect(answers.first()).toBeInViewport();
    const lastQuestion = await questions.last().boundingBox();
    const firstAnswer = await answers.first().boundingBox();
    expect(firstAnswer!.y).toBeGreaterThan(lastQuestion!.y);
  });
}
