// Exercise 1 — Send from on-premises.
// Event Hubs keeps order only within a partition, and a partition key decides the partition.
import { eventBytes, type EventBatch, type EventHub } from '../support/event-hub.ts';
import type { PushNotification } from '../support/notification.ts';

/** The partition key of a notification: the same for all of one user's notifications. */
export function partitionKeyFor(notification: PushNotification): string {
  // TODO: return a key that sends every notification of one user to the same partition.
  throw new Error('TODO: partitionKeyFor');
}

/**
 * Groups `notifications` into batches that Event Hubs accepts: one partition key per batch, at
 * most `maxBatchBytes` per batch (measured with `eventBytes`), each user's notifications in their
 * original order, and as few batches as that allows. A notification that cannot fit even alone
 * is an error that names it.
 */
export function toBatches(notifications: PushNotification[], maxBatchBytes: number): EventBatch[] {
  // TODO: group the notifications by partitionKeyFor(…), keeping their order within each group.
  // TODO: fill a batch { partitionKey, events } until the next event would pass maxBatchBytes
  //       (add up eventBytes(event)), then start a new one.
  // TODO: throw an Error with the notification's id if one is larger than maxBatchBytes alone.
  throw new Error('TODO: toBatches');
}

/** Sends `notifications` to `hub` in batches that fit the hub's own limit. */
export function sendToHub(hub: EventHub, notifications: PushNotification[]): void {
  // TODO: send each batch of toBatches(…) with hub.send(batch); the hub's limit is hub.maxBatchBytes.
  throw new Error('TODO: sendToHub');
}
