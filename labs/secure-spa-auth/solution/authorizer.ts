// Exercise 3 — The Lambda authorizer.
import { jwtVerify } from 'jose';
import type { AuthorizerResult, TokenAuthorizerEvent } from '../support/authorizer-types.ts';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../support/session.ts';

/**
 * API Gateway's TOKEN authorizer: verifies the bearer token in `event.authorizationToken`
 * ("Bearer <jwt>") with the KMS key's public key, at `nowSeconds` (the simulated clock, seconds
 * since the epoch), and answers with an IAM policy.
 * - A good token (signed ES256 by our key, issuer TOKEN_ISSUER, audience TOKEN_AUDIENCE, not
 *   expired, already valid): principalId = the token's sub, one statement allowing
 *   execute-api:Invoke on `event.methodArn`, and context { userId: sub } for the API's function.
 * - Anything else: a policy with Effect "Deny" on `event.methodArn` (principalId "anonymous"),
 *   which API Gateway answers with 403; or throw new Error('Unauthorized'), which it answers
 *   with 401. Any other error becomes a 500, so do not let one escape.
 */
export async function authorize(
  event: TokenAuthorizerEvent,
  publicKey: CryptoKey,
  nowSeconds: number,
): Promise<AuthorizerResult> {
  const token = event.authorizationToken.replace(/^Bearer\s+/i, '');
  try {
    const { payload } = await jwtVerify(token, publicKey, {
      algorithms: ['ES256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      currentDate: new Date(nowSeconds * 1000),
      requiredClaims: ['sub', 'exp'],
    });
    return { ...policy(payload.sub!, 'Allow', event.methodArn), context: { userId: payload.sub! } };
  } catch {
    return policy('anonymous', 'Deny', event.methodArn);
  }
}

function policy(principalId: string, effect: 'Allow' | 'Deny', resource: string): AuthorizerResult {
  return {
    principalId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }],
    },
  };
}
