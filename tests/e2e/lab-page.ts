import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { Lab } from '../../labs/kit/types.ts';
import { CHECK_LIMIT_MS } from '../../src/lib/lab-workbench/run-in-worker.ts';
import { distDir } from './built-site.ts';

const labsDir = join(import.meta.dirname, '..', '..', 'labs');

/** Lab slugs that have a page in the build (so a new lab is covered once its page exists). */
export const labPages = readdirSync(join(distDir, 'labs'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** A lab's files on disk (`starter` or `solution`), by file name: the expected values of the tests. */
export function labFolder(slug: string, folder: 'starter' | 'solution'): Record<string, string> {
  const dir = join(labsDir, slug, folder);
  return Object.fromEntries(
    readdirSync(dir).map((file) => [file, readFileSync(join(dir, file), 'utf8')]),
  );
}

/** Opens a lab page and waits until it is as a reader finds it (see labPageReady). */
export async function openLab(page: Page, slug: string, prefix = ''): Promise<void> {
  await page.goto(`${prefix}/labs/${slug}/`);
  await labPageReady(page);
}

/**
 * Waits until the lab page's workbench is ready and, on a wide screen, the editor has its keys
 * (see editingAidsInPlace). A phone (the switch between views shows) builds the editor when its
 * Code view first shows: typeInEditor waits for the editing aids there.
 */
export async function labPageReady(page: Page): Promise<void> {
  await expect(page.locator('[data-workbench]')).toHaveAttribute('data-ready', 'true');
  if (await page.locator('.wb-switch').isVisible()) return;
  await editingAidsInPlace(page);
}

/**
 * The editor is ready before its editing aids (undo, the standard keys, colours) have loaded; they
 * follow at once. A test that presses keys waits for them, as a learner's first keystrokes come
 * well after they have.
 */
export async function editingAidsInPlace(page: Page): Promise<void> {
  await expect(page.locator('.cm-editor[data-editing-aids="ready"]')).toHaveCount(1);
}

/**
 * Presses a button that replaces the learner's code (Use solution, Reset file: `label`, in the
 * page's language) and answers the question the page asks first with the same button. Gives what
 * the page asked.
 */
export async function pressAndConfirm(page: Page, label: string): Promise<string> {
  await page.getByRole('button', { name: label }).click();
  const question = page.getByRole('dialog');
  const asked = (await question.locator('p').textContent()) ?? '';
  await question.getByRole('button', { name: label }).click();
  await expect(question).toBeHidden();
  return asked;
}

const RUN_CHECKS = /Run checks|チェックを実行/;
/** How long a test waits for a run: one stopped by the watchdog takes its full 5 s limit. */
const RUN_LIMIT_MS = 15_000;

export async function runChecks(page: Page): Promise<void> {
  await page.getByRole('button', { name: RUN_CHECKS }).click();
  await expectRunOver(page);
}

/** Pages whose clock Playwright drives: installed once, as a shared lab page outlives a test. */
const clockedPages = new WeakSet<Page>();

/**
 * Runs the checks on a file that never finishes loading (a loop at its top level) without waiting
 * out the watchdog: the page's timers run on Playwright's clock, which keeps real time until the
 * run is under way and then jumps by the watchdog's limit, so the watchdog fires as it would have
 * after 5 s. Only a loop at the top level of a file is safe to hurry this way: no check has
 * started, so the watchdog armed for the load is the one timer of the run the jump can fire. (A
 * loop inside a check: `runChecksOnEndlessCheck`.) A worker still starting when the clock jumps
 * arms the watchdog after it, and the run takes its 5 s as before: slower, never wrong. A timer
 * set before the clock was installed and cleared after still fires (Playwright's clock cannot
 * clear a native timer); the page has one such timer, the type checker's 300 ms pause after a
 * keystroke, and it only checks the file once more.
 */
export async function runChecksOnEndlessLoad(page: Page): Promise<void> {
  await driveClock(page);
  const run = page.getByRole('button', { name: RUN_CHECKS });
  await run.click();
  await expect(run).toBeDisabled();
  await page.clock.fastForward(CHECK_LIMIT_MS);
  await expectRunOver(page);
}

/**
 * Runs the checks on code where one check never finishes (a loop in a function it calls) without
 * waiting out all of the watchdog, and gives the title of the check the status line named;
 * `startRun` is the learner's way of starting it (Run checks by default). The status line names a
 * check once it has run for a second; the watchdog for that check was armed as it started, in the
 * same step, so a jump of the watchdog's limit from then on fires that watchdog and no other.
 * (Jumping any earlier could land while an earlier check runs, and stop that one.)
 */
export async function runChecksOnEndlessCheck(
  page: Page,
  startRun = () => page.getByRole('button', { name: RUN_CHECKS }).click(),
): Promise<string> {
  await driveClock(page);
  await startRun();
  const status = page.locator('[data-workbench] p[data-status]');
  // The checks before the endless one run first, on a worker that may still be starting: as long
  // as a whole run may take.
  await expect(status).toHaveText(STILL_RUNNING, { timeout: RUN_LIMIT_MS });
  const [, english, japanese] = (await status.textContent())!.match(STILL_RUNNING)!;
  await page.clock.fastForward(CHECK_LIMIT_MS);
  await expectRunOver(page);
  return english ?? japanese;
}

const STILL_RUNNING =
  /^Still running \(stopped after 5 s\): “(.+)”$|^まだ実行中です\(5 秒で停止\): 「(.+)」$/;

/** Puts the page's timers on Playwright's clock, which keeps real time until a test moves it. */
async function driveClock(page: Page): Promise<void> {
  if (clockedPages.has(page)) return;
  await page.clock.install();
  clockedPages.add(page);
}

async function expectRunOver(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: RUN_CHECKS })).toBeEnabled({
    timeout: RUN_LIMIT_MS,
  });
  await expect(page.locator('.wb-checks')).toBeVisible();
}

