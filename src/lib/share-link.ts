import type { LabCatalog } from './progress-file.ts';
import { MAX_TEXT_CHARS } from './stored-progress.ts';

/**
 * "Share this attempt": a lab's learner files packed into a URL fragment, so a learner can ask
 * for help with a link. The fragment never reaches a server; the files are compressed with the
 * browser's own deflate (no library) and written in base64url.
 */

/** One lab's learner files, as shared. */
export interface SharedAttempt {
  lab: string;
  files: Record<string, string>;
}

const VERSION_PREFIX = 'v1.';

/**
 * Longest fragment a link may carry. Chat tools and mail clients cut or refuse longer links; the
 * largest lab's solution, compressed, is a few kilobytes, far below this.
 */
export const MAX_SHARE_CHARS = 12_000;

/** Most bytes a fragment may inflate to: every file of a lab at its largest allowed size is far less. */
const MAX_INFLATED_BYTES = 1_000_000;

/** Why a link cannot be made or read; `code` picks the message in the reader's language. */
export class ShareLinkError extends Error {
  readonly code: 'too-large' | 'damaged' | 'unknown-lab';
  /** The link's length, for `too-large`. */
  readonly size: number;

  constructor(code: ShareLinkError['code'], message: string, size = 0) {
    super(message);
    this.name = 'ShareLinkError';
    this.code = code;
    this.size = size;
  }
}

async function transform(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit = Infinity,
): Promise<Uint8Array> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(stream)
    .getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel();
      throw new ShareLinkError('damaged', `The link inflates to more than ${limit} bytes.`);
    }
    chunks.push(value);
  }
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

const toBase64Url = (bytes: Uint8Array) =>
  btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const fromBase64Url = (text: string) =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));

/** The fragment (without `#`) that carries `attempt`; throws `too-large` past MAX_SHARE_CHARS. */
export async function encodeAttempt(attempt: SharedAttempt): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify({ lab: attempt.lab, files: attempt.files }));
  const fragment =
    VERSION_PREFIX + toBase64Url(await transform(json, new CompressionStream('deflate-raw')));
  if (fragment.length > MAX_SHARE_CHARS) {
    throw new ShareLinkError(
      'too-large',
      `These files make a link of ${fragment.length} characters, more than the ${MAX_SHARE_CHARS} a link can safely carry.`,
      fragment.length,
    );
  }
  return fragment;
}

/** The attempt a fragment carries, checked against this build's labs before anything uses it. */
export async function decodeAttempt(fragment: string, catalog: LabCatalog): Promise<SharedAttempt> {
  const damaged = () =>
    new ShareLinkError(
      'damaged',
      'This link is cut short or damaged: it holds no files this guide can read.',
    );
  const body = fragment.replace(/^#/, '');
  if (
    !body.startsWith(VERSION_PREFIX) ||
    body.length > MAX_SHARE_CHARS ||
    !/^[\w-]*$/.test(body.slice(VERSION_PREFIX.length))
  )
    throw damaged();
  let data: unknown;
  try {
    const inflated = await transform(
      fromBase64Url(body.slice(VERSION_PREFIX.length)),
      new DecompressionStream('deflate-raw'),
      MAX_INFLATED_BYTES,
    );
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    throw damaged();
  }
  if (typeof data !== 'object' || data === null) throw damaged();
  const { lab, files } = data as { lab?: unknown; files?: unknown };
  if (
    typeof lab !== 'string' ||
    typeof files !== 'object' ||
    files === null ||
    Array.isArray(files)
  )
    throw damaged();
  if (!Object.hasOwn(catalog, lab))
    throw new ShareLinkError(
      'unknown-lab',
      `This link is for a lab this guide does not have ("${lab}").`,
    );
  const entries = Object.entries(files as Record<string, unknown>);
  const valid = entries.every(
    ([name, text]) =>
      catalog[lab].includes(name) && typeof text === 'string' && text.length <= MAX_TEXT_CHARS,
  );
  if (!valid || !entries.length) throw damaged();
  return { lab, files: Object.fromEntries(entries) as Record<string, string> };
}
