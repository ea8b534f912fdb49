import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Pagefind 1.6 builds every excerpt by splitting the page's whole text into words again: once for
 * a result and once more for each of its headings with a match. A Japanese glossary entry search
 * splits the 119-entry glossary dozens of times per query, most of a later query's time. The page
 * text of a result does not change between those calls, so its words are split once and each
 * excerpt marks a copy (copying an array of words costs a fraction of splitting the text again).
 * Everything else in `build_excerpt` is Pagefind's own code, unchanged.
 */
export const SPLIT_EVERY_TIME =
  'let fragment_words=[];if(is_zws_delimited){fragment_words=content.split("\\u200B");}else{fragment_words=content.split(word_separators);}';

const SPLIT_ONCE = 'let fragment_words=excerpt_words_of(content,is_zws_delimited).slice();';

/** The last page text split into words, kept while one result's excerpts are built. */
const WORDS_OF_LAST_TEXT =
  'let excerpt_words_text=null,excerpt_words=[];' +
  'const excerpt_words_of=(content,is_zws_delimited)=>{' +
  'if(content!==excerpt_words_text){excerpt_words_text=content;' +
  'excerpt_words=is_zws_delimited?content.split("\\u200B"):content.split(word_separators);}' +
  'return excerpt_words;};';

const EXCERPT_FUNCTION = 'var build_excerpt=';

/**
 * Pagefind's browser script with excerpt words split once per page text. Throws, naming what it
 * looked for, when Pagefind's code differs from the version this was written against: an upgrade
 * must be checked by hand, not patched blindly.
 */
export function splitExcerptWordsOnce(script: string, file: string): string {
  const count = script.split(SPLIT_EVERY_TIME).length - 1;
  if (count !== 1 || !script.includes(EXCERPT_FUNCTION))
    throw new Error(
      `${file}: Pagefind's build_excerpt is not the one src/integrations/pagefind-excerpt-words.ts ` +
        `was written for (found its word split ${count} times). Check the new version's excerpt code, ` +
        'then update or remove this integration.',
    );
  return script
    .replace(EXCERPT_FUNCTION, WORDS_OF_LAST_TEXT + EXCERPT_FUNCTION)
    .replace(SPLIT_EVERY_TIME, SPLIT_ONCE);
}

/** Rewrites `pagefind/pagefind.js` in the build. Listed after `searchIndex()`, which runs Pagefind. */
export function pagefindExcerptWords(): AstroIntegration {
  return {
    name: 'pagefind-excerpt-words',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const file = join(fileURLToPath(dir), 'pagefind', 'pagefind.js');
        await writeFile(file, splitExcerptWordsOnce(await readFile(file, 'utf8'), file));
      },
    },
  };
}
