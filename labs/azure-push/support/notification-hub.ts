import type { VirtualClock } from '../../kit/virtual-clock.ts';
import { randomInt, seededRandom } from '../../kit/seeded-random.ts';
import { InvocationMeter } from './invocation-meter.ts';
import {
  APNS_MAX_PAYLOAD_BYTES,
  FCM_MAX_PAYLOAD_BYTES,
  MODEL_HUB_SEND_MS,
  MODEL_HUB_SENDS_PER_SECOND,
  MODEL_HUB_THROTTLED_MS,
} from './limits.ts';
import { utf8Bytes } from './notification.ts';
import { PLATFORM_NAMES, PlatformSender, type Platform } from './platform-sender.ts';
import { matches, parseTagExpression, type TagExpression } from './tag-expression.ts';

/** A device's registration: its platform and the tags it asked for (`user:u-0042`, `muted`…). */
export interface Registration {
  id: string;
  platform: Platform;
  tags: string[];
}

/** A native notification: the payload exactly as the platform expects it. */
export interface NativeNotification {
  platform: Platform;
  body: unknown;
}

/** A notification the hub handed to a platform for one device. */
export class Delivery {
  readonly registrationId: string;
  readonly platform: Platform;
  /** Read from the payload: `notificationId` beside `aps` (APNs) or in `message.data` (FCM v1). */
  readonly notificationId: string | undefined;
  readonly at: number;
  readonly #json: string;

  constructor(fields: Omit<Delivery, 'body'>, json: string) {
    this.registrationId = fields.registrationId;
    this.platform = fields.platform;
    this.notificationId = fields.notificationId;
    this.at = fields.at;
    this.#json = json;
  }

  /**
   * The payload, read back from the JSON that was sent: later changes to the learner's object
   * do not rewrite it, and the peak minute's thousands of deliveries are parsed only if read.
   */
  get body(): unknown {
    return JSON.parse(this.#json);
  }
}

/** What became of send calls, counted: the peak minute makes thousands. */
export interface SendOutcomes {
  sent: number;
  throttled: number;
  /** The platform failed transiently (a 5xx). */
  failed: number;
  /** Refused for good: a bad tag expression or payload. */
  rejected: number;
}

/** A failure that may pass: a retry later can succeed. */
export class TransientPushError extends Error {
  readonly retryable = true;

  constructor(message: string) {
    super(message);
    this.name = 'TransientPushError';
  }
}

const NO_TAGS: ReadonlySet<string> = new Set();

const PAYLOAD_LIMITS: Record<Platform, number> = {
  apple: APNS_MAX_PAYLOAD_BYTES,
  fcmv1: FCM_MAX_PAYLOAD_BYTES,
};

/**
 * Azure Notification Hubs, as a function calls it: a native send to a tag expression reaches
 * every registration of that platform whose tags match. It checks what the platforms would
 * refuse (payload shape and size) and fails transiently when a platform does or when it is
 * flooded. Each send adds its latency to `meter`, the running function's time.
 */
export class NotificationHub {
  readonly meter: InvocationMeter;
  readonly deliveries: Delivery[] = [];
  readonly outcomes: SendOutcomes = { sent: 0, throttled: 0, failed: 0, rejected: 0 };
  readonly #clock: VirtualClock;
  readonly #senders: Record<Platform, PlatformSender>;
  readonly #registrations: Registration[];
  readonly #tagSets = new Map<Registration, ReadonlySet<string>>();
  readonly #byTag = new Map<string, Registration[]>();
  readonly #parsed = new Map<string, TagExpression>();
  /**
   * Registrations never change during a run, so the devices a platform and tag expression reach
   * are worked out once: the peak minute sends to each user several times.
   */
  readonly #targets: Record<Platform, Map<string, readonly Registration[]>> = {
    apple: new Map(),
    fcmv1: new Map(),
  };
  readonly #sendsPerSecond: number;
  readonly #perSecond = new Map<number, number>();
  readonly #random: () => number;

