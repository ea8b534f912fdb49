import type { Page } from '@playwright/test';
import { collectConsoleErrors } from './console-errors.ts';
import { expect, test } from './fixtures.ts';
import {
  clickIntoEditor,
  firstExerciseFile,
  labFolder,
  openLab,
  readLab,
  runChecksOnEndlessCheck,
  savedCode,
  typeInEditor,
  withEndlessLoop,
} from './lab-page.ts';

// The type panel's states and the editor's keys (issue 21): each lab in one language, so both labs
// and both languages are covered without running every case four times.
const cases = [
  { slug: 'lambda-tuning', prefix: '', lang: 'en' },
  { slug: 'secure-spa-auth', prefix: '/ja', lang: 'ja' },
] as const;
const words = {
  en: {
    waiting: 'Type errors show here once you work in the editor.',
    loading: 'Type checker loading… (Run works already.)',
    clean: 'No type errors.',
    errors: /^Type errors \(\d+\):/,
    saved: (file: string) => `Saved ${file} in this browser.`,
  },
  ja: {
    waiting: 'エディターで作業を始めると、型エラーがここに表示されます。',
    loading: '型チェッカーを読み込んでいます…(チェックの実行はすでにできます)',
    clean: '型エラーはありません。',
    errors: /^型エラーが \d+ 件あります:/,
    saved: (file: string) => `${file} をこのブラウザに保存しました。`,
  },
};

/** The text of the line the cursor is on. */
const cursorLine = (page: Page) =>
  page.evaluate(() => {
    const selection = document.getSelection();
    const node = selection?.anchorNode;
    const element = node instanceof Element ? node : node?.parentElement;
    return element?.closest('.cm-line')?.textContent ?? '';
  });

