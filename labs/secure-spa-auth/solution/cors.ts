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
  const headers = corsHeaders(origin, policy);
  if (!headers['Access-Control-Allow-Origin']) return { status: 403, headers };
  return {
    status: 204,
    headers: {
      ...headers,
      'Access-Control-Allow-Methods': policy.allowedMethods.join(', '),
      'Access-Control-Allow-Headers': policy.allowedHeaders.join(', '),
      'Access-Control-Max-Age': String(policy.maxAgeSeconds),
    },
  };
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
  const anyOrigin = policy.allowedOrigins.includes('*');
  if (anyOrigin && policy.allowCredentials) {
    throw new Error(
      'CORS policy error: "*" cannot be combined with allowCredentials; list the SPA\'s origins instead.',
    );
  }
  if (anyOrigin) return { 'Access-Control-Allow-Origin': '*', Vary: 'Origin' };
  if (origin === undefined || !policy.allowedOrigins.includes(origin)) return { Vary: 'Origin' };
  return {
    'Access-Control-Allow-Origin': origin,
    ...(policy.allowCredentials ? { 'Access-Control-Allow-Credentials': 'true' } : {}),
    Vary: 'Origin',
  };
}
