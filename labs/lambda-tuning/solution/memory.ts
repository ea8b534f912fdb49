// Exercise 3 — Find the best memory size (the power-tuning idea).
import { MEMORY_SIZES_MB, costOf, durationMs, type Workload } from '../support/power-model.ts';

export interface Measurement {
  memoryMb: number;
  durationMs: number;
  /** Model cost of one invocation at this size (use `costOf` from the support code). */
  cost: number;
}

/** Runs `workload` once at every size in `sizes` (smallest first) and records what it cost. */
export function sweep(workload: Workload, sizes: number[] = MEMORY_SIZES_MB): Measurement[] {
  return [...sizes]
    .sort((a, b) => a - b)
    .map((memoryMb) => {
      const duration = durationMs(workload, memoryMb);
      return { memoryMb, durationMs: duration, cost: costOf(memoryMb, duration) };
    });
}

export type Strategy = 'cheapest' | 'fastest' | 'balanced';

/**
 * The memory size to configure for a strategy:
 * - cheapest: the lowest cost;
 * - fastest: the shortest duration (memory past the point where speed stops improving only costs more);
 * - balanced: the lowest cost × duration.
 * On a tie, the smaller memory size wins.
 */
export function pickMemory(measurements: Measurement[], strategy: Strategy): number {
  const score = (measurement: Measurement) =>
    strategy === 'cheapest'
      ? measurement.cost
      : strategy === 'fastest'
        ? measurement.durationMs
        : measurement.cost * measurement.durationMs;
  const [best] = [...measurements].sort((a, b) => score(a) - score(b) || a.memoryMb - b.memoryMb);
  return best.memoryMb;
}
