// The guide's service worker. The build prepends `VERSION` (a hash of every file in the build)
// and `PRECACHE` (every file's URL), so one visit stores the whole guide for reading offline.
/* global VERSION, PRECACHE */

const CACHE = `guide-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

// Only one build's files are ever kept, so pages of two builds never mix.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('guide-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // Pages come from the network while online, so a new build shows on the next load; the stored
  // copy answers when the network does not. Hashed assets and the search index never change
  // under the same URL within a build, so the stored copy answers first.
  event.respondWith(request.mode === 'navigate' ? networkFirst(request) : cacheFirst(request));
});

async function networkFirst(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true, ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true, ignoreVary: true });
  return cached ?? fetch(request);
}

self.addEventListener('message', (event) => {
  if (event.data === 'is-ready') {
    caches.has(CACHE).then((ready) => event.source?.postMessage({ type: 'offline-ready', ready, version: VERSION }));
  }
});
