// Exercise 2 — How fast is "1 PB in 130 s"?
// The talk's figure is in support/talk-figures.ts: a demo number, not a published benchmark.
// With it, workersNeeded(toBytes(1, 'PB'), 130, MODEL_WORKER_BYTES_PER_SECOND) is 76,924.

/** Decimal units are powers of 1000 (what storage vendors and "1 PB" usually mean); binary ones, of 1024. */
export type Unit = 'MB' | 'GB' | 'TB' | 'PB' | 'MiB' | 'GiB' | 'TiB' | 'PiB';

const BYTES_PER_UNIT: Record<Unit, number> = {
  MB: 1000 ** 2,
  GB: 1000 ** 3,
  TB: 1000 ** 4,
  PB: 1000 ** 5,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
  TiB: 1024 ** 4,
  PiB: 1024 ** 5,
};

/** How many bytes `amount` `unit` is. Any other unit (say 'Pb', a petabit) throws a RangeError. */
export function toBytes(amount: number, unit: Unit): number {
  if (!Object.hasOwn(BYTES_PER_UNIT, unit))
    throw new RangeError(
      `Unknown unit "${unit}": use one of ${Object.keys(BYTES_PER_UNIT).join(', ')}.`,
    );
  return amount * BYTES_PER_UNIT[unit];
}

/** The rate of scanning `bytes` in `seconds`, in bytes per second. */
export function bytesPerSecond(bytes: number, seconds: number): number {
  return bytes / seconds;
}

/** The same rate in decimal gigabytes per second (GB/s, 10⁹ bytes per second). */
export function gigabytesPerSecond(bytes: number, seconds: number): number {
  return bytesPerSecond(bytes, seconds) / toBytes(1, 'GB');
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
  return Math.ceil(bytesPerSecond(bytes, seconds) / workerBytesPerSecond);
}
