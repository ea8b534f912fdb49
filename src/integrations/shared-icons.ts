import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { basePath, listBuiltFiles } from './built-files.ts';

/** An inline `<svg …>…</svg>` with no SVG inside it: Starlight's icons (search, caret, theme, heading link…). */
const INLINE_SVG = /<svg\b([^>]*)>((?:(?!<svg\b)[\s\S])*?)<\/svg>/g;

/** Drawings with words or ids of their own (diagrams, charts) stay in their page. */
const PAGE_OWN = /<(text|title|desc|use|foreignObject)\b|\bid=/;

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Starlight draws each icon as an inline SVG, the same paths on every page and several times on
 * one (a lab page held 24 of them, 10.7 KB: the heading-link icon once per heading, the carets,
 * the theme and language selects twice). Every icon drawn on two pages or more moves into one
 * content-hashed sprite under `_astro/`, cached once, and each page keeps its `<svg>` (size,
 * classes, aria-hidden) around a `<use>` of it. Runs before the integrations that hash the
 * built pages (security headers, offline manifest).
 */
export function sharedIcons(): AstroIntegration {
  let base = '/';
  return {
    name: 'shared-icons',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = basePath(config);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = (await listBuiltFiles(root)).filter((file) => file.endsWith('.html'));
        const html = new Map(
          await Promise.all(
            pages.map(async (file) => [file, await readFile(join(root, file), 'utf8')] as const),
          ),
        );
        const keyOf = (attributes: string, inner: string) =>
          `${/\bviewBox="([^"]*)"/.exec(attributes)?.[1] ?? ''}\n${inner}`;
        const pagesWith = new Map<string, Set<string>>();
        for (const [file, text] of html)
          for (const [, attributes, inner] of text.matchAll(INLINE_SVG)) {
            if (PAGE_OWN.test(inner) || !/\bviewBox=/.test(attributes)) continue;
            const key = keyOf(attributes, inner);
            pagesWith.set(key, (pagesWith.get(key) ?? new Set()).add(file));
          }
        const shared = [...pagesWith]
          .filter(([, files]) => files.size > 1)
          .map(([key]) => key)
          .sort();
        if (!shared.length) return;
        const idOf = new Map(shared.map((key) => [key, `i${hashOf(key).slice(0, 8)}`]));
        const sprite = `<svg xmlns="http://www.w3.org/2000/svg">${shared
          .map((key) => {
            const [viewBox, inner] = key.split(/\n([\s\S]*)/);
            return `<symbol id="${idOf.get(key)}" viewBox="${viewBox}">${inner}</symbol>`;
          })
          .join('')}</svg>\n`;
        const spriteFile = `_astro/icons.${hashOf(sprite).slice(0, 10)}.svg`;
        await writeFile(join(root, spriteFile), sprite);
        let saved = 0;
        for (const [file, text] of html) {
          const lighter = text.replace(INLINE_SVG, (whole, attributes: string, inner: string) => {
            const id = idOf.get(keyOf(attributes, inner));
            return id ? `<svg${attributes}><use href="${base}${spriteFile}#${id}"/></svg>` : whole;
          });
          saved += text.length - lighter.length;
          if (lighter !== text) await writeFile(join(root, file), lighter);
        }
        logger.info(
          `${shared.length} icons in ${spriteFile}; pages ${Math.round(saved / 1024)} KB lighter`,
        );
      },
    },
  };
}
