// Exercise 5 (optional) — Keep it warm, the 2017 way.

/**
 * In 2017 the advice for intermittent traffic was to ping the function about every 5 minutes
 * while no real requests come, so an execution environment stays warm. Return the times (ms)
 * of the pings for an idle gap from `gapStartMs` to `gapEndMs`: one every `everyMs` after the
 * gap starts, none at or after its end.
 *
 * Today Provisioned Concurrency and SnapStart do this job (see the notes on this page).
 */
export function pingTimes(gapStartMs: number, gapEndMs: number, everyMs = 5 * 60_000): number[] {
  // TODO: one ping every `everyMs` inside the gap.
  throw new Error('TODO: pingTimes');
}
