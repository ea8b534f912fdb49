// Exercise 2 — How fast is "1 PB in 130 s"?
// The talk's figure is in support/talk-figures.ts: a demo number, not a published benchmark.
import { MODEL_WORKER_BYTES_PER_SECOND, TALK_SCAN } from '../support/talk-figures.ts';

/** Decimal units are powers of 1000 (what storage vendors and "1 PB" usually mean); binary ones, of 1024. */
export type Unit = 'MB' | 'GB' | 'TB' | 'PB' | 'MiB' | 'GiB' | 'TiB' | 'PiB';

/** How many bytes `amount` `unit` is. Any other unit (say 'Pb', a petabit) throws a RangeError. */
export function toBytes(amount: number, unit: Unit): number {
  // TODO: 1 PB = 1000⁵ bytes, 1 PiB = 1024⁵ bytes.
  throw new Error('TODO: toBytes');
}

/** The rate of scanning `bytes` in `seconds`, in bytes per second. */
export function bytesPerSecond(bytes: number, seconds: number): number {
  // TODO
  throw new Error('TODO: bytesPerSecond');
}

/** The same rate in decimal gigabytes per second (GB/s, 10⁹ bytes per second). */
export function gigabytesPerSecond(bytes: number, seconds: number): number {
  // TODO
  throw new Error('TODO: gigabytesPerSecond');
}

/**
 * How many workers, each scanning `workerBytesPerSecond`, it takes to scan `bytes` within
 * `seconds`. A worker is a machine: there is no such thing as part of one.
 */
export function workersNeeded(
  bytes: number,
  seconds: number,
  workerBytesPerSecond: number,
): number {
  // TODO: try workersNeeded(toBytes(TALK_SCAN.amount, TALK_SCAN.unit), TALK_SCAN.seconds, MODEL_WORKER_BYTES_PER_SECOND).
  throw new Error('TODO: workersNeeded');
}
