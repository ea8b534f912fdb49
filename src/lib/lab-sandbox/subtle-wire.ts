/**
 * How SubtleCrypto calls cross between a lab worker and the sandbox document. A worker started
 * from a blob: URL in an opaque origin is not a secure context, so it has no `crypto.subtle`;
 * the sandbox document is one, and does the work. Keys never cross: the document keeps each
 * CryptoKey and the worker holds a handle that names it.
 */
export const SUBTLE_METHODS = [
  'encrypt',
  'decrypt',
  'sign',
  'verify',
  'digest',
  'generateKey',
  'deriveKey',
  'deriveBits',
  'importKey',
  'exportKey',
  'wrapKey',
  'unwrapKey',
] as const;
export type SubtleMethod = (typeof SUBTLE_METHODS)[number];

/** A key as it crosses: its number in the document's table, and what the worker may read of it. */
export interface WireKey {
  keyRef: number;
  type: string;
  algorithm: unknown;
  extractable: boolean;
  usages: string[];
}

export interface SubtleCall {
  id: number;
  method: SubtleMethod;
  args: unknown[];
}

export type SubtleAnswer =
  { id: number; result: unknown } | { id: number; error: { name: string; message: string } };

export const isWireKey = (value: unknown): value is WireKey =>
  typeof value === 'object' && value !== null && Number.isSafeInteger((value as WireKey).keyRef);

export const isSubtleCall = (value: unknown): value is SubtleCall =>
  typeof value === 'object' &&
  value !== null &&
  Number.isSafeInteger((value as SubtleCall).id) &&
  SUBTLE_METHODS.includes((value as SubtleCall).method) &&
  Array.isArray((value as SubtleCall).args);

/**
 * Applies `convert` to `value` and to the properties of a plain object one level down: keys sit
 * in arguments (`key`) or in algorithm parameters (`{ name: 'ECDH', public: key }`), and come
 * back alone or as a pair (`{ publicKey, privateKey }`).
 */
export function mapKeys(value: unknown, convert: (value: unknown) => unknown): unknown {
  const converted = convert(value);
  if (
    converted !== value ||
    typeof value !== 'object' ||
    value === null ||
    Object.getPrototypeOf(value) !== Object.prototype
  ) {
    return converted;
  }
  return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, convert(inner)]));
}
