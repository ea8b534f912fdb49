// Exercise 1 — Send from on-premises.
// Event Hubs keeps order only within a partition, and a partition key decides the partition.
import { eventBytes, type EventBatch, type EventHub } from '../support/event-hub.ts';
import type { PushNotification } from '../support/notification.ts';

/** The partition key of a notification: the same for all of one user's notifications. */
export function partitionKeyFor(notification: PushNotification): string {
  return notification.userId;
}

/**
 * Groups `notifications` into batches that Event Hubs accepts: one partition key per batch, at
 * most `maxBatchBytes` per batch (measured with `eventBytes`), each user's notifications in their
 * original order, and as few batches as that allows. A notification that cannot fit even alone
 * is an error that names it.
 */
export function toBatches(notifications: PushNotification[], maxBatchBytes: number): EventBatch[] {
  const byKey = new Map<string, PushNotification[]>();
  for (const notification of notifications) {
    const key = partitionKeyFor(notification);
    byKey.set(key, [...(byKey.get(key) ?? []), notification]);
  }
  const batches: EventBatch[] = [];
  for (const [partitionKey, events] of byKey) {
    let current: EventBatch | undefined;
    let currentBytes = 0;
    for (const event of events) {
      const bytes = eventBytes(event);
      if (bytes > maxBatchBytes) {
        throw new Error(
          `Notification ${event.id} is ${bytes} bytes, more than the ${maxBatchBytes} bytes a batch may hold.`,
        );
      }
      if (!current || currentBytes + bytes > maxBatchBytes) {
        current = { partitionKey, events: [] };
        currentBytes = 0;
        batches.push(current);
      }
      current.events.push(event);
      currentBytes += bytes;
    }
  }
  return batches;
}

/** Sends `notifications` to `hub` in batches that fit the hub's own limit. */
export function sendToHub(hub: EventHub, notifications: PushNotification[]): void {
  for (const batch of toBatches(notifications, hub.maxBatchBytes)) hub.send(batch);
}
