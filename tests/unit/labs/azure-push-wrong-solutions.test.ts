import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lab } from '../../../labs/azure-push/lab.ts';
import * as formats from '../../../labs/azure-push/solution/formats.ts';
import {
  eventBytes,
  type EventBatch,
  type EventHub,
} from '../../../labs/azure-push/support/event-hub.ts';
import type { QueueHandler } from '../../../labs/azure-push/support/functions-host.ts';
import type { IdempotencyStore } from '../../../labs/azure-push/support/idempotency-store.ts';
import type { NotificationHub } from '../../../labs/azure-push/support/notification-hub.ts';
import { jsonBytes, type PushNotification } from '../../../labs/azure-push/support/notification.ts';
import {
  describeUnderManySeeds,
  failingChecks,
  loadLearnerFolder,
  withExportMistake,
} from '../../helpers/lab-checks.ts';

const solution = await loadLearnerFolder('azure-push', 'solution');
const SEEDS = [1, 2_017, 482_913];

/** The reference toBatches with one change: `fits(currentBytes, bytes, limit)` decides whether an event joins the batch. */
function toBatchesWith(
  fits: (currentBytes: number, bytes: number, limit: number) => boolean,
  options: { keyFor?: (n: PushNotification) => string; refuseTooBig?: boolean } = {},
) {
  const keyFor = options.keyFor ?? ((notification: PushNotification) => notification.userId);
  return (notifications: PushNotification[], maxBatchBytes: number): EventBatch[] => {
    const byKey = new Map<string, PushNotification[]>();
    for (const notification of notifications) {
      const key = keyFor(notification);
      byKey.set(key, [...(byKey.get(key) ?? []), notification]);
    }
    const batches: EventBatch[] = [];
    for (const [partitionKey, events] of byKey) {
      let current: EventBatch | undefined;
      let currentBytes = 0;
      for (const event of events) {
        const bytes = eventBytes(event);
        if (options.refuseTooBig !== false && bytes > maxBatchBytes)
          throw new Error(`Notification ${event.id} is too large.`);
        if (!current || !fits(currentBytes, bytes, maxBatchBytes)) {
          current = { partitionKey, events: [] };
          currentBytes = 0;
          batches.push(current);
        }
        current.events.push(event);
        currentBytes += bytes;
      }
    }
    return batches;
  };
}
const fitsInclusive = (current: number, bytes: number, limit: number) => current + bytes <= limit;

/** The reference handler with one change in how it sends: `send(natives, …)` replaces its loop. */
function handlerWith(
  body: (
    hub: NotificationHub,
    sent: IdempotencyStore,
    notification: PushNotification,
    messageId: string,
  ) => void,
) {
  return (hub: NotificationHub, sent: IdempotencyStore): QueueHandler =>
    (message) => {
      const notification = JSON.parse(message.body) as PushNotification;
      if (!notification.userId) throw new Error(`Notification ${notification.id} has no userId.`);
      body(hub, sent, notification, message.id);
    };
}
/** Builds each payload just before its send: APNs goes out before FCM v1 can refuse. */
function sendEachAsBuilt(
  hub: NotificationHub,
  sent: IdempotencyStore,
  notification: PushNotification,
): void {
  const tagExpression = formats.tagExpressionFor(notification.userId);
  for (const [platform, build] of [
    ['apple', formats.toApnsPayload],
    ['fcmv1', formats.toFcmV1Payload],
  ] as const) {
    const key = `${notification.id}/${platform}`;
    if (sent.has(key)) continue;
    hub.sendNotification({ platform, body: build(notification) }, { tagExpression });
    sent.add(key);
  }
}
const natives = (notification: PushNotification) => [
  { platform: 'apple' as const, body: formats.toApnsPayload(notification) },
  { platform: 'fcmv1' as const, body: formats.toFcmV1Payload(notification) },
];

interface WrongSolution {
  mistake: string;
  caughtBy: string;
  file: string;
  exports: Record<string, unknown>;
}

