/**
 * The two payload formats a function builds for Notification Hubs' native sends. Only the fields
 * the lab uses are listed; both platforms accept many more.
 */

/**
 * APNs: Apple's keys go in the `aps` dictionary; the app's own keys sit beside it
 * (developer.apple.com/documentation/usernotifications/generating-a-remote-notification).
 */
export interface ApnsPayload {
  aps: {
    alert: { title: string; body: string };
    /** The number on the app icon. */
    badge?: number;
  };
  notificationId: string;
}

/**
 * FCM HTTP v1, as Notification Hubs' "FcmV1" format takes it: one `message` object; the hub adds
 * each device's token. `data` is a map of string keys to string values
 * (learn.microsoft.com/rest/api/notificationhubs/send-fcm-native-notification,
 * firebase.google.com/docs/reference/fcm/rest/v1/projects.messages).
 */
export interface FcmV1Payload {
  message: {
    notification: { title: string; body: string };
    data: Record<string, string>;
  };
}
