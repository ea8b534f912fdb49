// Exercise 2 — Issue a session token with a key that never leaves KMS.
import { base64url } from 'jose';
import type { FakeKms } from '../support/fake-kms.ts';
import { SESSION_SECONDS, TOKEN_AUDIENCE, TOKEN_ISSUER } from '../support/session.ts';

/**
 * A signed JWT (compact form: header.payload.signature, each part base64url-encoded) for
 * `userId`, issued at `nowSeconds` (seconds since the epoch).
 * - header: alg "ES256", typ "JWT", kid = the KMS key id;
 * - payload: iss, aud, sub (the user), iat, and exp SESSION_SECONDS after iat;
 * - signature: KMS signs the bytes of "header.payload" (kms.sign with ECDSA_SHA_256).
 * You cannot read the private key; you can only ask KMS to sign.
 */
export async function issueSessionToken(kms: FakeKms, userId: string, nowSeconds: number): Promise<string> {
  const header = base64url.encode(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: kms.keyId }));
  const payload = base64url.encode(
    JSON.stringify({ iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, sub: userId, iat: nowSeconds, exp: nowSeconds + SESSION_SECONDS }),
  );
  const signingInput = `${header}.${payload}`;
  const signature = await kms.sign({ keyId: kms.keyId, message: new TextEncoder().encode(signingInput), signingAlgorithm: 'ECDSA_SHA_256' });
  return `${signingInput}.${base64url.encode(signature)}`;
}
