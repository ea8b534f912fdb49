import type { WorkboxPlugin } from 'workbox-core';
import { manifestUrlOf } from './manifest-url.ts';

/**
 * A Workbox plugin that lets a stored response answer only if its bytes hash to the SHA-256 the
 * build recorded for its URL. Anything else in the cache (bytes planted by a script of the
 * origin, a truncated write, a file this build never made) is deleted and never served; the
 * strategy then fetches the file again, and the browser checks that copy against the same
 * digest (`integrity`) before it is stored.
 */
export function integrityPlugin(expected: Map<string, string>): WorkboxPlugin {
  return {
    cachedResponseWillBeUsed: async ({ cacheName, request, cachedResponse }) => {
      if (!cachedResponse) return null;
      const integrity = expected.get(manifestUrlOf(request));
      if (integrity && integrity === (await digestOf(cachedResponse.clone())))
        return cachedResponse;
      await (await caches.open(cacheName)).delete(request);
      return null;
    },
  };
}

async function digestOf(response: Response): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', await response.arrayBuffer()),
  );
  return `sha256-${btoa(String.fromCharCode(...digest))}`;
}
