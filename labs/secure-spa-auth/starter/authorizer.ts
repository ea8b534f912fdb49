// Exercise 3 — The Lambda authorizer.
import { jwtVerify } from 'jose';
import type { AuthorizerResult, TokenAuthorizerEvent } from '../support/authorizer-types.ts';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../support/session.ts';

/**
 * Verifies the bearer token with the KMS key's public key at `nowSeconds` and returns a policy.
 * A good token (ES256, our issuer and audience, not expired, already valid): Allow
 * execute-api:Invoke on `event.methodArn`, principalId = the token's sub, context { userId: sub }.
 * Anything else — expired, not yet valid, wrong issuer or audience, tampered, alg "none",
 * another algorithm, a malformed header — gets Deny on the method ARN with principalId "anonymous".
 */
export async function authorize(event: TokenAuthorizerEvent, publicKey: CryptoKey, nowSeconds: number): Promise<AuthorizerResult> {
  // TODO: strip "Bearer ", verify with jwtVerify (pin the algorithm, issuer, audience and the clock).
  const claims = JSON.parse(atob(event.authorizationToken.split('.')[1] ?? ''));
  return policy(claims.sub ?? 'anonymous', 'Allow', event.methodArn);
}

function policy(principalId: string, effect: 'Allow' | 'Deny', resource: string): AuthorizerResult {
  return {
    principalId,
    policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] },
  };
}
