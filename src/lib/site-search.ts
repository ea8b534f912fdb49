/**
 * The site's search, on Pagefind's own JS API: nothing loads until the reader opens the dialog
 * (Starlight's default UI loads Pagefind's UI bundle and index on every page as soon as it is
 * idle, which is most of a Japanese chapter's blocking time). Pagefind searches the index of the
 * page's `lang`, so a Japanese page finds only Japanese pages.
 */

import { pagefindOptions, pagefindScript } from './pagefind-options.ts';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results: PagefindSubResult[];
}
interface PagefindResult {
  data(): Promise<PagefindResultData>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: PagefindResult[] } | null>;
}

export interface SearchStrings {
  searching: string;
  oneResult: string;
  manyResults: string;
  noResults: string;
  failed: string;
}

/** The search dialog once its code is here. */
export interface ConnectedSearch {
  /** Loads Pagefind and the index, as while the page is idle. */
  preload(): void;
  /** The same, and readies the query's word splitting: the reader is heading for search. */
  expectQuery(): void;
  /** Searches for what is in the input now. */
  run(): void;
}

/** Results shown at once, and added by "More results". */
const PAGE_SIZE = 5;
/** Headings shown under a page: enough to point at the right section without a wall of links. */
const SUB_RESULTS = 3;

let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(base: string): Promise<Pagefind> {
  pagefind ??= (async () => {
    const module = (await import(/* @vite-ignore */ pagefindScript(base))) as Pagefind;
    await module.options({ ...pagefindOptions, baseUrl: base });
    await module.init();
    return module;
  })();
  return pagefind;
}

let segmentersWarm = false;

/**
 * Pagefind splits every query with `Intl.Segmenter` (into words too, for Japanese), and the first
 * segmenter a page makes loads the browser's break data: 30–65 ms for Japanese words, measured in
 * Chromium, spent inside the reader's first query. Made once the reader shows they are about to
 * search, in a task of its own, that load runs while the index's files are on their way or the
 * dialog opens; later segmenters of the page reuse it. Not made when the page loads Pagefind while
 * idle: with the CPU slowed 4× as Lighthouse's mobile run does, it was one task of 171 ms on an
 * English lab page (the sample's Japanese word loads the dictionary), on every page a reader
 * opened, for a search they may never make.
 */
function warmQuerySegmenters(lang: string): void {
  if (segmentersWarm) return;
  segmentersWarm = true;
  if (typeof Intl.Segmenter === 'undefined' || !lang) return;
  try {
    for (const granularity of ['grapheme', 'word'] as const)
      [...new Intl.Segmenter(lang, { granularity }).segment('検索 search')];
  } catch {
    // A language the browser cannot segment: Pagefind falls back on its own, and so does this.
  }
}

/** Puts `values` into a message's `{{name}}` places; a place with no value stays as written. */
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => String(values[key] ?? whole));

/**
 * Pagefind's excerpts are text with `<mark>` around matches; only that is kept (as nodes, never
 * as HTML), so nothing in an indexed page can inject markup into the dialog.
 */
