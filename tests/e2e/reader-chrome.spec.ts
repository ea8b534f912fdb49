import { expect, test } from './fixtures.ts';
import { blockSiteData } from './full-storage.ts';

/** What a new reader trips over first: reaching Japanese and the theme on a phone, the site title, the self-check's anchor. */

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('a reader landing on / can switch to Japanese', async ({ page }) => {
    await page.goto('/');
    const language = page.getByRole('combobox', { name: 'Select language' });
    await expect(language).toBeVisible();
    await language.selectOption({ label: '日本語' });
    await expect(page).toHaveURL(/\/ja\/$/);
  });

  test('/ja/ offers the language and the theme without a menu', async ({ page }) => {
    await page.goto('/ja/');
    await expect(page.getByRole('combobox', { name: '言語の選択' })).toBeVisible();
    const theme = page.getByRole('combobox', { name: 'テーマの選択' });
    await expect(theme).toBeVisible();
    await theme.selectOption({ label: 'ダーク' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });

  test('the menu’s pickers change the theme, kept on the next page, and the language', async ({
    page,
  }) => {
    await page.goto('/chapters/lambda-tuning/');
    const menu = page.locator('#starlight__sidebar');
    await page.getByRole('button', { name: 'Menu' }).click();
    const theme = menu.getByRole('combobox', { name: 'Select theme' });
    await expect(theme).toBeVisible();
    await expect(theme).toHaveValue('auto');
    await theme.selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.goto('/chapters/opening/');
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(theme).toHaveValue('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const language = menu.getByRole('combobox', { name: 'Select language' });
    await expect(language).toHaveValue('/chapters/opening/');
    await language.selectOption({ label: '日本語' });
    await expect(page).toHaveURL(/\/ja\/chapters\/opening\/$/);
  });

  test('each heading shows its link icon, drawn once by CSS, and the link goes to the heading', async ({
    page,
  }) => {
    await page.goto('/chapters/lambda-tuning/');
    const links = page.locator('.sl-markdown-content .sl-anchor-link');
    expect(await links.count()).toBeGreaterThan(3);
    // On a touch screen the icons always show: each has the icon's size and Starlight's link path
    // as its mask, and no inline SVG beside it (src/lib/anchor-icon.ts).
    const icons = await links.evaluateAll((anchors) =>
      anchors.map((anchor) => {
        const icon = anchor.querySelector('.sl-anchor-icon')!;
        const drawn = getComputedStyle(icon, '::before');
        return {
          width: parseFloat(drawn.width),
          mask: drawn.maskImage.slice(0, 27),
          inline: icon.querySelectorAll('svg').length,
        };
      }),
    );
    for (const icon of icons) {
      expect(icon.width).toBeGreaterThan(8);
      expect(icon.mask).toBe('url("data:image/svg+xml,%3C');
      expect(icon.inline).toBe(0);
    }
    const first = links.first();
    const target = (await first.getAttribute('href'))!;
    await first.click();
    await expect(page).toHaveURL(new RegExp(`${target}$`));
  });

  test('the page frame draws its icons once by CSS: each one shown has its size and its path, and the menu shows one', async ({
    page,
  }) => {
    await page.goto('/chapters/lambda-tuning/');
    const shownIcons = () =>
      page.locator('.chrome-icon').evaluateAll((icons) =>
        icons
          .filter((icon) => icon.checkVisibility())
          .map((icon) => ({
            name: icon.getAttribute('data-icon'),
            size: Math.round(icon.getBoundingClientRect().width),
            mask: getComputedStyle(icon).maskImage.slice(0, 27),
            paths: icon.childNodes.length,
          })),
      );
    const closed = await shownIcons();
    // The search button, the mobile contents' caret, the menu button with its "open" icon only,
    // and the previous and next chapters' arrows.
    expect(closed.map((icon) => icon.name).sort()).toEqual([
      'bars',
      'left-arrow',
      'magnifier',
      'right-arrow',
      'right-caret',
    ]);
    await page.getByRole('button', { name: 'Menu' }).click();
    const open = await shownIcons();
    expect(open.map((icon) => icon.name)).toContain('close');
    expect(open.map((icon) => icon.name)).not.toContain('bars');
    // The sidebar's groups, the language and theme pickers' carets and the translate icon.
    expect(open.map((icon) => icon.name)).toEqual(
      expect.arrayContaining(['right-caret', 'down-caret', 'translate']),
    );
    for (const icon of [...closed, ...open]) {
      expect(icon.size, icon.name!).toBeGreaterThanOrEqual(12);
      expect(icon.mask, icon.name!).toBe('url("data:image/svg+xml,%3C');
      expect(icon.paths, icon.name!).toBe(0);
    }
  });

  for (const width of [390, 320]) {
    test(`the site title is shown whole at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 700 });
      await page.goto('/chapters/lambda-tuning/');
      const title = page.locator('.site-title span');
      await expect(title).toHaveText('Serverless Meetup Tokyo #2');
      const clipped = await title.evaluate(
        (span) => span.scrollWidth > span.clientWidth || span.scrollHeight > span.clientHeight,
      );
      expect(clipped).toBe(false);
    });
  }
});

for (const [path, heading, onThisPage, headingLink] of [
  ['/chapters/lambda-tuning/', 'Check yourself', 'On this page', 'Section titled “Check yourself”'],
  ['/ja/chapters/lambda-tuning/', '理解度チェック', '目次', '「理解度チェック」セクション'],
] as const) {
  test(`${path} lists "${heading}" in "${onThisPage}", linked to its heading, whose own link a screen reader reads in the page's language`, async ({
    page,
  }) => {
    await page.goto(path);
    await expect(
      page.locator('.sl-markdown-content').getByRole('link', { name: headingLink, exact: true }),
    ).toHaveAttribute('href', '#self-check');
    const toc = page.getByRole('navigation', { name: onThisPage }).first();
    const link = toc.getByRole('link', { name: heading });
    await expect(link).toHaveAttribute('href', '#self-check');
    await link.click();
    await expect(page).toHaveURL(/#self-check$/);
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeInViewport();
  });
}

test('the theme picker’s icon shows the theme chosen, and again after a reload', async ({
  page,
}) => {
  await page.goto('/chapters/lambda-tuning/');
  const picker = page.getByRole('combobox', { name: 'Select theme' }).first();
  const icon = page.locator('starlight-theme-select .label-icon').first();
  // The start of each icon's path in Starlight's icon set: laptop, moon, sun.
  const drawn = () => icon.evaluate((svg) => decodeURIComponent(getComputedStyle(svg).maskImage));
  expect(await drawn()).toContain("d='M21 14h-1V7");
  await picker.selectOption('dark');
  expect(await drawn()).toContain("d='M21.64 13a1");
  await page.reload();
  await expect(picker).toHaveValue('dark');
  expect(await drawn()).toContain("d='M21.64 13a1");
  await picker.selectOption('light');
  expect(await drawn()).toContain("d='M5 12a1");
  expect(await icon.evaluate((svg) => svg.childNodes.length)).toBe(0);
});

test('with site data switched off, the theme picker still changes the theme, without errors', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await blockSiteData(page);
  await page.goto('/chapters/lambda-tuning/');
  const picker = page.getByRole('combobox', { name: 'Select theme' }).first();
  await picker.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await picker.selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  // Nothing can be kept: the next page follows the system's theme, its picker says so.
  await page.goto('/chapters/opening/');
  await expect(picker).toHaveValue('auto');
  expect(errors).toEqual([]);
});

test.describe('in forced colours', () => {
  test.use({ forcedColors: 'active', colorScheme: 'dark' });

  test('each page-frame icon is drawn in the system colour of what it stands beside', async ({
    page,
  }) => {
    await page.goto('/chapters/lambda-tuning/');
    // The sidebar's group labels are forced to another colour than the header's pickers, so a
    // single colour for every icon cannot pass.
    const icons = await page.locator('.chrome-icon').evaluateAll((shown) =>
      shown
        .filter((icon) => icon.checkVisibility())
        .map((icon) => ({
          name: icon.getAttribute('data-icon'),
          drawn: getComputedStyle(icon).backgroundColor,
          beside: getComputedStyle(icon.parentElement!).color,
        })),
    );
    expect(icons.map((icon) => icon.name)).toEqual(
      expect.arrayContaining(['magnifier', 'down-caret', 'translate', 'right-caret']),
    );
    expect(new Set(icons.map((icon) => icon.beside)).size).toBeGreaterThan(1);
    for (const icon of icons) expect(icon.drawn, icon.name!).toBe(icon.beside);
  });
});