const wrongSolutions: WrongSolution[] = [
  {
    mistake: 'a partition key per notification (its id) instead of per user',
    caughtBy: 'batches.partition-key',
    file: 'batches.ts',
    exports: { partitionKeyFor: (notification: PushNotification) => notification.id },
  },
  {
    mistake:
      'starting a new batch when the next event would exactly fill the limit (< instead of <=)',
    caughtBy: 'batches.fewest-batches',
    file: 'batches.ts',
    exports: {
      toBatches: toBatchesWith((current, bytes, limit) => current + bytes < limit),
    },
  },
  {
    mistake: 'no error for a notification too large for any batch',
    caughtBy: 'batches.fewest-batches',
    file: 'batches.ts',
    exports: { toBatches: toBatchesWith(fitsInclusive, { refuseTooBig: false }) },
  },
  {
    mistake: 'sending with the documented 1 MB instead of the hub’s own limit',
    caughtBy: 'batches.per-user-order',
    file: 'batches.ts',
    exports: {
      sendToHub: (hub: EventHub, notifications: PushNotification[]) => {
        for (const batch of toBatchesWith(fitsInclusive)(notifications, 1_048_576)) hub.send(batch);
      },
    },
  },
  {
    mistake: 'a tag expression that forgets muted devices',
    caughtBy: 'formats.tag-expression',
    file: 'formats.ts',
    exports: { tagExpressionFor: (userId: string) => `user:${userId}` },
  },
  {
    mistake: 'a tag expression that never checks the userId can be a tag',
    caughtBy: 'formats.tag-expression',
    file: 'formats.ts',
    exports: { tagExpressionFor: (userId: string) => `user:${userId} && !muted` },
  },
  {
    mistake: 'an APNs payload that drops a badge of 0 (a truthy test)',
    caughtBy: 'formats.apns-payload',
    file: 'formats.ts',
    exports: {
      toApnsPayload: (notification: PushNotification) => {
        const payload = formats.toApnsPayload(notification);
        if (!notification.badge) delete (payload.aps as { badge?: number }).badge;
        return payload;
      },
    },
  },
  {
    mistake: 'an FCM v1 payload whose badge is a number, not a string',
    caughtBy: 'formats.fcm-v1-payload',
    file: 'formats.ts',
    exports: {
      toFcmV1Payload: (notification: PushNotification) => {
        const payload = formats.toFcmV1Payload(notification);
        if (notification.badge !== undefined)
          (payload.message.data as Record<string, unknown>).badge = notification.badge;
        return payload;
      },
    },
  },
  {
    mistake: 'measuring the body in characters instead of the payload in UTF-8 bytes',
    caughtBy: 'formats.size-limit',
    file: 'formats.ts',
    exports: {
      toApnsPayload: (notification: PushNotification) => {
        const payload = formats.toApnsPayload({ ...notification, body: '' });
        payload.aps.alert.body = notification.body;
        const size = JSON.stringify(payload).length;
        if (size > 4_096) throw new Error(`APNs payload is ${size} bytes; limit 4096.`);
        return payload;
      },
    },
  },
  {
    mistake: 'refusing a payload of exactly 4,096 bytes (>= instead of >)',
    caughtBy: 'formats.size-limit',
    file: 'formats.ts',
    exports: {
      toFcmV1Payload: (notification: PushNotification) => {
        const payload = formats.toFcmV1Payload({ ...notification, body: '' });
        payload.message.notification.body = notification.body;
        const bytes = jsonBytes(payload);
        if (bytes >= 4_096) throw new Error(`FCM payload is ${bytes} bytes; FCM accepts 4096.`);
        return payload;
      },
    },
  },
  {
    mistake: 'building each payload just before its send, so APNs goes out before FCM v1 refuses',
    caughtBy: 'handler.poison-with-reason',
    file: 'handler.ts',
    exports: {
      createQueueHandler: handlerWith(sendEachAsBuilt),
    },
  },
  {
    mistake: 'an idempotency key per queue message instead of per notification',
    caughtBy: 'handler.exactly-once',
    file: 'handler.ts',
    exports: {
      createQueueHandler: handlerWith((hub, sent, notification, messageId) => {
        const tagExpression = formats.tagExpressionFor(notification.userId);
        for (const native of natives(notification)) {
          const key = `${messageId}/${native.platform}`;
          if (sent.has(key)) continue;
          hub.sendNotification(native, { tagExpression });
          sent.add(key);
        }
      }),
    },
  },
  {
    mistake: 'catching the hub’s error and returning, so the message is deleted',
    caughtBy: 'handler.retry-on-failure',
    file: 'handler.ts',
    exports: {
      createQueueHandler: handlerWith((hub, _sent, notification) => {
        const tagExpression = formats.tagExpressionFor(notification.userId);
        for (const native of natives(notification)) {
          try {
            hub.sendNotification(native, { tagExpression });
          } catch {
            // swallowed: the mistake under test
          }
        }
      }),
    },
  },
  {
    mistake: 'adding the idempotency key before the send, so a failed send is never retried',
    caughtBy: 'handler.retry-on-failure',
    file: 'handler.ts',
    exports: {
      createQueueHandler: handlerWith((hub, sent, notification) => {
        const tagExpression = formats.tagExpressionFor(notification.userId);
        for (const native of natives(notification)) {
          const key = `${notification.id}/${native.platform}`;
          if (sent.has(key)) continue;
          sent.add(key);
          hub.sendNotification(native, { tagExpression });
        }
      }),
    },
  },
  {
    mistake: 'instances applied to batchSize only',
    caughtBy: 'peak.max-concurrency',
    file: 'peak.ts',
    exports: {
      maxConcurrency: (settings: {
        batchSize: number;
        newBatchThreshold: number;
        instances: number;
      }) => settings.batchSize * settings.instances + settings.newBatchThreshold,
    },
  },
  {
    mistake: 'no check of the settings host.json refuses',
    caughtBy: 'peak.max-concurrency',
    file: 'peak.ts',
    exports: {
      maxConcurrency: (settings: {
        batchSize: number;
        newBatchThreshold: number;
        instances: number;
      }) => settings.instances * (settings.batchSize + settings.newBatchThreshold),
    },
  },
  {
    mistake: 'the documented defaults on one instance (too slow)',
    caughtBy: 'peak.deadline',
    file: 'peak.ts',
    exports: { peakSettings: { batchSize: 16, newBatchThreshold: 8, instances: 1 } },
  },
  {
    mistake: 'the reference settings on two instances (floods Notification Hubs)',
    caughtBy: 'peak.nothing-lost',
    file: 'peak.ts',
    exports: { peakSettings: { batchSize: 32, newBatchThreshold: 16, instances: 2 } },
  },
  // Lookup tables, built from what the page and earlier failure messages show.
  {
    mistake: 'a lookup table of the docs’ and hints’ max-concurrency answers',
    caughtBy: 'peak.max-concurrency',
    file: 'peak.ts',
    exports: {
      maxConcurrency: (settings: {
        batchSize: number;
        newBatchThreshold: number;
        instances: number;
      }) => {
        const answers: Record<string, number> = {
          '16/8/1': 24,
          '16/8/3': 72,
          '32/16/2': 96,
          '1/0/1': 1,
        };
        if (settings.batchSize < 1 || settings.batchSize > 32) throw new RangeError('batchSize');
        if (settings.newBatchThreshold < 0) throw new RangeError('newBatchThreshold');
        if (settings.instances < 1) throw new RangeError('instances');
        return (
          answers[`${settings.batchSize}/${settings.newBatchThreshold}/${settings.instances}`] ?? 24
        );
      },
    },
  },
  {
    mistake: 'a lookup table of the tag expression for the page’s example user u-0042',
    caughtBy: 'formats.tag-expression',
    file: 'formats.ts',
    exports: {
      tagExpressionFor: (userId: string) => {
        if (userId === 'u-0042') return 'user:u-0042 && !muted';
        throw new Error(`Unknown user ${userId}`);
      },
    },
  },
  {
    mistake: 'a lookup table of the two payloads the page shows (n-00042, n-00043)',
    caughtBy: 'formats.apns-payload',
    file: 'formats.ts',
    exports: {
      toApnsPayload: (notification: PushNotification) =>
        ({
          'n-00042': {
            aps: {
              alert: { title: '発送のお知らせ', body: 'ご注文の商品を発送しました。' },
              badge: 2,
            },
            notificationId: 'n-00042',
          },
          'n-00043': {
            aps: { alert: { title: 'Order shipped', body: 'Your order is on its way.' } },
            notificationId: 'n-00043',
          },
        })[notification.id],
    },
  },
  {
    mistake:
      'a tag check that refuses only spaces and length, so "u-1||user:u-2" reaches u-2’s devices',
    caughtBy: 'formats.tag-expression',
    file: 'formats.ts',
    exports: {
      tagExpressionFor: (userId: string) => {
        if (/\s/.test(userId) || `user:${userId}`.length > 120) throw new Error(userId);
        return `user:${userId} && !muted`;
      },
    },
  },
  {
    mistake: 'a tag check that refuses every character but letters, digits and "-"',
    caughtBy: 'formats.tag-expression',
    file: 'formats.ts',
    exports: {
      tagExpressionFor: (userId: string) => {
        if (!/^[A-Za-z0-9-]+$/.test(userId) || `user:${userId}`.length > 120)
          throw new Error(userId);
        return `user:${userId} && !muted`;
      },
    },
  },
  {
    mistake: 'one partition key for every batch, so one partition gets all the load',
    caughtBy: 'batches.fit-the-limit',
    file: 'batches.ts',
    exports: {
      toBatches: (notifications: PushNotification[], limit: number) =>
        toBatchesWith(fitsInclusive)(notifications, limit).map((batch) => ({
          ...batch,
          partitionKey: 'all',
        })),
    },
  },
  {
    mistake: 'sending every batch under one partition key',
    caughtBy: 'batches.per-user-order',
    file: 'batches.ts',
    exports: {
      sendToHub: (hub: EventHub, notifications: PushNotification[]) => {
        for (const batch of toBatchesWith(fitsInclusive)(notifications, hub.maxBatchBytes))
          hub.send({ ...batch, partitionKey: 'all' });
      },
    },
  },
  {
    mistake: 'a lookup table of the poisoned notifications’ ids, with no check of userId or size',
    caughtBy: 'handler.poison-with-reason',
    file: 'handler.ts',
    exports: {
      createQueueHandler:
        (hub: NotificationHub, sent: IdempotencyStore): QueueHandler =>
        (message) => {
          const notification = JSON.parse(message.body) as PushNotification;
          const reasons: Record<string, string> = {
            'n-004': 'no userId',
            'n-005': 'over 4096 bytes',
            'n-006': 'over 4096 bytes',
          };
          if (reasons[notification.id]) throw new Error(reasons[notification.id]);
          // Everything else goes out platform by platform, with no check of its own.
          sendEachAsBuilt(hub, sent, notification);
        },
    },
  },
  {
    mistake: 'remembering sends in the handler’s own Set instead of the shared store',
    caughtBy: 'handler.exactly-once',
    file: 'handler.ts',
    exports: {
      createQueueHandler: (hub: NotificationHub, sent: IdempotencyStore): QueueHandler => {
        const mine = new Set<string>();
        return handlerWith((hubToo, _sent, each) => {
          const tagExpression = formats.tagExpressionFor(each.userId);
          for (const native of natives(each)) {
            const key = `${each.id}/${native.platform}`;
            if (mine.has(key)) continue;
            hubToo.sendNotification(native, { tagExpression });
            mine.add(key);
          }
        })(hub, sent);
      },
    },
  },
  {
    mistake:
      'batches cut at the 1,000-byte limit an earlier failure message printed, whatever the limit',
    caughtBy: 'batches.fewest-batches',
    file: 'batches.ts',
    exports: {
      toBatches: (notifications: PushNotification[]) =>
        toBatchesWith(fitsInclusive)(notifications, 1_000),
    },
  },
];

describe('azure-push: wrong solutions, each caught by a named check', () => {
  for (const wrong of wrongSolutions) {
    it(`${wrong.caughtBy} catches ${wrong.mistake}`, async () => {
      for (const seed of SEEDS) {
        const failing = await failingChecks(
          lab,
          withExportMistake(solution, wrong.file, wrong.exports),
          seed,
        );
        assert.ok(
          failing.includes(wrong.caughtBy),
          `seed ${seed}: ${wrong.caughtBy} passed; failing: ${failing.join(', ') || 'none'}`,
        );
      }
    });
  }
});

describeUnderManySeeds(lab);
