import {
  MEMORY_SIZES_MB,
  WORKLOADS,
  costOf,
  durationMs,
} from '../../labs/lambda-tuning/support/power-model.ts';

export interface PowerTuningRow {
  memoryMb: number;
  /** `null` where the workload does not fit in that memory. */
  durationMs: number | null;
  cost: number | null;
}

/** Duration and cost at every swept memory size, per workload, from the lab's own model. */
export function powerTuningData() {
  return Object.entries(WORKLOADS).map(([key, workload]) => ({
    key,
    name: workload.name,
    rows: MEMORY_SIZES_MB.map((memoryMb): PowerTuningRow => {
      const duration = durationMs(workload, memoryMb);
      return Number.isFinite(duration)
        ? { memoryMb, durationMs: duration, cost: costOf(memoryMb, duration) }
        : { memoryMb, durationMs: null, cost: null };
    }),
  }));
}
