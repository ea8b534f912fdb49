/**
 * How the site starts Pagefind (`npm run bench` times the site's own search dialog, which uses it).
 *
 * `noWorker`: Pagefind 1.6 searches in a web worker by default, which costs a second script
 * (pagefind-worker.js, 43 KB) fetched and started only after pagefind.js, and a message round trip
 * for every query and every result's excerpt. Our index is small (a few chunks per language) and a
 * query's own work is a few milliseconds, so searching on the page answers sooner; measured on this
 * machine, later queries took about three fifths of the time they took through the worker, in both languages.
 */
export const pagefindOptions = { noWorker: true } as const;

/**
 * Where the built site serves Pagefind's script: the search dialog starts fetching it beside its
 * own code, and site-search.ts imports it from the same URL, so the browser loads it once.
 */
export const pagefindScript = (base: string) => `${base}pagefind/pagefind.js`;
