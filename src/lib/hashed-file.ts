import { createHash } from 'node:crypto';

/** A file the build serves under a name that carries a hash of its text (build time). */
export interface HashedFile {
  /** `<prefix>.<hash>`, without the extension. */
  name: string;
  body: string;
}

/**
 * `body` as a file named `<prefix>.<hash of its text>`: a rebuild that leaves it alone leaves its
 * URL alone, and a browser may keep it for good.
 */
export function hashedFile(prefix: string, body: string): HashedFile {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { name: `${prefix}.${hash}`, body };
}

/** `value` as a hashed JSON file (see `hashedFile`). */
export const hashedJson = (prefix: string, value: unknown): HashedFile =>
  hashedFile(prefix, JSON.stringify(value));