  constructor(options: {
    clock: VirtualClock;
    registrations: Registration[];
    senders?: Partial<Record<Platform, PlatformSender>>;
    /** Seed of the send latencies. */
    seed?: number;
    sendsPerSecond?: number;
    meter?: InvocationMeter;
  }) {
    this.#clock = options.clock;
    this.meter = options.meter ?? new InvocationMeter();
    this.#senders = {
      apple: options.senders?.apple ?? new PlatformSender('apple'),
      fcmv1: options.senders?.fcmv1 ?? new PlatformSender('fcmv1'),
    };
    this.#registrations = options.registrations.map((registration) => ({
      ...registration,
      tags: [...registration.tags],
    }));
    for (const registration of this.#registrations) {
      this.#tagSets.set(registration, new Set(registration.tags));
      for (const tag of registration.tags) {
        const tagged = this.#byTag.get(tag);
        if (tagged) tagged.push(registration);
        else this.#byTag.set(tag, [registration]);
      }
    }
    this.#sendsPerSecond = options.sendsPerSecond ?? MODEL_HUB_SENDS_PER_SECOND;
    this.#random = seededRandom(options.seed ?? 1);
  }

  get registrations(): readonly Registration[] {
    return this.#registrations;
  }

  /**
   * Sends `notification` to every registration of its platform that matches `tagExpression`.
   * Throws an Error for a notification the platform would refuse (retrying will not help) and a
   * TransientPushError when the hub is throttling or the platform fails this time.
   */
  sendNotification(
    notification: NativeNotification,
    options: { tagExpression: string },
  ): { platform: Platform; targets: number } {
    const at = this.#clock.now() + this.meter.elapsedMs;
    const platform = notification?.platform;
    const tagExpression = options?.tagExpression;
    const record = (outcome: keyof SendOutcomes) => (this.outcomes[outcome] += 1);
    if (platform !== 'apple' && platform !== 'fcmv1') {
      throw new Error(
        `Notification Hubs: platform must be "apple" or "fcmv1", got ${JSON.stringify(platform)}.`,
      );
    }
    const name = PLATFORM_NAMES[platform];

    const second = Math.floor(at / 1_000);
    const used = (this.#perSecond.get(second) ?? 0) + 1;
    this.#perSecond.set(second, used);
    if (used > this.#sendsPerSecond) {
      this.meter.spend(MODEL_HUB_THROTTLED_MS);
      record('throttled');
      throw new TransientPushError(
        `Notification Hubs is throttling (429): more than ${this.#sendsPerSecond} sends in this second.`,
      );
    }
    this.meter.spend(randomInt(this.#random, MODEL_HUB_SEND_MS.min, MODEL_HUB_SEND_MS.max));

    let expression: TagExpression;
    let json: string;
    try {
      expression = this.#parse(tagExpression);
      json = checkPayload(platform, notification.body);
    } catch (error) {
      record('rejected');
      throw error;
    }
    if (!this.#senders[platform].attempt()) {
      record('failed');
      throw new TransientPushError(
        `${name} answered 503 Service Unavailable for this send; a later retry may succeed.`,
      );
    }
    record('sent');
    const targets = this.#targetsOf(platform, tagExpression, expression);
    const notificationId = notificationIdOf(platform, notification.body);
    for (const registration of targets) {
      this.deliveries.push(
        new Delivery({ registrationId: registration.id, platform, notificationId, at }, json),
      );
    }
    return { platform, targets: targets.length };
  }

  #parse(tagExpression: unknown): TagExpression {
    if (typeof tagExpression !== 'string') {
      throw new Error(
        `Notification Hubs: tagExpression must be a string, got ${JSON.stringify(tagExpression)}.`,
      );
    }
    let parsed = this.#parsed.get(tagExpression);
    if (!parsed) {
      parsed = parseTagExpression(tagExpression);
      this.#parsed.set(tagExpression, parsed);
    }
    return parsed;
  }

  #targetsOf(platform: Platform, text: string, expression: TagExpression): readonly Registration[] {
    const known = this.#targets[platform];
    let targets = known.get(text);
    if (!targets) {
      targets = this.#candidates(expression).filter(
        (registration) =>
          registration.platform === platform &&
          matches(expression, this.#tagSets.get(registration)!),
      );
      known.set(text, targets);
    }
    return targets;
  }

  /**
   * Registrations that can match: all of them if a registration without tags would; else those
   * with the tag, the fewer of an AND's two sides, or both sides of an OR.
   */
  #candidates(expression: TagExpression): readonly Registration[] {
    if (matches(expression, NO_TAGS)) return this.#registrations;
    switch (expression.kind) {
      case 'tag':
        return this.#byTag.get(expression.tag) ?? [];
      case 'and': {
        const sides = [expression.left, expression.right]
          .filter((side) => !matches(side, NO_TAGS))
          .map((side) => this.#candidates(side));
        return sides.reduce((fewest, side) => (side.length < fewest.length ? side : fewest));
      }
      case 'or':
        return [
          ...new Set([...this.#candidates(expression.left), ...this.#candidates(expression.right)]),
        ];
      case 'not':
        return this.#registrations;
    }
  }
}

/** What APNs or FCM would refuse, found before the send: shape and size. Returns the payload's JSON. */
function checkPayload(platform: Platform, body: unknown): string {
  const name = PLATFORM_NAMES[platform];
  if (!isObject(body))
    throw new Error(`${name} payload must be a JSON object, got ${JSON.stringify(body)}.`);
  if (platform === 'apple' && !isObject(body.aps)) {
    throw new Error('APNs payload needs an "aps" dictionary for the alert, badge and sound.');
  }
  if (platform === 'fcmv1') {
    const message = body.message;
    if (!isObject(message)) throw new Error('FCM v1 payload needs a "message" object.');
    if (message.data !== undefined) {
      if (!isObject(message.data))
        throw new Error('FCM v1 message.data must be an object of string values.');
      for (const [key, value] of Object.entries(message.data)) {
        if (typeof value !== 'string')
          throw new Error(
            `FCM v1 message.data values must be strings; "${key}" is ${JSON.stringify(value)}.`,
          );
      }
    }
  }
  const json = JSON.stringify(body);
  const bytes = utf8Bytes(json);
  if (bytes > PAYLOAD_LIMITS[platform]) {
    throw new Error(
      `${name} refused the payload: ${bytes} bytes, over its limit of ${PAYLOAD_LIMITS[platform]} bytes.`,
    );
  }
  return json;
}

function notificationIdOf(platform: Platform, body: unknown): string | undefined {
  if (!isObject(body)) return undefined;
  let id: unknown = body.notificationId;
  if (platform === 'fcmv1')
    id =
      isObject(body.message) && isObject(body.message.data)
        ? body.message.data.notificationId
        : undefined;
  return typeof id === 'string' ? id : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
