// Exercise 4 — Survive the peak.
// About 3,700 notifications a minute, in bursts: enough concurrency to drain, not a flood.
import { checkSettings, type HostSettings } from '../support/functions-host.ts';

/**
 * The most messages the queue trigger runs at once: per instance, batchSize plus
 * newBatchThreshold, times the instances. Settings host.json would refuse are a RangeError
 * that names the setting (checkSettings throws one).
 */
export function maxConcurrency(settings: HostSettings): number {
  // TODO: checkSettings(settings) throws for settings host.json refuses; then apply the formula.
  throw new Error('TODO: maxConcurrency');
}

// TODO: these are the documented defaults on one instance. Run the checks, read the drain time
// and the poison count they report, and choose better values.
/** The settings for the peak minute: drains in time without flooding Notification Hubs. */
export const peakSettings: HostSettings = { batchSize: 16, newBatchThreshold: 8, instances: 1 };