/**
 * A click into the editor, as a learner's work begins: the first one also starts what only a
 * learner needs (the lab's runtime and sandbox, and the type checker), which a reader never loads.
 */
export async function clickIntoEditor(page: Page): Promise<void> {
  await page.locator('[data-editor] .cm-content').click();
}

/** Replaces the text of the file open in the editor, as a learner's edit. */
export async function typeInEditor(page: Page, text: string): Promise<void> {
  await editingAidsInPlace(page);
  await clickIntoEditor(page);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

/** Opens a learner file by its tab (an exercise's file brings that exercise along). */
export async function openFile(page: Page, file: string): Promise<void> {
  const tab = page.getByRole('tab', { name: new RegExp(`^${file.replace(/\./g, '\\.')}\\b`) });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** Writes every exercise as the learner would: the solution, plus a line of their own (so it is not the untouched solution). */
export async function solveEveryExercise(page: Page, slug: string): Promise<void> {
  const solution = labFolder(slug, 'solution');
  for (const file of Object.keys(labFolder(slug, 'starter'))) {
    await openFile(page, file);
    await typeInEditor(page, `// solved on my own\n${solution[file]}`);
  }
}

/**
 * Presses "Use solution" (`label`, in the page's language) for the open `file`, confirms, and waits
 * until the solution is saved: the page fetches the solution only once confirmed, so checks run or
 * storage read straight after the answer could still find the learner's code in place. Gives what
 * the page asked.
 */
export async function useSolution(
  page: Page,
  slug: string,
  file: string,
  label = 'Use solution',
): Promise<string> {
  const asked = await pressAndConfirm(page, label);
  await expect.poll(() => savedCode(page, slug, file)).toBe(labFolder(slug, 'solution')[file]);
  return asked;
}

/** What autosave stored for a learner file: the editor's text as the learner left it. */
export function savedCode(page: Page, slug: string, file: string): Promise<string | null> {
  return page.evaluate(
    ([lab, name]) => localStorage.getItem(`smt2:lab:${lab}:file:${name}`),
    [slug, file],
  );
}

/** A lab's metadata, from its lab.ts: titles, exercises and checks as the page shows them. */
export async function readLab(slug: string): Promise<Lab> {
  const { lab } = (await import(`../../labs/${slug}/lab.ts`)) as { lab: Lab };
  return lab;
}

/** The file of a lab's first exercise: the editor opens on it. */
export async function firstExerciseFile(slug: string): Promise<string> {
  return (await readLab(slug)).exercises[0].file;
}

/** `source` with `while (true) {}` as the first statement of its first exported function. */
export function withEndlessLoop(source: string): string {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => /^export (async )?function /.test(line));
  const body = lines.findIndex(
    (line, index) => start >= 0 && index >= start && line.trimEnd().endsWith('{'),
  );
  if (body < 0)
    throw new Error(
      'withEndlessLoop: no line starting `export function … {` in the file; give the solution one.',
    );
  lines.splice(body + 1, 0, '  while (true) {}');
  return lines.join('\n');
}
