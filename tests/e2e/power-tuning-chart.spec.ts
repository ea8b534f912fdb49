import { WORKLOADS } from '../../labs/lambda-tuning/support/power-model.ts';
import { expect, test } from './fixtures.ts';

/**
 * The Lambda lab's chart names each workload in its title (the drawing's accessible name) and in
 * its table's caption, written as the model writes it: "I/O-bound", not "I&#x2F;O-bound" (the
 * name was escaped twice, once as it went into the sentence and once into the page).
 */
const pages = [
  {
    path: '/labs/lambda-tuning/',
    lang: 'en',
    title: 'Duration and cost by memory size: {}',
    caption: 'Sweep of {}',
  },
  {
    path: '/ja/labs/lambda-tuning/',
    lang: 'ja',
    title: 'メモリサイズ別の処理時間とコスト: {}',
    caption: '{} のスイープ結果',
  },
] as const;

for (const { path, lang, title, caption } of pages) {
  test(`${path}: the chart names each workload as the model writes it`, async ({ page }) => {
    await page.goto(path);
    const names = Object.values(WORKLOADS).map((workload) => workload.name[lang]);
    const titles = await page.locator('svg.power-plot > title').allTextContents();
    const captions = await page.locator('.power-panel table > caption').allTextContents();
    expect(titles).toEqual(names.map((name) => title.replace('{}', name)));
    expect(captions).toEqual(names.map((name) => caption.replace('{}', name)));
  });
}
