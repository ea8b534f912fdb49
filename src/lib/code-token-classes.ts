import type { ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';
import type { CodeBlockNode as Node } from './code-block-ast.ts';

/**
 * The token colours (dark theme `--0`, light theme `--1`) Expressive Code writes on the guide's
 * code blocks: Starlight's Night Owl pair after Expressive Code's contrast adjustment, read from
 * a build (24 pairs, 3,742 tokens in November 2026). Order is only for the class names.
 */
const TOKEN_STYLES = [
  '--0:#C792EA;--1:#8844AE',
  '--0:#D9F5DD;--1:#111111',
  '--0:#82AAFF;--1:#3B61B0',
  '--0:#7FDBCA;--1:#096E72',
  '--0:#ECC48D;--1:#984E4D',
  '--0:#C5E478;--1:#3B61B0',
  '--0:#889FB2;--1:#4D667B',
  '--0:#919F9F;--1:#5D6376',
  '--0:#F78C6C;--1:#AA0982',
  '--0:#FFCB8B;--1:#111111',
  '--0:#B2CCD6;--1:#096E72',
  '--0:#D7DBE0;--1:#403F53',
  '--0:#919F9F;--1:#5F636F',
  '--0:#ECC48D;--1:#3B61B0',
  '--0:#C789D6;--1:#7C5686',
  '--0:#FAF39F;--1:#111111',
  '--0:#FF6A83;--1:#A24848',
  '--0:#5CA7E4;--1:#3A688F',
  '--0:#D7DBE0',
  '--0:#D6DEEB',
  '--0:#FFCB8B',
  '--0:#D9F5DD',
  '--0:#C5E478',
  '--0:#82AAFF',
];

/** Each token class (`t0`, `t1`…) and the colours it stands for. */
export const TOKEN_CLASSES: ReadonlyMap<string, string> = new Map(
  TOKEN_STYLES.map((style, index) => [`t${index}`, style]),
);

const classOf = new Map([...TOKEN_CLASSES].map(([name, style]) => [style.toLowerCase(), name]));
/** Expressive Code's own selector for a token whose colours stay inline (a pair not listed). */
const INLINE_TOKEN = ".ec-line :where(span[style^='--']:not([class]))";
const anyToken = `:where(${[...TOKEN_CLASSES.keys()].map((name) => `.${name}`).join(',')})`;

/**
 * Writes a code token's colours as a short class (`class="t3"`) instead of the inline
 * `style="--0:#C792EA;--1:#8844AE"` Expressive Code puts on each of them: the same colours from
 * one cached stylesheet, 21 bytes less per token (8 KB on the BigQuery lab page, whose code
 * blocks hold 371 tokens). A colour pair not in the list keeps its inline style, so a new theme
 * or a new kind of token still draws right, only heavier. The colour rules repeat Expressive
 * Code's own for styled spans, which skip spans that have a class.
 */
export function codeTokenClasses(): ExpressiveCodePlugin {
  return {
    name: 'code-token-classes',
    baseStyles: [
      ...[...TOKEN_CLASSES].map(([name, style]) => `.ec-line .${name}{${style}}`),
      `.ec-line ${anyToken}{color:var(--0)}`,
      `:root:not([data-theme='dark']) & .ec-line ${anyToken}{color:var(--1)}`,
      // Paper is white whatever the screen's theme (site.css): code prints in the light theme's
      // colours, and text without a token colour in the page's ink.
      `@media print{&{--ec-codeFg:var(--sl-color-white)}.ec-line ${anyToken}{color:var(--1)}${INLINE_TOKEN}{color:var(--1,inherit);background-color:var(--1bg,transparent);font-style:var(--1fs,inherit);font-weight:var(--1fw,inherit);text-decoration:var(--1td,inherit)}}`,
    ].join('\n'),
    hooks: {
      postprocessRenderedBlock: ({ renderData }) => {
        const visit = (node: Node) => {
          const style = node.properties?.style;
          if (
            node.tagName === 'span' &&
            typeof style === 'string' &&
            Object.keys(node.properties ?? {}).length === 1
          ) {
            const name = classOf.get(style.toLowerCase());
            if (name) node.properties = { className: [name] };
          }
          node.children?.forEach(visit);
        };
        visit(renderData.blockAst as Node);
      },
    },
  };
}