for (const { slug, prefix, lang } of cases) {
  const say = words[lang];
  const solution = labFolder(slug, 'solution');

  test.describe(`${prefix || '/en'} lab ${slug}`, () => {
    test.slow();

    test('the type panel waits for the learner, says it is checking until its first verdict, counts errors, and a location jumps to its line', async ({
      page,
    }) => {
      // Every text the panel shows before the checker's first verdict, seen as it happens.
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { panelTexts: string[] }).panelTexts = seen;
        new MutationObserver(() => {
          const panel = document.querySelector<HTMLElement>('[data-problems]');
          if (panel && panel.dataset.state !== 'ready') seen.push(panel.textContent ?? '');
        }).observe(document, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
      });
      const errors = collectConsoleErrors(page);
      const { exercises } = await readLab(slug);
      const file = exercises[0].file;
      await openLab(page, slug, prefix);
      const panel = page.locator('[data-problems]');
      // A reader who does not touch the workbench never starts the type checker: the page is done
      // loading, and the panel still says what will start it.
      await page.waitForLoadState('networkidle');
      await expect(panel).toHaveText(say.waiting);
      await clickIntoEditor(page);
      await expect(panel).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
      const before = await page.evaluate(
        () => (window as unknown as { panelTexts: string[] }).panelTexts,
      );
      expect(before).toContain(say.loading);
      expect(before.filter((text) => text.includes(say.clean))).toEqual([]);

      // A line of its own after the solution, so no lab's code has to have a given shape.
      const lines = [
        ...solution[file].trimEnd().split('\n'),
        'export const notANumber: number = undefinedName;',
      ];
      const target = lines.length - 1;
      await typeInEditor(page, lines.join('\n'));
      await expect(panel).toHaveAttribute('data-verdict', 'errors', { timeout: 30_000 });
      await expect(panel.locator('p')).toHaveText(say.errors);
      await page.locator('.cm-content').press('ControlOrMeta+Home');
      await panel
        .getByRole('button', { name: new RegExp(`${file.replace(/\./g, '\\.')}.*${target + 1}`) })
        .first()
        .click();
      await expect(page.locator('.cm-content')).toBeFocused();
      expect(await cursorLine(page)).toContain('undefinedName');

      await typeInEditor(page, solution[file]);
      await expect(panel).toHaveAttribute('data-verdict', 'clean', { timeout: 30_000 });
      await expect(panel).toHaveText(say.clean);
      // Loading the checker, its library files and the lab's typings logged no error.
      expect(errors).toEqual([]);
    });

    test('a load error’s location in the results jumps to its line', async ({ starterLabPage }) => {
      const { exercises } = await readLab(slug);
      const file = exercises[0].file;
      const page = await starterLabPage(slug, prefix);
      await typeInEditor(page, `// one\n// two\nexport const broken = ;\n`);
      await page.locator('.cm-content').press('ControlOrMeta+Home');
      await page.locator('.cm-content').press('ControlOrMeta+Enter');
      const error = page.locator('.wb-load-error');
      await expect(error).toContainText(file);
      await page.locator('.cm-content').press('ControlOrMeta+Home');
      await error
        .getByRole('button', { name: new RegExp(`${file.replace(/\./g, '\\.')}.*3`) })
        .click();
      expect(await cursorLine(page)).toContain('export const broken');
    });

    test('the editor colours TypeScript: keywords, types, strings, numbers and comments stand apart from plain code', async ({
      starterLabPage,
    }) => {
      const page = await starterLabPage(slug, prefix);
      await typeInEditor(page, "const answer: number = 42; // why\nconst label = 'forty-two';\n");
      const plain = await page
        .locator('.cm-content')
        .evaluate((content) => getComputedStyle(content).color);
      for (const token of ['const', 'number', '42', '// why', "'forty-two'"]) {
        const span = page
          .locator('.cm-line span')
          .filter({ hasText: new RegExp(`^${token}$`) })
          .first();
        await expect(span, `"${token}" is not highlighted`).not.toHaveCSS('color', plain);
      }
    });

    test('Tab indents and Esc then Tab leaves; Ctrl+Enter runs this exercise, dimming the last results; Ctrl+S saves without a dialog', async ({
      page,
    }) => {
      const { exercises } = await readLab(slug);
      const file = exercises[0].file;
      await openLab(page, slug, prefix);
      const editor = page.locator('.cm-content');
      await editor.click();
      await page.keyboard.press('ControlOrMeta+Home');
      await page.keyboard.press('Tab');
      await expect.poll(() => savedCode(page, slug, file)).toMatch(/^\s+\S/);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');
      await expect(editor).not.toBeFocused();

      // Ctrl+S: the page takes the key (the browser's save dialog never opens) and says it saved.
      await page.evaluate(() => {
        document.addEventListener('keydown', (event) => {
          if (event.key === 's')
            document.body.dataset.saveKeyTaken = String(event.defaultPrevented);
        });
      });
      await editor.click();
      const editorTop = (await page.locator('.cm-editor').boundingBox())!.y;
      await page.keyboard.press('ControlOrMeta+s');
      await expect(page.getByRole('status').filter({ hasText: say.saved(file) })).toBeVisible();
      await expect(page.locator('body')).toHaveAttribute('data-save-key-taken', 'true');
      expect(
        (await page.locator('.cm-editor').boundingBox())!.y,
        'a status message moved the editor',
      ).toBe(editorTop);

      // Ctrl+Enter runs; a second run dims the first one's results until its own arrive.
      await page.evaluate(() => {
        const results = document.querySelector('[data-results]')!;
        new MutationObserver(() => {
          if (results.getAttribute('aria-busy') === 'true' && results.querySelector('.wb-group'))
            document.body.dataset.dimmed = 'true';
        }).observe(results, { attributes: true });
      });
      await typeInEditor(page, withEndlessLoop(solution[file]));
      const named = await runChecksOnEndlessCheck(page, () =>
        page.keyboard.press('ControlOrMeta+Enter'),
      );
      const stopped = page.locator('.wb-check[data-status="timeout"]');
      await expect(stopped).toHaveCount(1);
      await expect(stopped.locator('.wb-check-title')).toContainText(named);
      await expect(page.locator('.wb-group').first()).toHaveAttribute('data-exercise', '1');
      // The kit writes `while (true)` in backticks: the page sets it as code.
      await expect(stopped.locator('.wb-message code')).toHaveText('while (true)');
      await expect(stopped.locator('.wb-message')).not.toContainText('`');
      // The second run is of the loop mended: dimming shows as it starts, and its results need
      // not wait out the watchdog a second time.
      await typeInEditor(page, solution[file]);
      await page.keyboard.press('ControlOrMeta+Enter');
      await expect(page.locator('body')).toHaveAttribute('data-dimmed', 'true');
      await expect(page.locator('[data-results]')).not.toHaveAttribute('aria-busy', 'true', {
        timeout: 20_000,
      });
      await expect(stopped).toHaveCount(0);
    });
  });
}

