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
  const token = event.authorizationToken.replace(/^Bearer /, '');
  try {
    const { payload } = await jwtVerify(token, publicKey, {
      algorithms: ['ES256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      currentDate: new Date(nowSeconds * 1000),
    });
    if (typeof payload.sub !== 'string') return policy('anonymous', 'Deny', event.methodArn);
    return { ...policy(payload.sub, 'Allow', event.methodArn), context: { userId: payload.sub } };
  } catch {
    return policy('anonymous', 'Deny', event.methodArn);
  }
}

function policy(principalId: string, effect: 'Allow' | 'Deny', resource: string): AuthorizerResult {
  return {
    principalId,
    policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] },
  };
}
