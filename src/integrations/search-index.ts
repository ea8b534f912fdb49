import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';

/**
 * What the search index leaves out, by selector rather than a `data-pagefind-ignore` on each:
 * every code block, and the lines of source links under each "2017 → now" note. Lab starter
 * code and English code comments otherwise turn up as excerpts (`throw new Error('TODO:
 * preflight')`), even on Japanese results; the prose around a block says what it shows. A source
 * line is addresses ("cloud.google.com › streaming-data-into-bigquery · …"), dense with product
 * names, so Pagefind chose it as the excerpt of a search for "BigQuery" over the prose about it.
 */
export const UNINDEXED = ['.expressive-code', '.then-now-sources'];

/** Pagefind's answer, or an error naming what it said. */
function answered<T extends { errors: string[] }>(response: T, logger: AstroIntegrationLogger): T {
  for (const error of response.errors) logger.error(error);
  if (response.errors.length > 0) throw new Error('search-index: Pagefind reported errors.');
  return response;
}

/**
 * Builds the search index (Pagefind, `pagefind/`), as Starlight would with its own search on,
 * with `UNINDEXED` left out by selector: Starlight passes Pagefind no options, so each code block
 * carried the attribute instead (17 on the BigQuery lab page). Starlight's is switched off
 * (`pagefind: false`); its page frame still marks each page's body for Pagefind.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        try {
          const { index } = answered(
            await pagefind.createIndex({ excludeSelectors: UNINDEXED }),
            logger,
          );
          if (!index) throw new Error('search-index: Pagefind did not create an index.');
          const { page_count } = answered(
            await index.addDirectory({ path: fileURLToPath(dir) }),
            logger,
          );
          answered(
            await index.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', dir)) }),
            logger,
          );
          logger.info(`${page_count} pages indexed, without ${UNINDEXED.join(', ')}`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
