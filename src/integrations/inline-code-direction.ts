import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { rewriteBuiltPages } from './built-files.ts';

/** A left-to-right page: the guide's languages, English and Japanese, are both written that way. */
const LEFT_TO_RIGHT_PAGE = /^<!DOCTYPE html><html [^>]*\bdir="ltr"/i;

/** Inline code as Starlight's Markdown pipeline writes it (code blocks come from Expressive Code). */
const AUTO_DIRECTION_CODE = /<code dir="auto">/g;

/**
 * Starlight marks every inline code `dir="auto"`, so that code inside a right-to-left sentence
 * keeps its own direction. On a left-to-right page, the only kind this guide has, the mark draws
 * nothing different, and the BigQuery lab page carries it 127 times (1.4 KB). A page written right
 * to left would keep it.
 */
export const withoutAutoDirection = (html: string) =>
  LEFT_TO_RIGHT_PAGE.test(html) ? html.replace(AUTO_DIRECTION_CODE, '<code>') : html;

/** Rewrites every built page; listed before the minifier, which reads Astro's quoting. */
export function inlineCodeDirection(): AstroIntegration {
  return {
    name: 'inline-code-direction',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await rewriteBuiltPages(fileURLToPath(dir), withoutAutoDirection);
      },
    },
  };
}
