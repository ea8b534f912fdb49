// Exercise 2 — Issue a session token with a key that never leaves KMS.
import { base64url } from 'jose';
import { derToJoseSignature } from '../support/der-signature.ts';
import type { FakeKms } from '../support/fake-kms.ts';
import { SESSION_SECONDS, TOKEN_AUDIENCE, TOKEN_ISSUER } from '../support/session.ts';

/**
 * A signed JWT for `userId`, issued at `nowSeconds` (seconds since the epoch), in compact form:
 * base64url(header) + "." + base64url(payload) + "." + base64url(signature).
 * - header: { alg: "ES256", typ: "JWT", kid: kms.keyId }, so verifiers know which key to use;
 * - payload: { iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, sub: userId, iat: nowSeconds,
 *   exp: nowSeconds + SESSION_SECONDS } (24 hours, borrowed from the talk's Cognito
 *   token; the report gives none for the team's JWT);
 * - signature: ask KMS to sign the bytes of "header.payload" (kms.sign with keyId kms.keyId,
 *   signingAlgorithm "ECDSA_SHA_256"). You cannot read the private key; you can only ask KMS.
 *   Like real KMS, the fake returns the signature DER-encoded; ES256 wants the 64-byte r‖s
 *   form, so convert it with derToJoseSignature from ../support/der-signature.ts.
 */
export async function issueSessionToken(
  kms: FakeKms,
  userId: string,
  nowSeconds: number,
): Promise<string> {
  // TODO: encode header and payload with base64url.encode(JSON.stringify(…)), ask KMS to sign
  // "header.payload", convert the signature and join the three parts with dots.
  throw new Error('TODO: issueSessionToken');
}
