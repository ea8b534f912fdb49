// Exercise 2 — Format for each platform.
// One notification becomes an APNs payload and an FCM v1 payload, sent to the user's devices.
import { APNS_MAX_PAYLOAD_BYTES, FCM_MAX_PAYLOAD_BYTES } from '../support/limits.ts';
import { jsonBytes, type PushNotification } from '../support/notification.ts';
import type { ApnsPayload, FcmV1Payload } from '../support/platform-payloads.ts';
import { tagProblem } from '../support/tag-expression.ts';

/**
 * The tag expression for a user's devices: registrations tagged `user:<userId>`, except those
 * tagged `muted`. A userId that cannot be part of a tag is an error that names it.
 */
export function tagExpressionFor(userId: string): string {
  const tag = `user:${userId}`;
  const problem = tagProblem(tag);
  if (problem) throw new Error(`User ${JSON.stringify(userId)} cannot be targeted: ${problem}.`);
  return `${tag} && !muted`;
}

/** The APNs payload: title and body in `aps.alert`, the badge in `aps.badge`, the id beside `aps`. */
export function toApnsPayload(notification: PushNotification): ApnsPayload {
  const payload: ApnsPayload = {
    aps: { alert: { title: notification.title, body: notification.body } },
    notificationId: notification.id,
  };
  if (notification.badge !== undefined) payload.aps.badge = notification.badge;
  return withinLimit('APNs', payload, APNS_MAX_PAYLOAD_BYTES);
}

/** The FCM v1 payload: title and body in `message.notification`, the id and badge as strings in `message.data`. */
export function toFcmV1Payload(notification: PushNotification): FcmV1Payload {
  const data: Record<string, string> = { notificationId: notification.id };
  if (notification.badge !== undefined) data.badge = String(notification.badge);
  const payload: FcmV1Payload = {
    message: { notification: { title: notification.title, body: notification.body }, data },
  };
  return withinLimit('FCM', payload, FCM_MAX_PAYLOAD_BYTES);
}

function withinLimit<T>(platform: string, payload: T, limit: number): T {
  const bytes = jsonBytes(payload);
  if (bytes > limit)
    throw new Error(
      `${platform} payload is ${bytes} bytes; ${platform} accepts at most ${limit} bytes.`,
    );
  return payload;
}