test('before its editing aids arrive the editor takes typing, a Tab waits for them and indents, and the colours follow', async ({
  page,
}) => {
  test.slow();
  const slug = 'lambda-tuning';
  const file = await firstExerciseFile(slug);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/editing-aids\.[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/labs/${slug}/`);
  await expect(page.locator('[data-workbench]')).toHaveAttribute('data-ready', 'true');
  const editor = page.locator('.cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.insertText('x');
  await page.keyboard.press('Tab');
  await expect(editor, 'Tab sent focus out of the editor').toBeFocused();
  await expect(page.locator('.cm-editor[data-editing-aids]')).toHaveCount(0);
  await expect.poll(() => savedCode(page, slug, file)).toMatch(/^x/);

  release();
  await expect(page.locator('.cm-editor[data-editing-aids="ready"]')).toHaveCount(1);
  await expect.poll(() => savedCode(page, slug, file)).toMatch(/^\s+x/);
  await expect(editor).toBeFocused();
  const plain = await editor.evaluate((content) => getComputedStyle(content).color);
  const keyword = page
    .locator('.cm-line span')
    .filter({ hasText: /^(export|const|function)$/ })
    .first();
  await expect(keyword, 'no colours once the aids are in').not.toHaveCSS('color', plain);
});

test('a keystroke in the editor restyles the editor, not the whole page', async ({
  page,
  browser,
}) => {
  // Counted from Chromium's own trace: how many elements each style pass recomputed while a line
  // is typed. A selector that Chromium cannot narrow after a change (Starlight's list spacing was
  // one: src/integrations/list-spacing.ts) makes every keystroke restyle the page, ≈ 490 elements
  // a key on this page, a lag a slow phone feels; restyling the editor alone is ≈ 10.
  await openLab(page, 'lambda-tuning');
  // As a learner finds it once they work in the editor: the type panel has given its first
  // verdict. Before it, the old rule restyled the page on one keystroke in forty; after it, on
  // every one.
  await clickIntoEditor(page);
  await expect(page.locator('[data-problems]')).toHaveAttribute('data-state', 'ready', {
    timeout: 30_000,
  });
  const line = 'const total = 1;';
  await browser.startTracing(page, { categories: ['devtools.timeline'] });
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect(page.locator('.cm-line', { hasText: line })).toHaveCount(1);
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: Array<{ name: string; ph: string; args?: { elementCount?: number } }>;
  };
  const restyled = traceEvents
    .filter((event) => event.name === 'UpdateLayoutTree' && event.ph === 'X')
    .reduce((sum, event) => sum + (event.args?.elementCount ?? 0), 0);
  const pageElements = await page.evaluate(() => document.querySelectorAll('body *').length);
  const keys = line.length + 1;
  expect(
    restyled / keys,
    `elements restyled a keystroke, on a page of ${pageElements}`,
  ).toBeLessThan(100);
});
