import type { APIResponse, Route } from '@playwright/test';

/** What Node says when the server closed a kept-alive connection as a request went out on it. */
const CONNECTION_RESET = /ECONNRESET|socket hang up/;

/**
 * `route.fetch`, sent once more when the connection it reused was closed under it. The preview
 * server closes idle kept-alive connections after a few seconds; a request sent on one at that
 * moment is reset. A browser sends such a request again by itself, Playwright's fetch does not,
 * and a busy machine makes the moment more likely (a test failed on it beside two busy loops).
 */
export async function fetchForRoute(
  route: Route,
  options?: Parameters<Route['fetch']>[0],
): Promise<APIResponse> {
  try {
    return await route.fetch(options);
  } catch (error) {
    if (!CONNECTION_RESET.test(String(error))) throw error;
    return route.fetch(options);
  }
}
