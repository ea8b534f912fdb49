import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { minify, type Options } from 'html-minifier-terser';
import { rewriteBuiltPages } from './built-files.ts';

/**
 * What is taken out of a built page: only what HTML's own parsing rules make redundant, so the
 * browser builds the same document from fewer bytes. Quotes around attribute values that need none
 * (`class=t2`), the value of a boolean attribute (`hidden=""`), character references where a plain
 * character means the same (`&quot;` inside a value quoted with `'`), the end tags the parser
 * implies (`</li>`, `</p>`), and the spaces and comments of inline scripts. Whitespace in text is
 * left as it is: Astro already drops the whitespace between tags, and code blocks need theirs.
 */
export const MINIFY_OPTIONS: Options = {
  removeAttributeQuotes: true,
  collapseBooleanAttributes: true,
  decodeEntities: true,
  removeOptionalTags: true,
  minifyJS: true,
};

/** One page's HTML with what HTML's parsing makes redundant taken out (see `MINIFY_OPTIONS`). */
export const minifiedPage = (html: string) => minify(html, MINIFY_OPTIONS);

/**
 * Writes every built page without the bytes the browser does not need: a tenth of a lab page's
 * HTML, which the page's first paint waits for. Listed before every integration that reads the
 * built pages' bytes: the security headers hash the inline scripts, the offline guide hashes and
 * stores each page.
 */
export function minifiedPages(): AstroIntegration {
  return {
    name: 'minified-pages',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pages, before, after } = await rewriteBuiltPages(fileURLToPath(dir), minifiedPage);
        const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
        logger.info(`${pages} pages: ${kb(before)} → ${kb(after)}`);
      },
    },
  };
}
