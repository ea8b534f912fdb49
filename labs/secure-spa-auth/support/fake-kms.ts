/**
 * A stand-in for AWS KMS with an asymmetric signing key (KMS `Sign` and `GetPublicKey`,
 * docs.aws.amazon.com/kms/latest/APIReference/API_Sign.html). The private key is created
 * non-extractable and never leaves this object: the only thing callers get is signatures.
 * Real KMS returns ECDSA signatures DER-encoded; this fake returns the raw r‖s form JWS uses,
 * to keep the exercise about the token rather than about encodings.
 */
export class FakeKms {
  readonly keyId: string;
  readonly #keys: CryptoKeyPair;

  private constructor(keyId: string, keys: CryptoKeyPair) {
    this.keyId = keyId;
    this.#keys = keys;
  }

  static async create(keyId = 'alias/spa-session-signing'): Promise<FakeKms> {
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    return new FakeKms(keyId, keys);
  }

  /** Signs `message` with the private key, as KMS Sign with ECDSA_SHA_256 does. */
  async sign(request: { keyId: string; message: Uint8Array; signingAlgorithm: 'ECDSA_SHA_256' }): Promise<Uint8Array> {
    if (request.keyId !== this.keyId) throw new Error(`KMS: no key "${request.keyId}" (this key is "${this.keyId}")`);
    if (request.signingAlgorithm !== 'ECDSA_SHA_256') {
      throw new Error(`KMS: key ${this.keyId} signs with ECDSA_SHA_256, not ${request.signingAlgorithm}`);
    }
    const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, this.#keys.privateKey, request.message as BufferSource);
    return new Uint8Array(signature);
  }

  /** The public half, which anyone may hold to verify tokens (KMS GetPublicKey). */
  getPublicKey(): CryptoKey {
    return this.#keys.publicKey;
  }

  /** The public key as JWK, as a verifier would publish it. */
  async exportPublicJwk(): Promise<JsonWebKey> {
    const exportable = await crypto.subtle.importKey(
      'spki',
      await crypto.subtle.exportKey('spki', this.#keys.publicKey),
      { name: 'ECDSA', namedCurve: 'P-256' },
      true,
      ['verify'],
    );
    return crypto.subtle.exportKey('jwk', exportable);
  }

  /** KMS never exports an asymmetric private key; neither does this fake. */
  exportPrivateKey(): never {
    throw new Error('KMS: the private key of an asymmetric KMS key cannot be exported.');
  }
}
