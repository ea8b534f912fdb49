/// <reference lib="webworker" />
// The guide's service worker, bundled with Workbox by `offline-guide.ts`, which prepends
// `GUIDE_MANIFEST`: every stored file with its revision and SHA-256, in two groups. Reading is
// stored on install; labs when a lab page asks for its files or the reader asks for everything.
import type { WorkboxPlugin } from 'workbox-core';
import { PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { NetworkFirst, NetworkOnly } from 'workbox-strategies';
import type { OfflineEntry, OfflineManifest } from './offline-groups.ts';
import type { OfflineRequest, OfflineReport } from '../lib/offline-messages.ts';
import { gunzipPlugin } from './stored-gunzipped.ts';
import { integrityPlugin } from './stored-integrity.ts';

declare const self: ServiceWorkerGlobalScope;
declare const GUIDE_MANIFEST: OfflineManifest;

const everyEntry = [...GUIDE_MANIFEST.reading, ...GUIDE_MANIFEST.labs];
const absolute = (url: string) => new URL(url, self.location.href).href;
const checkIntegrity = integrityPlugin(
  new Map(
    everyEntry.map((entry) => [absolute(entry.url), entry.gunzippedIntegrity ?? entry.integrity]),
  ),
);
const storeGunzipped = gunzipPlugin(
  new Set(
    everyEntry.filter((entry) => entry.gunzippedIntegrity).map((entry) => absolute(entry.url)),
  ),
);

/** Workbox's entry: no revision where the URL itself is one (hashed `_astro/*` names). */
const precacheEntry = ({ url, revision, integrity }: OfflineEntry) => ({
  url,
  integrity,
  revision: revision ?? undefined,
});

/**
 * Workbox fetches a revisioned entry with `cache: 'reload'`, so the page the reader has just
 * loaded was downloaded a second time. Revalidating costs a 304 when the HTTP cache holds the
 * server's current bytes; the browser still checks them against the entry's SHA-256.
 */
const revalidate: WorkboxPlugin = {
  requestWillFetch: async ({ request }) =>
    request.cache === 'reload' && request.mode !== 'navigate'
      ? new Request(request, { cache: 'no-cache' })
      : request,
};

const reading = new PrecacheController({
  cacheName: 'guide-reading',
  plugins: [revalidate, checkIntegrity, storeGunzipped],
});
reading.addToCacheList(GUIDE_MANIFEST.reading.map(precacheEntry));
// A lab file not stored yet is fetched (its integrity checked by the browser) and kept.
const labs = new PrecacheController({
  cacheName: 'guide-labs',
  plugins: [revalidate, checkIntegrity, storeGunzipped],
  fallbackToNetwork: true,
});
labs.addToCacheList(GUIDE_MANIFEST.labs.map(precacheEntry));

self.addEventListener('install', (event) => {
  reading.install(event);
  self.skipWaiting();
});

// Each group keeps only this build's entries, and the hand-written worker's `guide-<version>`
// caches go, so a page is never answered from two builds.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    rememberStoredLabs()
      .then(() =>
        Promise.all([
          reading.activate(event),
          labs.activate(event),
          caches
            .keys()
            .then((keys) =>
              Promise.all(
                keys
                  .filter((key) => /^guide-[0-9a-f]{16}$/.test(key))
                  .map((key) => caches.delete(key)),
              ),
            ),
        ]),
      )
      .then(() => self.clients.claim()),
  );
});

// Pages come from the network while online, so a new build shows on the next load; the stored
// copy (integrity-checked) answers when the network does not. The network's copy is not stored:
// only this build's precached revision may answer offline. Lab pages are stored in the labs
// group once their lab has been opened, and answer offline from there.
for (const group of [reading, labs]) {
  registerRoute(
    ({ request, url }) =>
      request.mode === 'navigate' && group.getCacheKeyForURL(url.href) !== undefined,
    new NetworkFirst({
      cacheName: group.strategy.cacheName,
      plugins: [
        {
          cacheKeyWillBeUsed: async ({ request }) =>
            group.getCacheKeyForURL(request.url) ?? request,
        },
        { cacheWillUpdate: async () => null },
        checkIntegrity,
      ],
    }),
  );
}
registerRoute(new PrecacheRoute(reading, { ignoreURLParametersMatching: [/.*/] }));
registerRoute(new PrecacheRoute(labs, { ignoreURLParametersMatching: [/.*/] }));

