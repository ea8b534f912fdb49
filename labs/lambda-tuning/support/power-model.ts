import type { Text } from '../../kit/types.ts';

/**
 * How Lambda's memory setting buys CPU, and what a run costs, as a model for the power-tuning
 * exercise. The memory range and the CPU share are AWS's documented figures; the workloads and
 * prices are assumptions of this model.
 */

/** Memory can be set from 128 MB to 10,240 MB (docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html). */
export const MIN_MEMORY_MB = 128;
export const MAX_MEMORY_MB = 10_240;

/** At 1,769 MB a function has the equivalent of one vCPU, and at most 6 vCPUs (same page). */
export const MB_PER_VCPU = 1_769;
export const MAX_VCPUS = 6;

/** The sizes the exercise sweeps: from the minimum up, as the talk advised. */
export const MEMORY_SIZES_MB = [
  128, 256, 512, 1024, 1769, 2048, 3008, 4096, 5120, 7076, 8192, 10240,
];

/**
 * Model prices in abstract "price units", not AWS's price list (the reference gives none):
 * compute is billed per GB-second of configured memory and each request adds a fixed charge.
 */
export const MODEL_PRICE_PER_GB_SECOND = 1;
export const MODEL_PRICE_PER_REQUEST = 0.0002;

/**
 * vCPUs a function gets at `memoryMb`, in proportion to memory and capped at MAX_VCPUS. AWS
 * documents only the two points; the straight line between them is this model's assumption
 * (it reaches about 5.8 vCPUs at 10,240 MB, so the cap never binds inside the allowed range).
 */
export function vcpusFor(memoryMb: number): number {
  if (memoryMb < MIN_MEMORY_MB || memoryMb > MAX_MEMORY_MB) {
    throw new RangeError(`memory must be ${MIN_MEMORY_MB}–${MAX_MEMORY_MB} MB, got ${memoryMb}`);
  }
  return Math.min(memoryMb / MB_PER_VCPU, MAX_VCPUS);
}

/** A kind of work a function does (model assumption). */
export interface Workload {
  name: Text;
  /** CPU time at exactly one vCPU. */
  cpuMs: number;
  /** Time spent waiting on the network or disk, which more CPU does not shorten. */
  waitMs: number;
  /** How many threads the CPU work spreads over; more vCPUs than threads do not help. */
  threads: number;
  /** Below this much memory the function runs out of memory and fails. */
  minMemoryMb: number;
}

export const WORKLOADS: Record<'cpuBound' | 'ioBound' | 'multiThreaded', Workload> = {
  cpuBound: {
    name: { en: 'CPU-bound (image resize)', ja: 'CPU 中心(画像のリサイズ)' },
    cpuMs: 1_800,
    waitMs: 20,
    threads: 1,
    minMemoryMb: 512,
  },
  ioBound: {
    name: { en: 'I/O-bound (calls another API)', ja: 'I/O 中心(別の API を呼ぶ)' },
    cpuMs: 60,
    waitMs: 900,
    threads: 1,
    minMemoryMb: 128,
  },
  multiThreaded: {
    name: { en: 'Multi-threaded (parallel compression)', ja: 'マルチスレッド(並列圧縮)' },
    cpuMs: 6_000,
    waitMs: 40,
    threads: 4,
    minMemoryMb: 1_024,
  },
};

/**
 * Duration of one invocation of `workload` at `memoryMb`, rounded up to whole milliseconds;
 * `Infinity` where the function does not fit in that memory (the invocation fails).
 */
export function durationMs(workload: Workload, memoryMb: number): number {
  if (memoryMb < workload.minMemoryMb) return Infinity;
  const usableCpus = Math.min(vcpusFor(memoryMb), workload.threads);
  return Math.ceil(workload.waitMs + workload.cpuMs / usableCpus);
}

/** Model cost of one invocation: memory × duration, plus the per-request charge. */
export function costOf(memoryMb: number, duration: number): number {
  return (
    (memoryMb / 1024) * (duration / 1000) * MODEL_PRICE_PER_GB_SECOND + MODEL_PRICE_PER_REQUEST
  );
}
