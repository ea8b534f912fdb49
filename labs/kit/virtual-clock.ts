/**
 * Simulated time for lab models: checks must not depend on wall time, so every simulator reads
 * and advances this clock instead of `Date.now()` or timers.
 */
export class VirtualClock {
  #now: number;

  constructor(startMs = 0) {
    this.#now = startMs;
  }

  /** Milliseconds since the simulation's epoch. */
  now(): number {
    return this.#now;
  }

  /** Moves time forward; time never runs backwards. */
  advance(ms: number): void {
    if (!(ms >= 0))
      throw new RangeError(`VirtualClock.advance needs a non-negative number of ms, got ${ms}`);
    this.#now += ms;
  }

  /** Jumps to `ms` if it is later than now (for event-driven simulations). */
  advanceTo(ms: number): void {
    if (ms > this.#now) this.#now = ms;
  }
}
