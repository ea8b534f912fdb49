import { createHash } from 'node:crypto';

/** A JSON file the build serves under a name that carries a hash of its text (build time). */
export interface HashedJson {
  /** `<prefix>.<hash>`, without `.json`. */
  name: string;
  body: string;
}

/**
 * `value` as a JSON file named `<prefix>.<hash of its text>`: a rebuild that leaves it alone
 * leaves its URL alone, and a browser may keep it for good.
 */
export function hashedJson(prefix: string, value: unknown): HashedJson {
  const body = JSON.stringify(value);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { name: `${prefix}.${hash}`, body };
}
