// Exercise 5 (optional) — Keep it warm, the 2017 way, and what replaced it.
import {
  simulateTraffic,
  type CreateFunction,
  type TrafficReport,
} from '../support/execution-environments.ts';

/**
 * In 2017 the advice for intermittent traffic was to ping the function about every 5 minutes
 * while no real requests come, so an execution environment stays warm. Return the times (ms)
 * of the pings for an idle gap from `gapStartMs` to `gapEndMs`: one every `everyMs` after the
 * gap starts, none at or after its end.
 */
export function pingTimes(gapStartMs: number, gapEndMs: number, everyMs = 5 * 60_000): number[] {
  // TODO: one ping every `everyMs` inside the gap.
  throw new Error('TODO: pingTimes');
}

export interface WarmUpComparison {
  /** Pings sent during the gap. */
  pings: number;
  /** Cold starts among the `burst` requests at the end of the gap, with the pings. */
  coldStartsWithPings: number;
  /** Cold starts among the same requests with Provisioned Concurrency of `burst` and no pings. */
  coldStartsWithProvisioned: number;
}

/**
 * One request arrives at time 0, then nothing for `gapMs`, then `burst` requests arrive at once
 * at `gapMs`. Run that traffic through `simulateTraffic` twice, once with your pings during the
 * gap and once with `{ provisionedConcurrency: burst }` and no pings, and count the cold starts
 * among the `burst` requests at the end.
 */
export function compareWarmUp(
  createFunction: CreateFunction,
  gapMs: number,
  burst: number,
): WarmUpComparison {
  // TODO: build both arrival lists, simulate each, and count `coldStart` in the last `burst` invocations.
  throw new Error('TODO: compareWarmUp');
}
