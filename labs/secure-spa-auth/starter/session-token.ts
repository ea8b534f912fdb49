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
  // TODO: encode header and payload with base64url.encode(JSON.stringify(…)), then sign.
  throw new Error('TODO: issueSessionToken');
}