// Every other page comes from the network. Offline, it and a lab page not stored yet get the
// stored page that says so (src/pages/[...lang]/offline.astro) in the language of the address,
// instead of the browser's own error; the address stays, so a reload online opens the page.
registerRoute(({ request }) => request.mode === 'navigate', new NetworkOnly());
setCatchHandler(async ({ request, url }) => {
  if (request.mode !== 'navigate') return Response.error();
  const scope = new URL(self.registration.scope);
  const japanese = url.pathname.startsWith(`${scope.pathname}ja/`);
  const notStored = new URL(japanese ? 'ja/offline/' : 'offline/', scope).href;
  return (await reading.matchPrecache(notStored)) ?? Response.error();
});

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const request = event.data as OfflineRequest;
  const client = event.source as Client | null;
  if (!client || typeof request !== 'object' || request === null) return;
  if (request.type === 'status') event.waitUntil(report([client]).then(storeWhatWasWanted));
  else if (request.type === 'store-labs')
    event.waitUntil(want({ all: true }).then(() => storeLabs(GUIDE_MANIFEST.labs)));
  else if (request.type === 'store-lab' && typeof request.page === 'string') {
    const pages = bothLanguages(new URL(request.page, self.location.href).pathname);
    event.waitUntil(
      want({ pages }).then(() => storeLabs(labEntriesOf({ all: false, pages }), 'quiet')),
    );
  }
});

/**
 * A lab page and its page in the other language: the language picker of a lab opened once must
 * not lead offline to "not available offline yet". The two share everything but the page itself
 * and its strings (two small files).
 */
function bothLanguages(page: string): string[] {
  const scope = new URL(self.registration.scope).pathname;
  const path = page.slice(scope.length);
  const other = scope + (path.startsWith('ja/') ? path.slice('ja/'.length) : `ja/${path}`);
  return [page, other].filter((candidate) => candidate in GUIDE_MANIFEST.labPages);
}

/**
 * What the reader asked to have offline: the whole guide, or the labs they opened. Kept in a
 * cache of its own, so it outlives an update: a new build's worker drops the lab files that
 * changed, and fetches them again for a reader who wanted them (see storeWhatWasWanted).
 */
interface Wanted {
  all: boolean;
  pages: string[];
}
const WANTED_CACHE = 'guide-wanted';
const wantedKey = () => new URL('offline-wanted', self.registration.scope).href;

async function wantedNow(): Promise<Wanted> {
  const stored = await (await caches.open(WANTED_CACHE)).match(wantedKey());
  const value: unknown = await stored?.json().catch(() => undefined);
  const wanted = value as Partial<Wanted> | undefined;
  return {
    all: wanted?.all === true,
    pages: Array.isArray(wanted?.pages)
      ? wanted.pages.filter((page) => typeof page === 'string')
      : [],
  };
}

/** Adds to what the reader wants offline: the whole guide, or more lab pages. */
async function want(more: { all?: boolean; pages?: string[] }): Promise<void> {
  const wanted = await wantedNow();
  const now: Wanted = {
    all: wanted.all || more.all === true,
    pages: [...new Set([...wanted.pages, ...(more.pages ?? [])])],
  };
  await (await caches.open(WANTED_CACHE)).put(wantedKey(), Response.json(now));
}

const labEntriesOf = ({ all, pages }: Wanted) => {
  if (all) return GUIDE_MANIFEST.labs;
  const urls = new Set(pages.flatMap((page) => GUIDE_MANIFEST.labPages[page] ?? []));
  return GUIDE_MANIFEST.labs.filter((entry) => urls.has(entry.url));
};

