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
  return utf8Bytes(JSON.stringify(value));
}

/**
 * UTF-8 length of `text`, counted without encoding it: the peak minute measures thousands of
 * payloads, and allocating a byte array for each one was a large share of its run time.
 */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
