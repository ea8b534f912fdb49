import type { ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';
import type { CodeBlockNode as Node } from './code-block-ast.ts';

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
 * Leaves out the copy button's `data-code`, a second copy of the block's text in the page (3.5 KB
 * on the BigQuery lab page), and builds it from the block's lines when the reader presses Copy:
 * the same text, checked block by block against Expressive Code's on every page of the guide.
 * Terminal frames keep theirs: Expressive Code drops their output lines from the copy, which the
 * lines on the page cannot tell.
 */
export function copyCodeFromPage(): ExpressiveCodePlugin {
  return {
    name: 'copy-code-from-page',
    jsModules: [fillCodeOnCopy],
    hooks: {
      postprocessRenderedBlock: ({ renderData }) => {
        const classes = (node: Node) => String(node.properties?.className ?? '');
        const find = (node: Node, test: (node: Node) => boolean): Node | undefined =>
          test(node) ? node : node.children?.map((child) => find(child, test)).find(Boolean);
        const figure = find(renderData.blockAst as Node, (node) => node.tagName === 'figure');
        if (!figure || /\bis-terminal\b/.test(classes(figure))) return;
        const button = find(
          figure,
          (node) => node.tagName === 'button' && node.properties?.dataCode !== undefined,
        );
        if (button?.properties) delete button.properties.dataCode;
      },
    },
  };
}
