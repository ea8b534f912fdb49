import { randomInt, seededRandom } from '../../kit/seeded-random.ts';
import { VirtualClock } from '../../kit/virtual-clock.ts';
import { EventHub } from './event-hub.ts';
import { QueueForwarder } from './forwarder.ts';
import {
  QueueTriggerHost,
  type HostSettings,
  type PoisonedMessage,
  type QueueHandler,
} from './functions-host.ts';
import { IdempotencyStore } from './idempotency-store.ts';
import { MODEL_TRANSIENT_FAILURE_RATE } from './limits.ts';
import { NotificationHub, type Delivery, type Registration } from './notification-hub.ts';
import type { PushNotification } from './notification.ts';
import { peakMinute } from './peak-minute.ts';
import { PlatformSender } from './platform-sender.ts';
import { StorageQueue } from './storage-queue.ts';

/** The seed of the peak minute the lab page's pipeline figure shows (the talk's year). */
export const PEAK_FIGURE_SEED = 2017;

/** The lab's target: every notification of the peak minute settled within 75 s of its start. */
export const PEAK_DEADLINE_MS = 75_000;

/** The forwarder of this partition restarts after this burst (0-based), replaying events. */
const MODEL_RESTART = { afterBurst: 3, partition: 1 } as const;

/** How long the model keeps running after the minute before it reports "not drained". */
const DRAIN_LIMIT_MS = 10 * 60 * 1_000;

/** The learner's pipeline code the peak minute runs. */
export interface PipelineCode {
  sendToHub(hub: EventHub, notifications: PushNotification[]): void;
  createQueueHandler(hub: NotificationHub, store: IdempotencyStore): QueueHandler;
}

/** How many messages passed each stage, as the pipeline diagram shows them. */
export interface StageCounts {
  onPremises: number;
  eventHubs: number;
  queueStorage: number;
  functionRuns: number;
  notificationHubs: number;
  apns: number;
  fcm: number;
  poison: number;
}

export interface PeakRun {
  settings: HostSettings;
  stages: StageCounts;
  /** Events the forwarder queued a second time after its restart (at-least-once delivery). */
  replayed: number;
  /** When the last message was deleted or poisoned, or undefined if the queue never emptied. */
  drainedAtMs: number | undefined;
  deadlineMs: number;
  /** Most function runs at once, and the average over the run. */
  maxConcurrency: number;
  averageConcurrency: number;
  throttledSends: number;
  notifications: PushNotification[];
  /** Ids of the notifications no platform accepts: they belong in the poison queue. */
  unsendable: ReadonlySet<string>;
  registrations: readonly Registration[];
  deliveries: Delivery[];
  poisoned: PoisonedMessage[];
}

/**
 * Runs the case study's busiest minute through the whole pipeline: the on-premises job system
 * sends each burst with `code.sendToHub`, a forwarder copies events into Queue Storage, the queue
 * trigger runs `code.createQueueHandler` with `settings`, and Notification Hubs delivers.
 */
export function runPeakMinute(code: PipelineCode, settings: HostSettings, seed: number): PeakRun {
  const minute = peakMinute(seed);
  const random = seededRandom(seed);
  const clock = new VirtualClock();
  const eventHub = new EventHub();
  const queue = new StorageQueue('notifications', clock);
  const forwarder = new QueueForwarder(eventHub, queue);
  const notificationHub = new NotificationHub({
    clock,
    seed: randomInt(random, 1, 2 ** 31),
    registrations: minute.registrations,
    senders: {
      apple: new PlatformSender('apple', {
        kind: 'seeded',
        seed: randomInt(random, 1, 2 ** 31),
        failureRate: MODEL_TRANSIENT_FAILURE_RATE,
      }),
      fcmv1: new PlatformSender('fcmv1', {
        kind: 'seeded',
        seed: randomInt(random, 1, 2 ** 31),
        failureRate: MODEL_TRANSIENT_FAILURE_RATE,
      }),
    },
  });
  const handler = code.createQueueHandler(notificationHub, new IdempotencyStore());
  if (typeof handler !== 'function') {
    throw new Error(
      `createQueueHandler must return the handler function, got ${JSON.stringify(handler)}.`,
    );
  }
  const host = new QueueTriggerHost({
    queue,
    handler,
    clock,
    settings,
    meter: notificationHub.meter,
  });

  let replayed = 0;
  minute.bursts.forEach((burst, index) => {
    host.runUntil(burst.atMs);
    code.sendToHub(eventHub, burst.notifications);
    forwarder.forward();
    if (index === MODEL_RESTART.afterBurst) replayed = forwarder.restart(MODEL_RESTART.partition);
  });
  const drainedAtMs = host.drain(DRAIN_LIMIT_MS);

  const deliveries = notificationHub.deliveries;
  const spanMs = Math.max(drainedAtMs ?? clock.now(), 1);
  return {
    settings: host.settings,
    stages: {
      onPremises: minute.notifications.length,
      eventHubs: eventHub.publications.reduce((sum, publication) => sum + publication.events, 0),
      queueStorage: forwarder.queued,
      functionRuns: host.stats.runs,
      notificationHubs: notificationHub.outcomes.sent,
      apns: deliveries.filter((delivery) => delivery.platform === 'apple').length,
      fcm: deliveries.filter((delivery) => delivery.platform === 'fcmv1').length,
      poison: host.poisonQueue.length,
    },
    replayed,
    drainedAtMs,
    deadlineMs: PEAK_DEADLINE_MS,
    maxConcurrency: host.stats.maxInFlight,
    averageConcurrency: host.stats.busyMs / spanMs,
    throttledSends: notificationHub.outcomes.throttled,
    notifications: minute.notifications,
    unsendable: minute.oversized,
    registrations: notificationHub.registrations,
    deliveries,
    poisoned: host.poisoned,
  };
}
