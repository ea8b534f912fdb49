import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { readLab } from './lab-page.ts';
import { exportedProgress } from './exported-progress.ts';
import { MAX_TEXT_CHARS } from '../../src/lib/stored-progress.ts';

const slug = 'lambda-tuning';
const at = '2026-12-02T09:00:00.000Z';

/** A learner's exported progress file, as the guide writes it. */
function progressFile(
  learner: string,
  exercises: Record<
    number,
    { passed: number; total: number; solution?: boolean; failing?: string[] }
  >,
) {
  return JSON.stringify({
    format: 'serverless-meetup-tokyo-2/progress',
    version: 1,
    exportedAt: at,
    learner,
    entries: { 'smt2:progress': JSON.stringify({ [slug]: { done: false, at, exercises } }) },
  });
}

const asUpload = (name: string, text: string) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(text),
});

/** A room of 30: 28 learners spread over the states of exercise 1, and two files that are not progress files. */
async function roomOfThirty() {
  const lab = await readLab(slug);
  const checks = lab.checks.filter((check) => check.exercise === 1).map((check) => check.id);
  const learners = Array.from({ length: 28 }, (_, index) => {
    const state = index % 4; // 0 done, 1 solved with the solution, 2 stuck on the last check, 3 not started
    const failing = state === 2 ? checks.slice(-1) : state === 3 ? checks : [];
    const exercise1 = {
      passed: checks.length - failing.length,
      total: checks.length,
      solution: state === 1,
      failing,
    };
    return asUpload(
      `learner-${index + 1}.json`,
      progressFile(`Learner ${String(index + 1).padStart(2, '0')}`, { 1: exercise1 }),
    );
  });
  return {
    lab,
    lastCheckOfExercise1: lab.checks.find((check) => check.id === checks.at(-1))!,
    files: [
      ...learners,
      asUpload('notes.json', 'not json'),
      asUpload('package.json', '{"name":"someone-else"}'),
    ],
  };
}

const board = (page: Page) => page.getByRole('table');

for (const [path, words] of [
  [
    '/workshop/class-board/',
    {
      choose: 'Choose progress files',
      done: 'Done',
      solution: 'Solved with the solution',
      notStarted: 'Not started',
      read: 'Read 28 files; the board shows 28 learners.',
      refused: 'is not on the board',
      lang: 'en',
    },
  ],
  [
    '/ja/workshop/class-board/',
    {
      choose: '進捗ファイルを選ぶ',
      done: '完了',
      solution: '解答で通過',
      notStarted: '未着手',
      read: '28 件のファイルを読み込みました。ボードには 28 人が表示されています。',
      refused: 'はボードに反映していません',
      lang: 'ja',
    },
  ],
] as const) {
  test(`${path}: 30 dropped files make a board of 28 learners, with a line for each of the 2 bad files`, async ({
    page,
  }) => {
    const { files, lastCheckOfExercise1 } = await roomOfThirty();
    await page.goto(path);
    await page.getByLabel(words.choose).setInputFiles(files);
    await expect(page.getByRole('status')).toHaveText(words.read);
    const refusals = page.getByRole('listitem').filter({ hasText: words.refused });
    await expect(refusals).toHaveCount(2);
    await expect(refusals.filter({ hasText: 'notes.json' })).toHaveCount(1);
    await expect(refusals.filter({ hasText: 'package.json' })).toHaveCount(1);

    const rows = board(page).locator('tbody tr');
    await expect(rows).toHaveCount(28);
    const first = rows.filter({ has: page.getByRole('rowheader', { name: 'Learner 01' }) });
    await expect(first.getByRole('cell').first()).toHaveText(words.done);
    const second = rows.filter({ has: page.getByRole('rowheader', { name: 'Learner 02' }) });
    await expect(second.getByRole('cell').first()).toHaveText(words.solution);
    const fourth = rows.filter({ has: page.getByRole('rowheader', { name: 'Learner 04' }) });
    await expect(fourth.getByRole('cell').first()).toHaveText(words.notStarted);

    // 7 learners are stuck on exercise 1's last check, and the 7 who have not started fail it too.
    const mostFailing = board(page).locator('tfoot tr').last().getByRole('cell').first();
    await expect(mostFailing).toHaveText(`${lastCheckOfExercise1.title[words.lang]} (14)`);

    // Dropping the same learners again replaces their rows instead of adding new ones.
    await page.getByLabel(words.choose).setInputFiles(files.slice(0, 3));
    await expect(rows).toHaveCount(28);
  });
}

