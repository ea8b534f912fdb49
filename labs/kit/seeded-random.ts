/**
 * A small deterministic PRNG (mulberry32): the same seed gives the same sequence in Node, the
 * browser and StackBlitz, so simulated failures and sample data are reproducible.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number from `min` to `max` inclusive, drawn from `random`. */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** The largest seed a run takes: six digits stay easy to read out and type (`--seed 482913`). */
export const MAX_SEED = 999_999;

/** The seed of a lab's warm-up (`Lab.warmUp`): outside a run's range, so no check ever sees its cases. */
export const WARM_UP_SEED = MAX_SEED + 1;

/** A fresh seed for a run that was not given one, so each run draws cases the learner has not seen. */
export function newSeed(): number {
  return 1 + Math.floor(Math.random() * MAX_SEED);
}

/** Whether `value` can be a run's seed: a whole number from 0 to MAX_SEED. */
export function isSeed(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_SEED;
}

/** One check's random source: the run's seed mixed with the check's id (FNV-1a), so checks draw independently. */
export function checkRandom(seed: number, checkId: string): () => number {
  let hash = 0x811c9dc5 ^ seed;
  for (let index = 0; index < checkId.length; index++) {
    hash = Math.imul(hash ^ checkId.charCodeAt(index), 0x01000193);
  }
  return seededRandom(hash);
}

/** `length` hexadecimal digits drawn from `random`, for ids that look real (key ids, identity ids). */
export function randomHex(random: () => number, length: number): string {
  return Array.from({ length }, () => randomInt(random, 0, 15).toString(16)).join('');
}
