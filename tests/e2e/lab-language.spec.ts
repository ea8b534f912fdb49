import { expect, test } from './fixtures.ts';
import { labFolder, openLab, readLab, runChecks, typeInEditor } from './lab-page.ts';

// Switching the page's language mid-lab (issue 21): the same exercise stays open and the last
// results come back, drawn in the new language. One lab each way.
const cases = [
  {
    slug: 'lambda-tuning',
    from: { prefix: '', lang: 'en' as const },
    to: { language: '日本語', lang: 'ja' as const },
  },
  {
    slug: 'secure-spa-auth',
    from: { prefix: '/ja', lang: 'ja' as const },
    to: { language: 'English', lang: 'en' as const },
  },
];

for (const { slug, from, to } of cases) {
  test(`${slug}: switching from ${from.lang} to ${to.lang} keeps the open exercise and the last results`, async ({
    page,
  }) => {
    test.slow();
    const lab = await readLab(slug);
    const second = lab.exercises[1];
    const check = lab.checks.find((candidate) => candidate.exercise === second.number)!;
    await openLab(page, slug, from.prefix);
    const exercises = page.getByRole('tablist', { name: /^(Exercises|演習)$/ });
    await exercises
      .getByRole('tab', { name: new RegExp(`^(Exercise|演習) ${second.number}\\b`) })
      .click();
    await typeInEditor(page, `// mine\n${labFolder(slug, 'solution')[second.file]}`);
    await runChecks(page);
    await expect(page.locator(`.wb-check[data-check-id="${check.id}"]`)).toContainText(
      check.title[from.lang],
    );

    await page
      .getByRole('combobox', { name: /Select language|言語/ })
      .selectOption({ label: to.language });
    await expect(page.locator('html')).toHaveAttribute('lang', to.lang);
    await expect(page.locator('[data-workbench]')).toHaveAttribute('data-ready', 'true');
    await expect(
      exercises.getByRole('tab', { name: new RegExp(`^(Exercise|演習) ${second.number}\\b`) }),
    ).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('.wb-group').first()).toHaveAttribute(
      'data-exercise',
      String(second.number),
    );
    await expect(page.locator(`.wb-check[data-check-id="${check.id}"]`)).toContainText(
      check.title[to.lang],
    );
    await expect(page.locator(`.wb-check[data-check-id="${check.id}"]`)).toHaveAttribute(
      'data-status',
      'pass',
    );
  });
}