test('a learner exports with their name, and the board shows the file under that name', async ({
  page,
}) => {
  await page.goto('/workshop/');
  await page
    .getByLabel('Your name, for the facilitator’s class board (optional)')
    .fill('Aiko Tanaka');
  const exported = await exportedProgress(page);
  expect(JSON.parse(exported).learner).toBe('Aiko Tanaka');

  await page.goto('/workshop/class-board/');
  await page.getByLabel('Choose progress files').setInputFiles(asUpload('progress.json', exported));
  await expect(board(page).getByRole('rowheader', { name: 'Aiko Tanaka' })).toBeVisible();
  // The name is remembered for the next export.
  await page.goto('/workshop/');
  await expect(
    page.getByLabel('Your name, for the facilitator’s class board (optional)'),
  ).toHaveValue('Aiko Tanaka');
});

test('scrolled across to the last exercise, every row still names its learner, and the caption reads in full on a phone', async ({
  page,
}) => {
  const { files } = await roomOfThirty();
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/workshop/class-board/');
  await page.getByLabel('Choose progress files').setInputFiles(files);
  const scroller = page.getByRole('region', { name: 'Class board' });
  await expect(board(page).locator('tbody tr')).toHaveCount(28);

  const caption = board(page).locator('caption');
  await expect(caption).toHaveText('Where each learner stands, exercise by exercise');
  await expect
    .poll(() => textOnScreen(scroller, caption))
    .toEqual({ pastTheEdge: 0, covered: false });

  await scroller.evaluate((element) => (element.scrollLeft = element.scrollWidth));
  await expect.poll(() => scroller.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  for (const name of ['Learner', 'Learner 01', 'Learner 28']) {
    const header = board(page).getByRole(name === 'Learner' ? 'columnheader' : 'rowheader', {
      name,
      exact: true,
    });
    await expect
      .poll(() => textOnScreen(scroller, header), { message: name })
      .toEqual({ pastTheEdge: 0, covered: false });
  }
  await expect
    .poll(() => textOnScreen(scroller, board(page).locator('tfoot th').last()))
    .toEqual({ pastTheEdge: 0, covered: false });
});

/**
 * How `cell`'s text sits in the part of `scroller` on screen: how many pixels of it reach past
 * either side, and whether something else is drawn over its middle.
 */
async function textOnScreen(scroller: Locator, cell: Locator) {
  const wrap = await scroller.elementHandle();
  return cell.evaluate((element, wrap) => {
    // Brought into the window by scrolling the page only: scrolling the board would hide the bug.
    const { top } = element.getBoundingClientRect();
    window.scrollBy(0, top - innerHeight / 2);
    const range = document.createRange();
    range.selectNodeContents(element);
    const text = range.getBoundingClientRect();
    const box = wrap!.getBoundingClientRect();
    const middle = document.elementFromPoint(
      text.left + text.width / 2,
      text.top + text.height / 2,
    );
    return {
      pastTheEdge: Math.round(
        Math.max(0, box.left - text.left) + Math.max(0, text.right - box.right),
      ),
      covered: !element.contains(middle),
    };
  }, wrap);
}

test('a file with an entry too large to be the guide’s is refused for that reason, not as an entry the guide does not write', async ({
  page,
}) => {
  const entry = `smt2:lab:${slug}:file:concurrency.ts`;
  const oversized = JSON.stringify({
    format: 'serverless-meetup-tokyo-2/progress',
    version: 1,
    exportedAt: at,
    entries: { [entry]: 'x'.repeat(MAX_TEXT_CHARS + 1) },
  });
  await page.goto('/workshop/class-board/');
  await page.getByLabel('Choose progress files').setInputFiles(asUpload('big.json', oversized));
  const refusal = page.getByRole('listitem').filter({ hasText: 'big.json is not on the board' });
  await expect(refusal).toContainText(`the entry ${entry} in it is damaged or too large`);
  await expect(refusal).not.toContainText('not one this guide writes');
});
