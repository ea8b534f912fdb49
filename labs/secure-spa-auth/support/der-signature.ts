/**
 * ECDSA signatures come in two encodings. KMS Sign returns ECDSA_SHA_256 signatures as a DER
 * SEQUENCE of two INTEGERs, r and s (ANSI X9.62–2005, RFC 3279 §2.2.3; see the Signature field of
 * docs.aws.amazon.com/kms/latest/APIReference/API_Sign.html). A JWS ES256 signature is instead the
 * two numbers side by side, 32 bytes each (RFC 7518 §3.4), which is also what Web Crypto produces.
 */

import { SupportError } from '../../kit/support-error.ts';

const SEQUENCE = 0x30;
const INTEGER = 0x02;

/** DER (what KMS returns) → the 64-byte r‖s form an ES256 JWT carries. */
export function derToJoseSignature(der: Uint8Array, partLength = 32): Uint8Array {
  const fail = (why: string): never => {
    throw new SupportError(
      { en: 'The lab’s derToJoseSignature', ja: 'ラボの derToJoseSignature' },
      {
        en: `derToJoseSignature: not a DER ECDSA signature (${why}); pass the bytes kms.sign returned.`,
        ja: `derToJoseSignature: DER 形式の ECDSA 署名ではありません(${why})。kms.sign が返したバイト列をそのまま渡してください。`,
      },
    );
  };
  if (der[0] !== SEQUENCE) fail(`it starts with 0x${(der[0] ?? 0).toString(16)}, not 0x30`);
  if (der[1] !== der.length - 2)
    fail(`its length byte says ${der[1]}, but ${der.length - 2} bytes follow`);
  const raw = new Uint8Array(partLength * 2);
  let offset = 2;
  for (const part of [0, 1]) {
    if (der[offset] !== INTEGER) fail(`integer ${part + 1} is missing`);
    const length = der[offset + 1];
    let value = der.subarray(offset + 2, offset + 2 + length);
    while (value.length > partLength && value[0] === 0) value = value.subarray(1);
    if (value.length > partLength) fail(`integer ${part + 1} is longer than ${partLength} bytes`);
    raw.set(value, part * partLength + partLength - value.length);
    offset += 2 + length;
  }
  if (offset !== der.length) fail('bytes are left over after s');
  return raw;
}

/** r‖s → DER: how the fake KMS turns Web Crypto's signature into the form real KMS returns. */
export function joseToDerSignature(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  const integer = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
    const trimmed = bytes.subarray(start);
    // A DER INTEGER is signed: a leading byte with the high bit set needs a 0x00 in front.
    const body = trimmed[0] & 0x80 ? [0, ...trimmed] : [...trimmed];
    return [INTEGER, body.length, ...body];
  };
  const content = [...integer(raw.subarray(0, half)), ...integer(raw.subarray(half))];
  return new Uint8Array([SEQUENCE, content.length, ...content]);
}
