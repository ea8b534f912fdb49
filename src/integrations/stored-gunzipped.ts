import type { WorkboxPlugin } from 'workbox-core';
import { manifestUrlOf } from './manifest-url.ts';

/**
 * A Workbox plugin that stores the files at `urls` (Pagefind's, which are gzip) gunzipped.
 * Pagefind's script inflates each file it fetches in JavaScript unless the bytes already carry its
 * signature, as inflated ones do: that is most of the script's work between a query and its
 * results when the index comes from this worker. The network still carries the small gzip bytes,
 * which the browser has checked against their digest before this runs; the stored copy is checked
 * against the digest of its gunzipped bytes (`gunzippedIntegrity`) each time it is served.
 *
 * Being a `cacheWillUpdate` plugin, it replaces Workbox's default precache check, so it keeps that
 * check's rule: a response with an error status is not stored.
 */
export function gunzipPlugin(urls: Set<string>): WorkboxPlugin {
  return {
    cacheWillUpdate: async ({ request, response }) => {
      if (response.status >= 400) return null;
      if (!urls.has(manifestUrlOf(request)) || !response.body) return response;
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      return new Response(response.body.pipeThrough(new DecompressionStream('gzip')), {
        status: response.status,
        statusText: response.statusText,
        headers,
      });
    },
  };
}
