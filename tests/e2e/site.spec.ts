import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { collectConsoleErrors } from './console-errors.ts';
import { expect, test } from './fixtures.ts';
import { TOKEN_CLASSES } from '../../src/lib/code-token-classes.ts';
import {
  builtPages,
  codeTokenStyles,
  distDir,
  notFoundPages,
  readPageLinks,
} from './built-site.ts';
import { labPageReady } from './lab-page.ts';
import { openSearch, searchResultLinks, FIRST_RESULTS_TIMEOUT } from './search.ts';
import { sidewaysOverflow } from './sideways-scroll.ts';

const pages = builtPages();

test('the build has the home page, every chapter and the glossary in both languages', () => {
  for (const path of ['/', '/glossary/', '/chapters/lambda-tuning/', '/ja/', '/ja/glossary/']) {
    expect(pages, `${path} is missing from dist/`).toContain(path);
  }
});

type Theme = 'light' | 'dark';

/** The axe rules whose outcome depends on colours: what a theme switch can change. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Expressive Code's token spans: hundreds per page with code, and half of axe's time there. Each
 * is a `<span class="t3">` standing for a colour pair (`src/lib/code-token-classes.ts`), or a
 * `<span style="--0:dark;--1:light">` for a pair not in its list, drawn on its frame's opaque
 * background, so axe sees a token only through its colours and the kind of frame, and a token
 * with one style in one kind of frame gives the same result on every page. The pages in
 * CODE_TOKEN_PAGES between them hold every token style of the site in every kind of frame (the
 * test 'every code token style…' keeps that true as content changes): there every token is checked, by every rule; elsewhere the tokens are
 * left out, and every other node of the page still gets every rule.
 */
const CODE_TOKENS = [
  '.expressive-code span[style^="--0:"]',
  '.expressive-code span[style^="--1:"]',
  ...[...TOKEN_CLASSES.keys()].map((name) => `.expressive-code .ec-line span.${name}`),
];
const CODE_TOKEN_PAGES = ['/print/', '/labs/bigquery-dataflow/'];

/** The width WCAG's reflow criterion (1.4.10) asks content to fit without scrolling sideways. */
const REFLOW_WIDTH = 320;

/**
 * One load per page: the page is checked as it arrives, then axe runs in the light theme and again
 * after switching to dark the way the theme select does (no reload). Two kinds of page are heavy:
 * the print pages hold every chapter at once (axe walks ~10× a chapter's nodes), and a lab page
 * loads its editor, its sandbox and then TypeScript's checker in a worker. Their tests are marked
 * slow (three times the timeout). They once had a test per theme, each loading the page again;
 * since the dark run reads colours only it is a fraction of the light one, and a second load of a
 * lab page (its type checker booting again) cost more than the dark run it saved.
 */
const isHeavy = (path: string) => /\/(print|labs\/[^/]+)\/$/.test(path);
const themes: Theme[] = ['light', 'dark'];

/**
 * axe-core as its package ships it minified (0.65 MB). AxeBuilder's own copy is the unminified
 * source (1.48 MB), and its one-call run sends it to the page twice per run, four times a test
 * here; each time the page parses it again (0.2–0.5 s). A page with no frame gets this copy once,
 * and both runs use it where it is (AXE_IN_PAGE). A page with a frame keeps AxeBuilder's own
 * injection, which puts axe in every frame.
 */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const AXE_IN_PAGE = `if (typeof window.axe !== 'object') throw new Error('axe-core is not in the page');`;

/** Every page with the status it is served with, and the not-found pages at a missing address. */
const checkedPages = [
  ...pages.map((path) => ({ path, status: 200 })),
  ...notFoundPages().map(({ address }) => ({ path: address, status: 404 })),
];

