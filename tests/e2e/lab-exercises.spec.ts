import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  labFolder,
  openFile,
  openLab,
  readLab,
  runChecks,
  savedCode,
  typeInEditor,
  useSolution,
} from './lab-page.ts';
import { exportedProgress } from './exported-progress.ts';

// One exercise at a time and honest completion (issue 21), on two labs in both languages.
const words = {
  en: {
    exercise: (n: number) => new RegExp(`^Exercise ${n}\\b`),
    notStarted: 'not started',
    done: 'done ✓',
    solution: 'solved with the solution',
    runAll: 'Run all',
    useSolution: 'Use solution',
    summarySolution: /^All checks pass, some or all on the untouched solution/,
  },
  ja: {
    exercise: (n: number) => new RegExp(`^演習 ${n}\\b`),
    notStarted: '未着手',
    done: '完了 ✓',
    solution: '解答で通過',
    runAll: 'すべて実行',
    useSolution: '解答を使う',
    summarySolution: /^すべてのチェックが通りましたが、手を加えていない解答/,
  },
};
const cases = ['lambda-tuning', 'secure-spa-auth'].flatMap((slug) =>
  (['en', 'ja'] as const).map((lang) => ({ slug, lang, prefix: lang === 'ja' ? '/ja' : '' })),
);

const exerciseTab = (page: Page, name: RegExp) =>
  page.getByRole('tablist', { name: /^(Exercises|演習)$/ }).getByRole('tab', { name });
const group = (page: Page, n: number) => page.locator(`.wb-group[data-exercise="${n}"]`);

for (const { slug, lang, prefix } of cases) {
  const say = words[lang];
  const starter = labFolder(slug, 'starter');
  const solution = labFolder(slug, 'solution');

  test.describe(`${prefix || '/en'} lab ${slug}`, () => {
    // Each test runs the checks two or three times and reloads or exports.
    test.slow();
    test('picking an exercise opens its file and instructions; Run checks reports on it first, the others folded under their status', async ({
      page,
    }) => {
      const lab = await readLab(slug);
      const [first, second] = lab.exercises;
      await openLab(page, slug, prefix);
      await expect(exerciseTab(page, say.exercise(1))).toHaveAttribute('aria-selected', 'true');
      await exerciseTab(page, say.exercise(2)).click();
      await expect(
        page.getByRole('tab', { name: new RegExp(`^${second.file.replace(/\./g, '\\.')}\\b`) }),
      ).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('heading', { level: 2, name: say.exercise(2) })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: say.exercise(1) })).toBeHidden();

      await typeInEditor(page, `// my own answer\n${solution[second.file]}`);
      await runChecks(page);
      await expect(group(page, second.number)).toHaveJSProperty('open', true);
      await expect(page.locator('.wb-group').first()).toHaveAttribute(
        'data-exercise',
        String(second.number),
      );
      await expect(group(page, second.number).locator('.wb-group-status')).toHaveText(say.done);
      await expect(group(page, first.number)).toHaveJSProperty('open', false);
      await expect(group(page, first.number).locator('.wb-group-status')).toHaveText(
        say.notStarted,
      );
      await expect(exerciseTab(page, say.exercise(2))).toContainText(say.done);
      await expect(exerciseTab(page, say.exercise(1))).toContainText(say.notStarted);
      await expect(page.locator(`[data-plan] [data-exercise="${second.number}"]`)).toContainText(
        say.done,
      );
      await expect(page.locator(`.wb-tabs [data-file="${second.file}"] .wb-tab-mark`)).toHaveText(
        '✓',
      );

      await page.getByRole('button', { name: say.runAll }).click();
      await expect(page.locator('.wb-group').first()).toHaveAttribute(
        'data-exercise',
        String(first.number),
      );
      for (const exercise of lab.exercises)
        await expect(group(page, exercise.number)).toHaveJSProperty('open', true);

      // The standing survives a reload, before any new run.
      await page.reload();
      await expect(page.locator('[data-workbench]')).toHaveAttribute('data-ready', 'true');
      await expect(exerciseTab(page, say.exercise(2))).toContainText(say.done);
    });

    test('Use solution replaces the open file only, and passing on it reads "solved with the solution" in the page, the sidebar and exported progress', async ({
      page,
    }) => {
      const lab = await readLab(slug);
      const [first, second] = lab.exercises;
      await openLab(page, slug, prefix);
      const mine = `// my attempt\n${starter[first.file]}`;
      await typeInEditor(page, mine);

      await exerciseTab(page, say.exercise(2)).click();
      expect(await useSolution(page, slug, second.file, say.useSolution)).toContain(second.file);
      expect(await savedCode(page, slug, first.file)).toBe(mine);

      await runChecks(page);
      await expect(group(page, second.number).locator('.wb-group-status')).toHaveText(say.solution);
      await expect(exerciseTab(page, say.exercise(2))).toContainText(say.solution);
      await expect(exerciseTab(page, say.exercise(2))).not.toContainText(say.done);

      // The solution in every file: every check passes, and the lab still is not "done".
      for (const exercise of lab.exercises) {
        await openFile(page, exercise.file);
        await useSolution(page, slug, exercise.file, say.useSolution);
      }
      await page.getByRole('button', { name: say.runAll }).click();
      await expect(page.locator('.wb-summary')).toHaveText(say.summarySolution);
      const sidebarLink = page.locator(`#starlight__sidebar a[href$="/labs/${slug}/"]`);
      await expect(sidebarLink).toHaveAttribute('data-progress', 'solution');
      await expect(sidebarLink).not.toHaveAttribute('data-done', 'true');

      const exported = JSON.parse(await exportedProgress(page)) as {
        entries: Record<string, string>;
      };
      const progress = JSON.parse(exported.entries['smt2:progress'])[slug];
      expect(progress.done).toBe(false);
      expect(progress.solution).toBe(true);
      expect(progress.exercises[second.number]).toMatchObject({ solution: true });
    });
  });
}
