import type { ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';
import type { CodeBlockNode as Node } from './code-block-ast.ts';

/**
 * Drops the `<span style="--0:…;--1:…">` around code tokens drawn in the theme's own text colour,
 * which the code block already has. Highlighting wraps every token, plain words and spaces
 * included: a third of a lab page's code-block markup (10 KB on the BigQuery lab) repeated the
 * default colour. Coloured tokens keep their spans; the page looks the same.
 */
export function plainCodeTokens(): ExpressiveCodePlugin {
  return {
    name: 'plain-code-tokens',
    hooks: {
      postprocessRenderedBlock: ({ styleVariants, renderData }) => {
        const plain = styleVariants
          .map(({ theme }, index) => `--${index}:${theme.colors['editor.foreground'] ?? theme.fg}`)
          .join(';')
          .toLowerCase();
        const isPlain = (node: Node) =>
          node.type === 'element' &&
          node.tagName === 'span' &&
          Object.keys(node.properties ?? {}).length === 1 &&
          String(node.properties?.style ?? '').toLowerCase() === plain;
        const unwrap = (node: Node) => {
          if (!node.children) return;
          node.children = node.children.flatMap((child) =>
            isPlain(child) ? (child.children ?? []) : [child],
          );
          node.children.forEach(unwrap);
        };
        unwrap(renderData.blockAst as Node);
      },
    },
  };
}
