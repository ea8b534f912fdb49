import { expect, test } from './fixtures.ts';
import { openSearch, searchResultLinks, FIRST_RESULTS_TIMEOUT } from './search.ts';

/** Queries a reader types, and the chapter (or the lab built from it) that must answer. */
const english: Array<[string, string[]]> = [
  ['cold start', ['/chapters/lambda-tuning/', '/labs/lambda-tuning/']],
  ['Notification Hubs', ['/chapters/azure-push/', '/labs/azure-push/']],
  ['Cognito', ['/chapters/secure-spa/', '/labs/secure-spa-auth/']],
  ['BigQuery', ['/chapters/gcp-data/', '/labs/bigquery-dataflow/']],
  ['Event Hubs', ['/chapters/azure-architecture/', '/chapters/azure-push/', '/labs/azure-push/']],
  ['Firebase', ['/chapters/lightning-talk/']],
];

const japanese: Array<[string, string[]]> = [
  ['コールドスタート', ['/ja/chapters/lambda-tuning/', '/ja/labs/lambda-tuning/']],
  ['同時実行数', ['/ja/chapters/lambda-tuning/', '/ja/labs/lambda-tuning/']],
  ['バッチサイズ', ['/ja/chapters/lambda-tuning/', '/ja/labs/lambda-tuning/']],
  ['ポイズンキュー', ['/ja/chapters/azure-push/', '/ja/labs/azure-push/']],
  ['認可', ['/ja/chapters/secure-spa/', '/ja/labs/secure-spa-auth/']],
  // As a Japanese input method may leave them: half-width katakana, full-width Latin letters.
  ['ｺｰﾙﾄﾞｽﾀｰﾄ', ['/ja/chapters/lambda-tuning/', '/ja/labs/lambda-tuning/']],
  ['ＢｉｇＱｕｅｒｙ', ['/ja/chapters/gcp-data/', '/ja/labs/bigquery-dataflow/']],
];

for (const [query, answers] of english) {
  test(`searching "${query}" on an English page finds ${answers[0]}`, async ({ page }) => {
    await page.goto('/');
    await (await openSearch(page)).fill(query);
    const results = searchResultLinks(page);
    await expect(results.first()).toBeVisible({ timeout: FIRST_RESULTS_TIMEOUT });
    const hrefs = await results.evaluateAll((links) =>
      links.map((link) => link.getAttribute('href')),
    );
    expect(
      hrefs.some((href) => answers.includes(href!)),
      `results: ${hrefs.join(', ')}`,
    ).toBe(true);
    // A heading under a result is a place in that page; the page's own title is its link already.
    const repeated = await page
      .getByRole('dialog')
      .locator('ol > li')
      .evaluateAll((items) =>
        items.flatMap((item) => {
          const title = item.querySelector('a')!.textContent;
          return [...item.querySelectorAll('ul a')]
            .filter((heading) => heading.textContent === title)
            .map((heading) => heading.getAttribute('href'));
        }),
      );
    expect(repeated, 'headings that repeat their page’s title').toEqual([]);
  });
}

for (const [query, answers] of japanese) {
  test(`searching "${query}" on a Japanese page lists ${answers[0]} or its lab first`, async ({
    page,
  }) => {
    await page.goto('/ja/');
    await (await openSearch(page)).fill(query);
    const first = searchResultLinks(page).first();
    await expect(first).toBeVisible({ timeout: FIRST_RESULTS_TIMEOUT });
    expect(answers).toContain(await first.getAttribute('href'));
  });
}

/** The search dialog's own code, which loads when a reader first shows they are about to search. */
const SEARCH_CODE = /\/_astro\/site-search\.[\w-]+\.js$/;

test('a query typed while the search code is still arriving is searched once it arrives', async ({
  page,
}) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(SEARCH_CODE, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await (await openSearch(page)).fill('Cognito');
  await expect(page.getByRole('dialog').getByRole('status')).toHaveText('Searching…');
  release();
  await expect(searchResultLinks(page).first()).toBeVisible({ timeout: FIRST_RESULTS_TIMEOUT });
});

for (const [path, message] of [
  [
    '/',
    'Search could not load (the page may be offline, or the guide was updated: reload it, then search again).',
  ],
  [
    '/ja/',
    '検索機能を読み込めませんでした。オフラインか、ガイドが更新された可能性があります。ページを再読み込みしてから、もう一度検索してください。',
  ],
] as const) {
  test(`search code that cannot be fetched says so on ${path}, and a later try works`, async ({
    page,
  }) => {
    await page.route(SEARCH_CODE, (route) => route.abort());
    await page.goto(path);
    const input = await openSearch(page);
    await expect(page.getByRole('dialog').getByRole('status')).toHaveText(message);
    await page.unroute(SEARCH_CODE);
    await page.keyboard.press('Escape');
    await (await openSearch(page)).fill(path === '/' ? 'Cognito' : '認可');
    await expect(searchResultLinks(page).first()).toBeVisible({ timeout: FIRST_RESULTS_TIMEOUT });
    await expect(input).toBeFocused();
  });
}

test('the keyboard moves through the results: ↓ and ↑ between the query and each result, Enter on the query opens the first', async ({
  page,
}) => {
  await page.goto('/');
  const input = await openSearch(page);
  await input.fill('Cognito');
  const results = searchResultLinks(page);
  await expect(results.nth(2)).toBeVisible({ timeout: FIRST_RESULTS_TIMEOUT });
  await input.press('ArrowDown');
  await expect(results.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(results.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(results.nth(2)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(results.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(input).toBeFocused();
  // Up from the query stays there, as it does in a text field.
  await page.keyboard.press('ArrowUp');
  await expect(input).toBeFocused();

  const first = await results.first().getAttribute('href');
  await input.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${first}$`));
});

test('"More results" adds the next results and takes the keyboard to the first of them', async ({
  page,
}) => {
  await page.goto('/');
  const input = await openSearch(page);
  await input.fill('lambda');
  const results = page
    .getByRole('dialog')
    .getByRole('list', { name: 'Search results' })
    .locator(':scope > li');
  await expect(results.first()).toBeVisible({ timeout: FIRST_RESULTS_TIMEOUT });
  const shown = await results.count();
  await page.getByRole('dialog').getByRole('button', { name: 'More results' }).press('Enter');
  // Pressed on the last page of results, the button goes: the keyboard must not go with it.
  await expect(results.nth(shown).getByRole('link').first()).toBeFocused();
});

test('keys that a Japanese input method is using to choose and commit a conversion stay with it', async ({
  page,
}) => {
  await page.goto('/ja/');
  const input = await openSearch(page);
  await input.fill('認可');
  await expect(searchResultLinks(page).first()).toBeVisible({ timeout: FIRST_RESULTS_TIMEOUT });
  // While a conversion is open, ↓ moves through its candidates and Enter commits one: the browser
  // sends those keys marked as composing (Safari sends the committing Enter with only the input
  // method's key code, 229), and the search must leave them alone.
  for (const init of [
    { key: 'ArrowDown', isComposing: true },
    { key: 'Enter', isComposing: true },
    { key: 'Enter', keyCode: 229 },
  ]) {
    await input.evaluate(
      (element, init) =>
        element.dispatchEvent(
          new KeyboardEvent('keydown', { ...init, bubbles: true, cancelable: true }),
        ),
      init,
    );
    await expect(input, JSON.stringify(init)).toBeFocused();
  }
  await expect(page).toHaveURL(/\/ja\/$/);
});
