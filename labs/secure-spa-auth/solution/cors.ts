// Exercise 1 — CORS for the API.
import type { CorsPolicy, HttpResponse } from '../support/cors-policy.ts';

/**
 * The answer to a browser's preflight (OPTIONS) request from `origin`.
 * An allowed origin gets status 204 and: Access-Control-Allow-Origin (that exact origin),
 * -Allow-Methods, -Allow-Headers (comma-separated), -Allow-Credentials: true when the policy
 * allows credentials, and -Max-Age. Any other origin gets 403 and no Access-Control-* header.
 * Every answer carries `Vary: Origin`, because it depends on the Origin header.
 */
export function preflight(origin: string | undefined, policy: CorsPolicy): HttpResponse {
  if (!isAllowed(origin, policy)) return { status: 403, headers: { Vary: 'Origin' } };
  return {
    status: 204,
    headers: {
      ...corsHeaders(origin, policy),
      'Access-Control-Allow-Methods': policy.allowedMethods.join(', '),
      'Access-Control-Allow-Headers': policy.allowedHeaders.join(', '),
      'Access-Control-Max-Age': String(policy.maxAgeSeconds),
    },
  };
}

/**
 * The CORS headers to add to an actual API response for `origin`: for an allowed origin,
 * Access-Control-Allow-Origin (that origin) and -Allow-Credentials; for any other, none.
 * Always `Vary: Origin`. Never the wildcard `*` together with credentials.
 */
export function corsHeaders(origin: string | undefined, policy: CorsPolicy): Record<string, string> {
  if (!isAllowed(origin, policy)) return { Vary: 'Origin' };
  return {
    'Access-Control-Allow-Origin': origin,
    ...(policy.allowCredentials ? { 'Access-Control-Allow-Credentials': 'true' } : {}),
    Vary: 'Origin',
  };
}

function isAllowed(origin: string | undefined, policy: CorsPolicy): origin is string {
  return origin !== undefined && policy.allowedOrigins.includes(origin);
}
