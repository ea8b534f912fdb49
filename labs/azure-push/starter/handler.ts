// Exercise 3 — The queue-triggered function.
// Throw to fail (the queue brings the message back); never send the same thing twice.
import type { QueueHandler } from '../support/functions-host.ts';
import type { IdempotencyStore } from '../support/idempotency-store.ts';
import type { NativeNotification, NotificationHub } from '../support/notification-hub.ts';
import type { PushNotification } from '../support/notification.ts';
import { tagExpressionFor, toApnsPayload, toFcmV1Payload } from './formats.ts';

/**
 * The function the queue trigger runs for each message (a notification's JSON): it sends the
 * APNs and the FCM v1 payload to the user's devices through `hub`. A failed send throws, so the
 * message comes back for a retry; `sent` remembers what already went out, so a retry or a second
 * copy of the message sends only what is missing. A message that can never be sent throws an
 * error that says why (it ends in the poison queue with that reason).
 */
export function createQueueHandler(hub: NotificationHub, sent: IdempotencyStore): QueueHandler {
  // TODO: return (message) => { … }:
  //   1. JSON.parse(message.body); throw an Error that names the missing field if id or userId is missing.
  //   2. Build both payloads (exercise 2) before sending anything.
  //   3. For each platform ('apple', 'fcmv1'): skip it if `sent` already has a key for this
  //      notification and platform; otherwise hub.sendNotification({ platform, body }, { tagExpression })
  //      and then add the key. Let errors from the hub escape: that is how the message comes back.
  throw new Error('TODO: createQueueHandler');
}
