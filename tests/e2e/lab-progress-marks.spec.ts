import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  labFolder,
  openFile,
  openLab,
  readLab,
  runChecks,
  typeInEditor,
  useSolution,
} from './lab-page.ts';

// Per-exercise progress beyond the lab page (issue 21): the sidebar link and the home-page card
// say how many exercises are done, and count those passed with the untouched solution apart.
const cases = [
  {
    slug: 'lambda-tuning',
    prefix: '',
    useSolution: 'Use solution',
    said: (done: number, total: number) => `${done} of ${total} exercises done`,
    withSolution: (n: number) => `; ${n} passed with the untouched solution`,
  },
  {
    slug: 'secure-spa-auth',
    prefix: '/ja',
    useSolution: '解答を使う',
    said: (done: number, total: number) => `演習 ${total} 個中 ${done} 個完了`,
    withSolution: (n: number) => `、${n} 個は解答をそのまま使って通過`,
  },
] as const;

async function showsProgress(link: Locator, shown: string, said: string) {
  const mark = link.locator('.progress-mark');
  await expect(mark.locator('[aria-hidden="true"]')).toHaveText(shown);
  await expect(mark.locator('.sr-only')).toHaveText(said);
  await expect(mark).toHaveAttribute('title', said);
}

for (const { slug, prefix, useSolution: solutionLabel, said, withSolution } of cases) {
  test(`${prefix || '/en'} lab ${slug}: the sidebar and the home page count exercises done, the solution's apart`, async ({
    page,
  }) => {
    test.slow();
    const lab = await readLab(slug);
    const [first, second] = lab.exercises;
    const total = lab.exercises.length;
    const solution = labFolder(slug, 'solution');
    const sidebarLink = page.locator(`#starlight__sidebar a[href$="/labs/${slug}/"]`);

    await openLab(page, slug, prefix);
    await expect(sidebarLink.locator('.progress-mark')).toHaveCount(0);
    await openFile(page, first.file);
    await typeInEditor(page, `// solved on my own\n${solution[first.file]}`);
    await runChecks(page);
    await showsProgress(sidebarLink, `1/${total}`, said(1, total));

    await openFile(page, second.file);
    await useSolution(page, slug, second.file, solutionLabel);
    await runChecks(page);
    const both = said(1, total) + withSolution(1);
    await showsProgress(sidebarLink, `1/${total} ◇1`, both);

    await page.goto(`${prefix}/`);
    await showsProgress(page.locator(`[data-lab-slug="${slug}"] > a`), `1/${total} ◇1`, both);
  });
}
