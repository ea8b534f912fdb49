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
  // TODO: build the expression with && and ! (tagProblem(tag) tells you if a tag is not allowed).
  throw new Error('TODO: tagExpressionFor');
}

/** The APNs payload: title and body in `aps.alert`, the badge in `aps.badge`, the id beside `aps`. */
export function toApnsPayload(notification: PushNotification): ApnsPayload {
  // TODO: build { aps: { alert: { title, body }, badge? }, notificationId }; leave badge out when there is none.
  // TODO: measure it with jsonBytes(payload); over APNS_MAX_PAYLOAD_BYTES, throw an Error that says
  //       "APNs", the payload's size in bytes and the limit.
  throw new Error('TODO: toApnsPayload');
}

/** The FCM v1 payload: title and body in `message.notification`, the id and badge as strings in `message.data`. */
export function toFcmV1Payload(notification: PushNotification): FcmV1Payload {
  // TODO: build { message: { notification: { title, body }, data: { notificationId, badge? } } }.
  // TODO: check the size against FCM_MAX_PAYLOAD_BYTES the same way (the error says "FCM").
  throw new Error('TODO: toFcmV1Payload');
}
