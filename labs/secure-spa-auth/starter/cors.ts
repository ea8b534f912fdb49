// Exercise 1 — CORS for the API.
import type { CorsPolicy, HttpResponse } from '../support/cors-policy.ts';

/**
 * The answer to a browser's preflight (OPTIONS) request from `origin` (undefined when the request
 * had no Origin header).
 * - An allowed origin (one listed in `policy.allowedOrigins`, compared as a whole string) gets
 *   status 204 and Access-Control-Allow-Origin set to that very origin, Access-Control-Allow-Methods
 *   and Access-Control-Allow-Headers (the policy's lists joined with ", "),
 *   Access-Control-Allow-Credentials: "true" when the policy allows credentials, and
 *   Access-Control-Max-Age (seconds, as a string).
 * - Any other origin gets status 403 and no Access-Control-* header at all.
 * - Every answer carries `Vary: Origin`, because it depends on the Origin header.
 * - "*" in the allow-list means any origin. Browsers refuse "*" on a request with credentials,
 *   and echoing every origin instead would let any site call the API as the user, so a policy
 *   with "*" and allowCredentials is a configuration error: throw. Without credentials, answer "*".
 */
export function preflight(origin: string | undefined, policy: CorsPolicy): HttpResponse {
  // TODO: decide whether the origin is allowed, then build the 204 or the 403 answer.
  throw new Error('TODO: preflight');
}

/**
 * The CORS headers to add to an actual API response for `origin`: the same rules as `preflight`
 * for Access-Control-Allow-Origin, Access-Control-Allow-Credentials and Vary, without the
 * preflight-only headers (methods, headers, max age).
 */
export function corsHeaders(
  origin: string | undefined,
  policy: CorsPolicy,
): Record<string, string> {
  // TODO: start with the policy error for "*" with credentials, then echo an allowed origin.
  throw new Error('TODO: corsHeaders');
}
