import type { PushNotification } from '../support/notification.ts';
import type { ApnsPayload, FcmV1Payload } from '../support/platform-payloads.ts';

/** The APNs payload exercise 2 asks for, as the checks compare it. */
export function expectedApnsPayload(notification: PushNotification): ApnsPayload {
  const aps: ApnsPayload['aps'] = { alert: { title: notification.title, body: notification.body } };
  if (notification.badge !== undefined) aps.badge = notification.badge;
  return { aps, notificationId: notification.id };
}

/** The FCM v1 payload exercise 2 asks for: `data` holds strings only. */
export function expectedFcmV1Payload(notification: PushNotification): FcmV1Payload {
  const data: Record<string, string> = { notificationId: notification.id };
  if (notification.badge !== undefined) data.badge = String(notification.badge);
  return {
    message: { notification: { title: notification.title, body: notification.body }, data },
  };
}