for (const { path, status } of checkedPages) {
  test(`${path} loads with one h1, a title, a language and no console errors; nothing it hides is drawn; no axe violations (${themes.join(', ')}); no sideways scrolling at ${REFLOW_WIDTH} px`, async ({
    page,
  }) => {
    if (isHeavy(path)) test.slow();
    const errors = collectConsoleErrors(page, status === 404 ? path : undefined);
    // Init scripts run in every frame; the lab sandbox's opaque-origin frame has no localStorage.
    await page.addInitScript((theme) => {
      if (window.top === window) localStorage.setItem('starlight-theme', theme);
    }, themes[0]);
    const response = await page.goto(path);
    expect(response?.status()).toBe(status);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page).toHaveTitle(/\S/);
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^(en|ja)$/);
    await readyToCheck(page);
    // An element with `hidden` that a stylesheet gives a `display` of its own is drawn anyway: a
    // control for something this browser cannot do, or a progress bar before anything started.
    expect(await drawnThoughHidden(page), `elements drawn on ${path} though hidden`).toEqual([]);

    let axeInPage = false;
    /** axe for this page: its copy in the page where it has no frame, see AXE_IN_PAGE. */
    const axeOnPage = async () => {
      const oneFrame = page.frames().length === 1;
      if (oneFrame && !axeInPage) {
        await page.evaluate(AXE_SOURCE);
        axeInPage = true;
      }
      const axe = new AxeBuilder({ page, axeSource: oneFrame ? AXE_IN_PAGE : undefined }).options({
        resultTypes: ['violations'],
      });
      return oneFrame ? axe.setLegacyMode() : axe;
    };
    const violationsOf = async (axe: AxeBuilder) =>
      (await axe.analyze()).violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`,
      );
    for (const theme of themes) {
      await switchTheme(page, theme);
      // Every rule runs on every page in the light theme. The dark theme changes colours only
      // (Starlight's themes are CSS variables under [data-theme]; the page's DOM is the same), so
      // there only the rules that read colours can find anything the light run did not.
      // Axe writes a unique selector for every node of every outcome, passes included (1,468 on the
      // Lambda chapter); only violations are read here, and it still lists every violating node.
      // With no frame in the page, axe's one-call run checks what its frame-by-frame run does, at
      // half the cost (no blank page to merge the frames' results in). A frame (the lab sandbox,
      // opened on first use) gets the frame-by-frame run, which reaches cross-origin frames.
      const axe = await axeOnPage();
      if (theme === 'dark') axe.withRules(COLOUR_RULES);
      if (!CODE_TOKEN_PAGES.includes(path)) for (const tokens of CODE_TOKENS) axe.exclude(tokens);
      expect(await violationsOf(axe), `axe violations on ${path} in the ${theme} theme`).toEqual(
        [],
      );
    }
    // WCAG's reflow criterion: at 320 CSS px (a small phone, or 1280 px zoomed to 400 %) reading
    // never needs sideways scrolling; a code block wraps and a wide table scrolls in its own box.
    // Polled: a lab page moves to its one-part-at-a-time layout by script as well as by CSS.
    await page.setViewportSize({ width: REFLOW_WIDTH, height: 720 });
    await expect
      .poll(() => sidewaysOverflow(page), {
        message: `${path} scrolls sideways at ${REFLOW_WIDTH} px`,
      })
      .toEqual([]);
    // What scrolls in a box of its own at that width (a wide table) is reachable by keyboard.
    expect(
      await violationsOf((await axeOnPage()).withRules(['scrollable-region-focusable'])),
      `boxes on ${path} at ${REFLOW_WIDTH} px that scroll but take no keyboard`,
    ).toEqual([]);
    // Console errors are read once the network has been quiet for half a second, so an error from
    // anything the page loads late is seen. Waited for after axe rather than before it: axe takes
    // longer than that on every page and loads nothing, so the quiet half second has mostly passed
    // by the time it is done, instead of being added to every page's test.
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });
}

/** Elements the page marks `hidden` (not `until-found`, which find-in-page reveals) whose box is drawn. */
function drawnThoughHidden(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[hidden]:not([hidden="until-found"])')]
      .filter((element) => getComputedStyle(element).display !== 'none')
      .map((element) => element.outerHTML.slice(0, 120)),
  );
}

/**
 * Waits until the page shows what axe is to check. A lab page loads its editor after the first
 * paint and its editing aids after that; the lab's runtime and the type checker wait for the
 * learner's first click into the workbench (the type checker's console is watched in
 * lab-editor.spec), so the editor with its aids in place is the page as a reader finds it.
 */
async function readyToCheck(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  if (await page.locator('[data-workbench]').count()) await labPageReady(page);
}

test('every code token style of the site is on a page where axe checks code tokens', () => {
  const checked = new Set(CODE_TOKEN_PAGES.flatMap((path) => [...codeTokenStyles(path)]));
  // The tokens are found at all: a change in how they are written must not empty both sides.
  expect(checked.size, 'code token styles found on CODE_TOKEN_PAGES').toBeGreaterThan(10);
  const unchecked = pages.flatMap((path) =>
    [...codeTokenStyles(path)]
      .filter((style) => !checked.has(style))
      .map((style) => `${path}: ${style}`),
  );
  expect(unchecked, `add a page with these to CODE_TOKEN_PAGES`).toEqual([]);
});

test('every internal link and asset on every page resolves, anchors included', () => {
  const linksByPage = new Map(pages.map((path) => [path, readPageLinks(path)]));
  const notFound = notFoundPages().map(({ address, file }) => readPageLinks(address, file));
  const broken: string[] = [];
  for (const { page, references } of [...linksByPage.values(), ...notFound]) {
    for (const reference of references) {
      const url = new URL(reference, `http://site${page}`);
      const targetPage = url.pathname.endsWith('/') ? url.pathname : undefined;
      if (targetPage) {
        // A fragment alone stays on the page (a not-found page is at an address of no page).
        const target = reference.startsWith('#')
          ? (linksByPage.get(page) ?? notFound.find((links) => links.page === page))
          : linksByPage.get(targetPage);
        if (!target) broken.push(`${page} → ${reference} (no such page)`);
        else if (url.hash && !target.ids.has(decodeURIComponent(url.hash.slice(1)))) {
          broken.push(
            `${page} → ${reference} (no element with id "${decodeURIComponent(url.hash.slice(1))}")`,
          );
        }
      } else if (!existsSync(join(distDir, decodeURIComponent(url.pathname)))) {
        broken.push(`${page} → ${reference} (no such file)`);
      }
    }
  }
  expect(broken).toEqual([]);
});

// Astro writes a component script under 4 KB into every page that uses it; astro.config.mjs has
// it make them files instead, which a reader's browser fetches once for the whole guide.
test('no page carries its own copy of a bundled component script', () => {
  const copies = pages.flatMap((path) =>
    [
      ...readFileSync(join(distDir, path, 'index.html'), 'utf8').matchAll(
        /<script type="module">([\s\S]*?)<\/script>/g,
      ),
    ].map(([, code]) => `${path}: ${code.slice(0, 80)}`),
  );
  expect(copies).toEqual([]);
});

test('search finds the Lambda chapter for "Lambda"', async ({ page }) => {
  await page.goto('/');
  await (await openSearch(page)).fill('Lambda');
  await expect(
    searchResultLinks(page).and(page.locator('[href="/chapters/lambda-tuning/"]')),
  ).toBeVisible({ timeout: FIRST_RESULTS_TIMEOUT });
});

/** Switches the theme as Starlight's theme select does: stored choice, then the root attribute. */
async function switchTheme(page: Page, theme: Theme): Promise<void> {
  await page.evaluate((value) => {
    localStorage.setItem('starlight-theme', value);
    document.documentElement.dataset.theme = value;
  }, theme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}
