/** One push notification as the on-premises job system produces it. */
export interface PushNotification {
  /** Unique per notification, set on premises; the same id on every copy of the notification. */
  id: string;
  /** Whose devices get it. Devices register with the tag `user:<userId>`. */
  userId: string;
  /** Position among this user's notifications: 1, 2, 3… Must reach the devices in this order. */
  seq: number;
  title: string;
  body: string;
  /** The app icon's badge count, when the notification sets one. */
  badge?: number;
}

/** Size of a value as it goes over the wire: the UTF-8 bytes of its JSON (ｱ is 3 bytes, A is 1). */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}