function excerptNodes(excerpt: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = excerpt;
  return [...template.content.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

/**
 * Whether a key belongs to a Japanese (or any) input method choosing or committing a conversion:
 * ↓ then picks a candidate and Enter commits it. Safari sends the committing Enter after the
 * composition has ended, marked only by the key code 229 that input methods report.
 */
const composing = (event: KeyboardEvent) => event.isComposing || event.keyCode === 229;

function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const link = Object.assign(document.createElement('a'), {
    href: data.url,
    textContent: data.meta.title ?? data.url,
  });
  link.dataset.searchResult = 'page';
  const excerpt = document.createElement('p');
  excerpt.append(...excerptNodes(data.excerpt));
  item.append(link, excerpt);
  // A heading is a place in the page. The page's own title (Starlight's h1, `#_top`) is one to
  // Pagefind, but the page's link already leads there: listed again, it only repeated the title.
  const headings = data.sub_results
    .filter((sub) => sub.url !== data.url && sub.url.includes('#') && sub.title !== data.meta.title)
    .slice(0, SUB_RESULTS);
  if (headings.length) {
    const list = document.createElement('ul');
    for (const sub of headings) {
      const subItem = document.createElement('li');
      const subLink = Object.assign(document.createElement('a'), {
        href: sub.url,
        textContent: sub.title,
      });
      subLink.dataset.searchResult = 'heading';
      const subExcerpt = document.createElement('p');
      subExcerpt.append(...excerptNodes(sub.excerpt));
      subItem.append(subLink, subExcerpt);
      list.append(subItem);
    }
    item.append(list);
  }
  return item;
}

/**
 * Runs searches as the reader types into `input`, rendering into `list` and announcing in
 * `status`; `run` searches for what is in `input` now (typed before this was connected).
 */
export function connectSearch(options: {
  base: string;
  input: HTMLInputElement;
  list: HTMLOListElement;
  status: HTMLElement;
  more: HTMLButtonElement;
  strings: SearchStrings;
}): ConnectedSearch {
  const { base, input, list, status, more, strings } = options;
  let latest = 0;
  let remaining: PagefindResult[] = [];

  const showMore = async (query: number) => {
    const next = remaining.slice(0, PAGE_SIZE);
    remaining = remaining.slice(PAGE_SIZE);
    const data = await Promise.all(next.map((result) => result.data()));
    if (query !== latest) return;
    list.append(...data.map(resultItem));
    more.hidden = remaining.length === 0;
  };

  const search = async () => {
    const query = ++latest;
    // The index holds text as written: ASCII letters and full-width katakana. A Japanese input
    // method may leave a query in full-width letters (ＢｉｇＱｕｅｒｙ) or half-width katakana
    // (ｺｰﾙﾄﾞｽﾀｰﾄ); NFKC turns both into the forms the pages use.
    const term = input.value.normalize('NFKC').trim();
    if (!term) {
      list.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      return;
    }
    status.textContent = strings.searching;
    try {
      const found = await (await loadPagefind(base)).search(term);
      if (query !== latest || !found) return;
      remaining = found.results;
      list.replaceChildren();
      await showMore(query);
      if (query !== latest) return;
      const count = found.results.length;
      status.textContent = fill(
        count === 0 ? strings.noResults : count === 1 ? strings.oneResult : strings.manyResults,
        { count, term },
      );
    } catch (error) {
      if (query === latest)
        status.textContent = fill(strings.failed, {
          message: error instanceof Error ? error.message : String(error),
        });
    }
  };

  input.addEventListener('input', search);
  more.addEventListener('click', async () => {
    const read = list.children.length;
    await showMore(latest);
    // The keyboard goes on to the first new result: the button may have gone with the last page.
    list.children[read]?.querySelector('a')?.focus();
  });
  // Enter opens the first result, as in Starlight's search.
  input.addEventListener('keydown', (event) => {
    const first = list.querySelector<HTMLAnchorElement>('a');
    if (event.key === 'Enter' && first && !composing(event)) {
      event.preventDefault();
      first.click();
    }
  });
  // ↓ and ↑ step from the query through the result links (pages and their headings, in the order
  // shown) and back, as a search box's list does; Tab still moves through them as links.
  const step = (event: KeyboardEvent) => {
    if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || composing(event)) return;
    const stops: HTMLElement[] = [input, ...list.querySelectorAll<HTMLAnchorElement>('a')];
    const at = stops.indexOf(document.activeElement as HTMLElement);
    // In the query with nowhere to go, the key keeps its own meaning (caret to the start or end).
    if (at < 0 || stops.length === 1 || (at === 0 && event.key === 'ArrowUp')) return;
    const next =
      stops[Math.min(Math.max(at + (event.key === 'ArrowDown' ? 1 : -1), 0), stops.length - 1)];
    event.preventDefault();
    next.focus();
  };
  // From the query, and from a result link (its keydown reaches the list).
  input.addEventListener('keydown', step);
  list.addEventListener('keydown', step);
  const preload = () => void loadPagefind(base).catch(() => undefined);
  return {
    preload,
    expectQuery: () => {
      preload();
      setTimeout(warmQuerySegmenters, 0, document.documentElement.lang);
    },
    run: () => void search(),
  };
}
