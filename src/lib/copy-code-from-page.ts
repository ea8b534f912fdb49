import type { ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';
import type { CodeBlockNode as Node } from './code-block-ast.ts';
import { PAGE_LANGS, translated } from './dictionaries.ts';

/** A copy button's words in one language: its tooltip (and name) and what it says once pressed. */
interface CopyButtonWords {
  tooltip: string;
  copied: string;
}

/**
 * Fills a copy button's `data-code` from the block's own lines when it is pressed, before
 * Expressive Code's copy handler (on the button) reads it: capture phase, on the document. Lines
 * are joined with U+007F, Expressive Code's line separator; an empty line's text is its newline.
 */
const fillCodeOnCopy = `document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('.expressive-code .copy button') : null;
  if (!button || button.dataset.code !== undefined) return;
  const lines = button.closest('figure')?.querySelectorAll('pre > code > .ec-line > .code') ?? [];
  button.dataset.code = [...lines].map((line) => (line.textContent === '\\n' ? '' : line.textContent)).join('\\u007f');
}, true);`;

/**
 * Gives each code block without one the copy button Expressive Code would have written, in the
 * page's language: the same elements, which Expressive Code's own script (watching the page for
 * added buttons) makes work. The button is absolutely placed, so adding it moves nothing.
 */
const addCopyButtons = (words: Record<string, CopyButtonWords>) => `{
  const words = ${JSON.stringify(words)};
  const { tooltip, copied } = words[document.documentElement.lang] ?? words.en;
  for (const figure of document.querySelectorAll('.expressive-code figure.frame')) {
    if (figure.querySelector(':scope > .copy')) continue;
    const button = document.createElement('button');
    button.title = tooltip;
    button.dataset.copied = copied;
    button.append(document.createElement('div'));
    const live = document.createElement('div');
    live.setAttribute('aria-live', 'polite');
    const copy = document.createElement('div');
    copy.className = 'copy';
    copy.append(live, button);
    figure.append(copy);
  }
}`;

/**
 * Leaves each block's copy button out of the page and builds it when the page's scripts run: a
 * button that only works with scripts anyway, 125 bytes a block in English and 155 in Japanese (2 KB
 * on the BigQuery lab page). Its `data-code`, a second copy of the block's text, is built from the
 * block's lines when the reader presses Copy: the same text, checked block by block against
 * Expressive Code's on every page of the guide. Terminal frames keep their server-written button:
 * Expressive Code drops their comment lines from the copy, which the lines on the page cannot tell.
 */
export function copyCodeFromPage(): ExpressiveCodePlugin {
  // The words Starlight gives Expressive Code for each language, from the same dictionaries.
  const words = Object.fromEntries(
    PAGE_LANGS.map((lang) => [
      lang,
      translated(lang, {
        tooltip: 'expressiveCode.copyButtonTooltip',
        copied: 'expressiveCode.copyButtonCopied',
      }),
    ]),
  );
  return {
    name: 'copy-code-from-page',
    jsModules: [fillCodeOnCopy, addCopyButtons(words)],
    hooks: {
      postprocessRenderedBlock: ({ renderData }) => {
        const classes = (node: Node) => String(node.properties?.className ?? '');
        const find = (node: Node, test: (node: Node) => boolean): Node | undefined =>
          test(node) ? node : node.children?.map((child) => find(child, test)).find(Boolean);
        const figure = find(renderData.blockAst as Node, (node) => node.tagName === 'figure');
        if (!figure?.children || /\bis-terminal\b/.test(classes(figure))) return;
        figure.children = figure.children.filter(
          (child) => !(child.tagName === 'div' && /^copy$/.test(classes(child))),
        );
      },
    },
  };
}
