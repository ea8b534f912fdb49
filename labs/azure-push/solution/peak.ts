// Exercise 4 — Survive the peak.
// About 3,700 notifications a minute, in bursts: enough concurrency to drain, not a flood.
import { checkSettings, type HostSettings } from '../support/functions-host.ts';

/**
 * The most messages the queue trigger runs at once: per instance, batchSize plus
 * newBatchThreshold, times the instances. Settings host.json would refuse are a RangeError
 * that names the setting (checkSettings throws one).
 */
export function maxConcurrency(settings: HostSettings): number {
  const { batchSize, newBatchThreshold, instances } = checkSettings(settings);
  return instances * (batchSize + newBatchThreshold);
}

/** The settings for the peak minute: drains in time without flooding Notification Hubs. */
export const peakSettings: HostSettings = { batchSize: 32, newBatchThreshold: 16, instances: 1 };
