import { errorMessage } from '../../kit/describe-thrown.ts';
import { SupportError } from '../../kit/support-error.ts';
import { joseToDerSignature } from './der-signature.ts';

const FAKE_KMS = { en: 'The lab’s fake KMS', ja: 'ラボの KMS のフェイク' };

/** What KMS Sign takes, in this fake's lower-case spelling of KeyId, Message, SigningAlgorithm, MessageType. */
export interface SignRequest {
  keyId: string;
  /** The bytes to sign: 0 to 4,096 of them, as KMS allows for MessageType RAW. */
  message: Uint8Array;
  signingAlgorithm: 'ECDSA_SHA_256';
  messageType?: 'RAW';
}

/** KMS accepts messages of 0 to 4,096 bytes; larger ones must be signed as a digest (API_Sign.html). */
export const MAX_MESSAGE_BYTES = 4096;

/**
 * A stand-in for an AWS KMS asymmetric key of spec ECC_NIST_P256 and usage SIGN_VERIFY, with the
 * two calls a token issuer needs: Sign (docs.aws.amazon.com/kms/latest/APIReference/API_Sign.html)
 * and GetPublicKey (docs.aws.amazon.com/kms/latest/APIReference/API_GetPublicKey.html).
 *
 * The private key is generated non-extractable and kept in a private field: no call returns it,
 * exactly as no KMS API returns the private half of an asymmetric KMS key. Like real KMS, `sign`
 * returns ECDSA signatures DER-encoded (see der-signature.ts for the JWS form).
 */
export class FakeKms {
  readonly keyId: string;
  readonly #keys: CryptoKeyPair;
  #signatures = 0;

  private constructor(keyId: string, keys: CryptoKeyPair) {
    this.keyId = keyId;
    this.#keys = keys;
  }

  /** CreateKey with KeySpec ECC_NIST_P256 and KeyUsage SIGN_VERIFY. */
  static async create(keyId = '1234abcd-12ab-34cd-56ef-1234567890ab'): Promise<FakeKms> {
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ]);
    return new FakeKms(keyId, keys);
  }

  /** How many signatures this key has made (what CloudTrail would show as Sign events). */
  get signatures(): number {
    return this.#signatures;
  }

  /** KMS Sign: hashes `message` with SHA-256 and signs it inside "KMS"; returns the DER signature. */
  async sign(request: SignRequest): Promise<Uint8Array> {
    if (request.keyId !== this.keyId)
      throw new SupportError(FAKE_KMS, {
        en: `NotFoundException: no KMS key "${request.keyId}" (this key is "${this.keyId}").`,
        ja: `NotFoundException: KMS キー "${request.keyId}" はありません(このキーは "${this.keyId}" です)。`,
      });
    if (request.signingAlgorithm !== 'ECDSA_SHA_256') {
      throw new SupportError(FAKE_KMS, {
        en: `InvalidKeyUsageException: key ${this.keyId} (ECC_NIST_P256) signs with ECDSA_SHA_256, not ${request.signingAlgorithm}.`,
        ja: `InvalidKeyUsageException: キー ${this.keyId}(ECC_NIST_P256)の署名アルゴリズムは ${request.signingAlgorithm} ではなく ECDSA_SHA_256 です。`,
      });
    }
    if ((request.messageType ?? 'RAW') !== 'RAW')
      throw new SupportError(FAKE_KMS, {
        en: 'This fake KMS signs whole messages only (MessageType RAW).',
        ja: 'この KMS のフェイクはメッセージ全体(MessageType RAW)だけに署名します。',
      });
    if (!(request.message instanceof Uint8Array)) {
      throw new SupportError(FAKE_KMS, {
        en: 'ValidationException: message must be bytes (a Uint8Array); encode text with new TextEncoder().encode(…).',
        ja: 'ValidationException: message はバイト列(Uint8Array)である必要があります。文字列は new TextEncoder().encode(…) でエンコードします。',
      });
    }
    if (request.message.length > MAX_MESSAGE_BYTES) {
      throw new SupportError(FAKE_KMS, {
        en: `ValidationException: the message has ${request.message.length} bytes; KMS signs at most ${MAX_MESSAGE_BYTES}.`,
        ja: `ValidationException: メッセージが ${request.message.length} バイトあります。KMS が署名できるのは ${MAX_MESSAGE_BYTES} バイトまでです。`,
      });
    }
    const raw = await crypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      this.#keys.privateKey,
      request.message as BufferSource,
    );
    this.#signatures += 1;
    return joseToDerSignature(new Uint8Array(raw));
  }

  /** KMS GetPublicKey: the public half, which anyone may hold to verify tokens. */
  getPublicKey(): CryptoKey {
    return this.#keys.publicKey;
  }

  /** The public key as a JWK, the way a verifier would publish it (for example in a JWKS). */
  async exportPublicJwk(): Promise<JsonWebKey> {
    const spki = await crypto.subtle.exportKey('spki', this.#keys.publicKey);
    const exportable = await crypto.subtle.importKey(
      'spki',
      spki,
      { name: 'ECDSA', namedCurve: 'P-256' },
      true,
      ['verify'],
    );
    return crypto.subtle.exportKey('jwk', exportable);
  }

  /**
   * What asking for the private key gets you. KMS has no such call; this one tries, and Web
   * Crypto refuses because the key was created non-extractable.
   */
  async exportPrivateKey(): Promise<ArrayBuffer> {
    try {
      return await crypto.subtle.exportKey('pkcs8', this.#keys.privateKey);
    } catch (error) {
      const reason = errorMessage(error);
      throw new Error(
        `The private key of KMS key ${this.keyId} cannot be exported: it never leaves KMS (${reason}).`,
      );
    }
  }
}
