/**
 * Keys of work already done, kept outside the function (in Azure this would be a table or a
 * cache that every instance shares): a retry or a second copy of a message can look up whether
 * its work was done before. The model runs one handler body at a time, so "look up, then do, then
 * add" is safe here; code running truly in parallel needs an atomic insert-if-absent instead.
 */
export class IdempotencyStore {
  readonly #keys = new Set<string>();

  has(key: string): boolean {
    return this.#keys.has(key);
  }

  add(key: string): void {
    this.#keys.add(key);
  }

  get size(): number {
    return this.#keys.size;
  }
}
