/**
 * The host globals learner code may use where it runs (a worker, or Node for the CLI), declared
 * for the type checker in place of `lib.dom.d.ts` (1.9 MB) or `lib.webworker.d.ts` (0.6 MB): only
 * what both hosts provide and the labs' code reaches. Signatures follow `lib.webworker.d.ts` of
 * TypeScript 5.9, narrowed where a lab never uses the rest.
 */
export const LEARNER_GLOBALS_PATH = '/lib.learner-globals.d.ts';

export const LEARNER_GLOBALS = `
interface Console {
  assert(condition?: boolean, ...data: any[]): void;
  debug(...data: any[]): void;
  error(...data: any[]): void;
  info(...data: any[]): void;
  log(...data: any[]): void;
  table(tabularData?: any, properties?: string[]): void;
  warn(...data: any[]): void;
}
declare var console: Console;

declare function setTimeout(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;
declare function clearTimeout(id: number | undefined): void;
declare function setInterval(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;
declare function clearInterval(id: number | undefined): void;
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T = any>(value: T, options?: { transfer?: any[] }): T;
declare function atob(data: string): string;
declare function btoa(data: string): string;

interface TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };

interface TextDecoder {
  readonly encoding: string;
  decode(input?: AllowSharedBufferSource, options?: { stream?: boolean }): string;
}
declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder;
};
type AllowSharedBufferSource = ArrayBufferLike | ArrayBufferView;

interface URLSearchParams {
  append(name: string, value: string): void;
  delete(name: string, value?: string): void;
  get(name: string): string | null;
  getAll(name: string): string[];
  has(name: string, value?: string): boolean;
  set(name: string, value: string): void;
  toString(): string;
  forEach(callbackfn: (value: string, key: string, parent: URLSearchParams) => void): void;
  entries(): IterableIterator<[string, string]>;
  keys(): IterableIterator<string>;
  values(): IterableIterator<string>;
  [Symbol.iterator](): IterableIterator<[string, string]>;
}
declare var URLSearchParams: {
  prototype: URLSearchParams;
  new (init?: string[][] | Record<string, string> | string | URLSearchParams): URLSearchParams;
};

interface URL {
  hash: string;
  host: string;
  hostname: string;
  href: string;
  readonly origin: string;
  password: string;
  pathname: string;
  port: string;
  protocol: string;
  search: string;
  readonly searchParams: URLSearchParams;
  username: string;
  toJSON(): string;
  toString(): string;
}
declare var URL: { prototype: URL; new (url: string | URL, base?: string | URL): URL; canParse(url: string | URL, base?: string | URL): boolean };

type KeyType = 'private' | 'public' | 'secret';
type KeyUsage = 'decrypt' | 'deriveBits' | 'deriveKey' | 'encrypt' | 'sign' | 'unwrapKey' | 'verify' | 'wrapKey';
interface KeyAlgorithm { name: string }
interface CryptoKey {
  readonly algorithm: KeyAlgorithm;
  readonly extractable: boolean;
  readonly type: KeyType;
  readonly usages: KeyUsage[];
}
interface CryptoKeyPair { privateKey: CryptoKey; publicKey: CryptoKey }
interface JsonWebKey {
  alg?: string; crv?: string; d?: string; dp?: string; dq?: string; e?: string; ext?: boolean; k?: string;
  key_ops?: string[]; kty?: string; n?: string; p?: string; q?: string; qi?: string; use?: string; x?: string; y?: string;
}
interface SubtleCrypto {
  digest(algorithm: string | KeyAlgorithm, data: BufferSource): Promise<ArrayBuffer>;
  exportKey(format: 'jwk', key: CryptoKey): Promise<JsonWebKey>;
  exportKey(format: 'pkcs8' | 'raw' | 'spki', key: CryptoKey): Promise<ArrayBuffer>;
  generateKey(algorithm: KeyAlgorithm | Record<string, unknown>, extractable: boolean, keyUsages: readonly KeyUsage[]): Promise<CryptoKeyPair | CryptoKey>;
  importKey(format: 'jwk', keyData: JsonWebKey, algorithm: KeyAlgorithm | Record<string, unknown>, extractable: boolean, keyUsages: readonly KeyUsage[]): Promise<CryptoKey>;
  importKey(format: 'pkcs8' | 'raw' | 'spki', keyData: BufferSource, algorithm: KeyAlgorithm | Record<string, unknown>, extractable: boolean, keyUsages: KeyUsage[]): Promise<CryptoKey>;
  sign(algorithm: KeyAlgorithm | Record<string, unknown>, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer>;
  verify(algorithm: KeyAlgorithm | Record<string, unknown>, key: CryptoKey, signature: BufferSource, data: BufferSource): Promise<boolean>;
}
type BufferSource = ArrayBufferView<ArrayBuffer> | ArrayBuffer;
interface Crypto {
  readonly subtle: SubtleCrypto;
  getRandomValues<T extends ArrayBufferView | null>(array: T): T;
  randomUUID(): \`\${string}-\${string}-\${string}-\${string}-\${string}\`;
}
declare var crypto: Crypto;

interface Performance { now(): number }
declare var performance: Performance;
`;
