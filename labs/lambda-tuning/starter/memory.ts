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
  // TODO: one measurement per size, using durationMs and costOf from the support code.
  throw new Error('TODO: sweep');
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
  // TODO: score each measurement for the strategy and keep the best.
  throw new Error('TODO: pickMemory');
}
