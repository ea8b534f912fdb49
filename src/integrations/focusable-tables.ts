import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { rewriteBuiltPages } from './built-files.ts';

/** A table as Markdown writes it: no attributes (a component's tables have their own). */
const MARKDOWN_TABLE = /<table>/g;

/**
 * Every Markdown table takes the keyboard (tabindex 0). Starlight lets a table wider than the page
 * scroll in a box of its own, and on a phone some do (the Lambda chapter's concurrency table at
 * 390 px); a box that scrolls but takes no focus cannot be scrolled from the keyboard in browsers
 * that do not make scroll boxes focusable themselves (Chromium does; Safari and Firefox do not).
 */
export const withFocusableTables = (html: string) =>
  html.replace(MARKDOWN_TABLE, '<table tabindex="0">');

/** Rewrites every built page; listed before the minifier, which reads Astro's quoting. */
export function focusableTables(): AstroIntegration {
  return {
    name: 'focusable-tables',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await rewriteBuiltPages(fileURLToPath(dir), withFocusableTables);
      },
    },
  };
}
