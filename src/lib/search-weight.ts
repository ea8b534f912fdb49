/**
 * How much a page's body counts in search. Overview pages name every term of the guide in
 * passing (the home page lists every lab, the summary recaps every talk, the workshop plan times
 * every chapter), so a search for a term would often put them above the chapter or lab that
 * explains it. Their words weigh less; the glossary weighs itself (Glossary.astro).
 */
const OVERVIEW_PAGES = new Set(['index', 'chapters/summary', 'workshop']);

/** Pagefind's weight for an overview page's body: below the default of 1, above the glossary's 0.3. */
const OVERVIEW_WEIGHT = 0.5;

/** The `data-pagefind-weight` for the body of the docs entry `id` ("ja/workshop"), or undefined for the default. */
export function searchWeightOf(id: string): number | undefined {
  const page = id.replace(/^ja(\/|$)/, '') || 'index';
  return OVERVIEW_PAGES.has(page) ? OVERVIEW_WEIGHT : undefined;
}
