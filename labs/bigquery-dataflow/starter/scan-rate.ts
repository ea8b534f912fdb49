// Exercise 2 — How fast is "1 PB in 130 s"?
import { GB, PB } from '../support/units.ts';

/** Throughput in GB per second (decimal gigabytes) of scanning `bytes` in `seconds`. */
export function throughputGBps(bytes: number, seconds: number): number {
  // TODO
  throw new Error('TODO: throughputGBps');
}

/**
 * How many workers, each scanning `bytesPerSecondPerWorker`, it takes to scan `bytes` within
 * `seconds`. Workers come whole.
 */
export function workersNeeded(bytes: number, seconds: number, bytesPerSecondPerWorker: number): number {
  // TODO
  throw new Error('TODO: workersNeeded');
}