/**
 * Before an update drops the changed lab files: the lab pages with any file stored count as
 * wanted (all of them as the whole guide), for a reader who stored labs before the worker kept
 * this list.
 */
async function rememberStoredLabs(): Promise<void> {
  const stored = new Set([...(await storedLabs())].map((key) => new URL(key).pathname));
  const pages = Object.entries(GUIDE_MANIFEST.labPages)
    .filter(([, urls]) => urls.some((url) => stored.has(new URL(url, self.location.href).pathname)))
    .map(([page]) => page);
  if (!pages.length) return;
  await want({ all: pages.length === Object.keys(GUIDE_MANIFEST.labPages).length, pages });
}

/** One catching-up at a time: every open page asks for the status as it loads. */
let catchingUp: Promise<void> | undefined;

/**
 * After an update, the lab files a reader had stored and this build changed are missing: each
 * page's status request fetches them again while the reader is online, with progress shown for
 * the whole guide as when they first pressed the control. Without it, a learner who stored the
 * guide at home and opened it once on the venue's Wi-Fi after a rebuild lost their offline labs.
 */
async function storeWhatWasWanted(): Promise<void> {
  if (catchingUp || !self.navigator.onLine) return catchingUp;
  catchingUp = (async () => {
    const wanted = await wantedNow();
    const stored = await storedLabs();
    const missing = labEntriesOf(wanted).filter(
      (entry) => !stored.has(labs.getCacheKeyForURL(entry.url)!),
    );
    if (missing.length) await storeLabs(missing, wanted.all ? 'report' : 'quiet');
  })().finally(() => (catchingUp = undefined));
  return catchingUp;
}

/** Whole-guide downloads under way: reports say "storing" until the last one ends. */
let downloads = 0;

/**
 * Progress and the end of a store go to every open page of the guide, not only the one that
 * asked: a reader who reloads or opens another page mid-download sees it go on and finish.
 */
const everyPage = () => self.clients.matchAll({ type: 'window', includeUncontrolled: true });

async function storedLabs(): Promise<Set<string>> {
  const cache = await caches.open(labs.strategy.cacheName);
  return new Set((await cache.keys()).map((request) => request.url));
}

const sizeOf = (entries: OfflineEntry[]) => entries.reduce((sum, entry) => sum + entry.size, 0);

async function report(pages: readonly Client[], stored?: Set<string>): Promise<void> {
  const keys = stored ?? (await storedLabs());
  const message: OfflineReport = {
    type: 'offline-status',
    reading: self.registration.active !== null && (await caches.has(reading.strategy.cacheName)),
    labs: {
      stored: sizeOf(
        GUIDE_MANIFEST.labs.filter((entry) => keys.has(labs.getCacheKeyForURL(entry.url)!)),
      ),
      total: sizeOf(GUIDE_MANIFEST.labs),
    },
    storing: downloads > 0,
  };
  for (const page of pages) page.postMessage(message);
}

/** Fetches the entries not stored yet (each checked against its digest by the browser), reporting progress. */
async function storeLabs(
  entries: OfflineEntry[],
  progress: 'report' | 'quiet' = 'report',
): Promise<void> {
  if (progress === 'report') downloads++;
  try {
    await store(entries, progress);
  } finally {
    if (progress === 'report') downloads--;
  }
  await report(await everyPage());
}

async function store(entries: OfflineEntry[], progress: 'report' | 'quiet'): Promise<void> {
  const cache = await caches.open(labs.strategy.cacheName);
  const stored = await storedLabs();
  for (const entry of entries) {
    const key = labs.getCacheKeyForURL(entry.url)!;
    if (stored.has(key)) continue;
    // Revisioned files (the sandbox page) skip the HTTP cache, which may hold another build's copy.
    const response = await fetch(entry.url, {
      integrity: entry.integrity,
      cache: entry.revision ? 'no-cache' : 'default',
    }).catch(() => undefined);
    if (response?.ok) {
      await cache.put(key, response);
      stored.add(key);
    }
    if (progress === 'report') await report(await everyPage(), stored);
  }
}
