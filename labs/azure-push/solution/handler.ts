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
  return (message) => {
    const notification = parseNotification(message.body);
    const tagExpression = tagExpressionFor(notification.userId);
    const natives: NativeNotification[] = [
      { platform: 'apple', body: toApnsPayload(notification) },
      { platform: 'fcmv1', body: toFcmV1Payload(notification) },
    ];
    for (const native of natives) {
      const key = `${notification.id}/${native.platform}`;
      if (sent.has(key)) continue;
      hub.sendNotification(native, { tagExpression });
      sent.add(key);
    }
  };
}

function parseNotification(body: string): PushNotification {
  const notification = JSON.parse(body) as Partial<PushNotification>;
  if (typeof notification.id !== 'string' || notification.id === '')
    throw new Error('The message has no notification id.');
  if (typeof notification.userId !== 'string' || notification.userId === '') {
    throw new Error(
      `Notification ${notification.id} has no userId, so it has no devices to go to.`,
    );
  }
  return notification as PushNotification;
}
