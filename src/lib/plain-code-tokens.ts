import type { ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';
import type { CodeBlockNode as Node } from './code-block-ast.ts';

/** A token's colours in each theme and nothing else (`--0:#C792EA;--1:#8844AE`). */
const COLOURS_ONLY = /^(--\d+:#[0-9a-f]{3,8};?)+$/i;

/** A `<span>` whose only property is a style of colours only: its style, or `undefined`. */
function colourSpan(node: Node): string | undefined {
  if (node.type !== 'element' || node.tagName !== 'span') return undefined;
  const properties = Object.keys(node.properties ?? {});
  const style = node.properties?.style;
  if (properties.length !== 1 || typeof style !== 'string' || !COLOURS_ONLY.test(style))
    return undefined;
  return style.toLowerCase();
}

const isBlank = (node: Node | undefined) =>
  node?.type === 'text' && /^\s*$/.test(String((node as { value?: unknown }).value ?? ''));

/**
 * `children` with the colour spans that draw nothing taken away: those in the code block's own
 * text colour (`plain`), those around nothing but spaces (a space's colour is never seen), and the
 * boundary between two spans of one colour with only spaces between them, which become one span.
 */
export function withoutPlainTokens(children: Node[], plain: string): Node[] {
  const kept: Node[] = [];
  for (const child of children) {
    const style = colourSpan(child);
    if (style && (style === plain || (child.children ?? []).every(isBlank))) {
      kept.push(...(child.children ?? []));
      continue;
    }
    // Joins `child` to the last span of its colour when only spaces stand between them.
    const previous = kept.findLastIndex((node) => !isBlank(node));
    if (style && previous >= 0 && colourSpan(kept[previous]) === style) {
      const [span, ...spaces] = kept.splice(previous);
      span.children = [...(span.children ?? []), ...spaces, ...(child.children ?? [])];
      kept.push(span);
      continue;
    }
    kept.push(child);
  }
  return kept;
}

/**
 * Drops the `<span style="--0:…;--1:…">` around code tokens that draw nothing a reader sees: a
 * token in the theme's own text colour, which the code block already has, and a token of spaces.
 * Two tokens of one colour with only spaces between them become one span. Highlighting wraps every
 * token, plain words and spaces included: a third of a lab page's code-block markup (10 KB on the
 * BigQuery lab) repeated the default colour. The page looks the same.
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
        const visit = (node: Node) => {
          if (!node.children) return;
          node.children.forEach(visit);
          node.children = withoutPlainTokens(node.children, plain);
        };
        visit(renderData.blockAst as Node);
      },
    },
  };
}
