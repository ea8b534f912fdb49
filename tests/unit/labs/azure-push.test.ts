import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VirtualClock } from '../../../labs/kit/virtual-clock.ts';
import { EventHub, partitionFor } from '../../../labs/azure-push/support/event-hub.ts';
import {
  QueueForwarder,
  MODEL_CHECKPOINT_EVERY,
} from '../../../labs/azure-push/support/forwarder.ts';
import {
  DEFAULT_HOST_SETTINGS,
  QueueTriggerHost,
} from '../../../labs/azure-push/support/functions-host.ts';
import {
  FUNCTIONS_DEFAULT_MAX_DEQUEUE_COUNT,
  QUEUE_DEFAULT_VISIBILITY_TIMEOUT_MS,
} from '../../../labs/azure-push/support/limits.ts';
import {
  NotificationHub,
  TransientPushError,
} from '../../../labs/azure-push/support/notification-hub.ts';
import type { PushNotification } from '../../../labs/azure-push/support/notification.ts';
import { PlatformSender } from '../../../labs/azure-push/support/platform-sender.ts';
import {
  PEAK_DEADLINE_MS,
  PEAK_FIGURE_SEED,
  runPeakMinute,
} from '../../../labs/azure-push/support/pipeline.ts';
import { StorageQueue } from '../../../labs/azure-push/support/storage-queue.ts';
import { parseTagExpression } from '../../../labs/azure-push/support/tag-expression.ts';
import { sendToHub } from '../../../labs/azure-push/solution/batches.ts';
import { createQueueHandler } from '../../../labs/azure-push/solution/handler.ts';
import { peakSettings } from '../../../labs/azure-push/solution/peak.ts';

const notification = (id: string, userId: string, seq: number): PushNotification => ({
  id,
  userId,
  seq,
  title: 't',
  body: 'b',
});

describe('the storage queue model', () => {
  it('hides a received message, and shows it again with its dequeue count once the visibility timeout passes', () => {
    const clock = new VirtualClock();
    const queue = new StorageQueue('jobs', clock);
    queue.add('hello');
    const [first] = queue.receive();
    assert.equal(first.dequeueCount, 1);
    clock.advance(QUEUE_DEFAULT_VISIBILITY_TIMEOUT_MS - 1);
    assert.deepEqual(queue.receive(), []);
    clock.advance(1);
    const [again] = queue.receive();
    assert.equal(again.id, first.id);
    assert.equal(again.dequeueCount, 2);
  });

  it('forgets a message deleted with its latest pop receipt, and refuses an outdated receipt', () => {
    const clock = new VirtualClock();
    const queue = new StorageQueue('jobs', clock);
    queue.add('hello');
    const [first] = queue.receive(1, 1_000);
    clock.advance(1_000);
    const [second] = queue.receive(1, 1_000);
    assert.throws(() => queue.delete(first.id, first.popReceipt), /pop receipt .* out of date/);
    queue.delete(second.id, second.popReceipt);
    clock.advance(60_000);
    assert.equal(queue.length, 0);
    assert.deepEqual(queue.receive(), []);
  });

  it('hands out at most 32 messages per receive, as Get Messages does', () => {
    const queue = new StorageQueue('jobs', new VirtualClock());
    for (let index = 0; index < 40; index += 1) queue.add(`m${index}`);
    assert.equal(queue.receive(32).length, 32);
    assert.throws(() => queue.receive(33), RangeError);
  });
});

describe('the queue trigger model', () => {
  it('moves a message to <queue>-poison on its fifth failed attempt, keeping the last error as the reason', () => {
    const clock = new VirtualClock();
    const queue = new StorageQueue('notifications', clock);
    queue.add('{"id":"n-1"}');
    const attempts: number[] = [];
    const host = new QueueTriggerHost({
      queue,
      clock,
      handler: (message) => {
        attempts.push(message.dequeueCount);
        throw new Error(`attempt ${message.dequeueCount} failed`);
      },
    });
    host.drain(60_000);
    assert.deepEqual(attempts, [1, 2, 3, 4, 5]);
    assert.equal(FUNCTIONS_DEFAULT_MAX_DEQUEUE_COUNT, 5);
    assert.equal(host.poisonQueue.name, 'notifications-poison');
    assert.equal(host.poisonQueue.length, 1);
    assert.equal(queue.length, 0);
    assert.deepEqual(
      host.poisoned.map(({ dequeueCount, reason }) => ({ dequeueCount, reason })),
      [{ dequeueCount: 5, reason: 'Error: attempt 5 failed' }],
    );
  });

  it('retries a failed message at once by default and deletes it when a retry succeeds', () => {
    const clock = new VirtualClock();
    const queue = new StorageQueue('notifications', clock);
    queue.add('x');
    let calls = 0;
    const host = new QueueTriggerHost({
      queue,
      clock,
      handler: () => {
        calls += 1;
        if (calls < 3) throw new Error('not yet');
      },
    });
    host.drain(60_000);
    assert.equal(calls, 3);
    assert.equal(queue.length, 0);
    assert.equal(host.poisoned.length, 0);
  });

  it('never runs more than batchSize + newBatchThreshold messages at once per instance', () => {
    const clock = new VirtualClock();
    const queue = new StorageQueue('notifications', clock);
    for (let index = 0; index < 200; index += 1) queue.add(`m${index}`);
    const host = new QueueTriggerHost({
      queue,
      clock,
      handler: () => undefined,
      settings: { batchSize: 16, newBatchThreshold: 8, instances: 2 },
    });
    host.drain(600_000);
    assert.ok(host.stats.maxInFlight <= 2 * (16 + 8), `max in flight ${host.stats.maxInFlight}`);
    assert.equal(host.stats.runs, 200);
  });

  it('refuses a batchSize host.json would refuse', () => {
    const clock = new VirtualClock();
    const queue = new StorageQueue('notifications', clock);
    assert.throws(
      () =>
        new QueueTriggerHost({
          queue,
          clock,
          handler: () => undefined,
          settings: { ...DEFAULT_HOST_SETTINGS, batchSize: 33 },
        }),
      /1 to 32/,
    );
  });

  it('counts a handler that returns a promise as a failure, since it cannot await anything here', () => {
    const clock = new VirtualClock();
    const queue = new StorageQueue('notifications', clock);
    queue.add('x');
    const host = new QueueTriggerHost({ queue, clock, handler: (async () => undefined) as never });
    host.drain(60_000);
    assert.match(host.poisoned[0].reason, /returned a Promise/);
  });
});

describe('the event hub model', () => {
  it("keeps a partition key's events in one partition, in the order they were sent", () => {
    const hub = new EventHub({ partitionCount: 4 });
    hub.send({
      partitionKey: 'u-1',
      events: [notification('a', 'u-1', 1), notification('b', 'u-1', 2)],
    });
    hub.send({ partitionKey: 'u-2', events: [notification('c', 'u-2', 1)] });
    hub.send({ partitionKey: 'u-1', events: [notification('d', 'u-1', 3)] });
    const partition = partitionFor('u-1', 4);
    const u1 = hub.read(partition).filter((event) => event.body.userId === 'u-1');
    assert.deepEqual(
      u1.map((event) => event.body.id),
      ['a', 'b', 'd'],
    );
    assert.deepEqual(
      u1.map((event) => event.sequenceNumber),
      [...u1.map((event) => event.sequenceNumber)].sort((x, y) => x - y),
    );
  });

  it('spreads batches without a key over the partitions', () => {
    const hub = new EventHub({ partitionCount: 2 });
    hub.send({ events: [notification('a', 'u-1', 1)] });
    hub.send({ events: [notification('b', 'u-1', 2)] });
    assert.deepEqual(
      hub.publications.map((publication) => publication.partition),
      [0, 1],
    );
  });

  it('refuses a batch over its publication limit and says how large it was', () => {
    const hub = new EventHub({ maxBatchBytes: 100 });
    const big = { ...notification('a', 'u-1', 1), body: 'x'.repeat(200) };
    assert.throws(
      () => hub.send({ partitionKey: 'u-1', events: [big] }),
      /refused a batch of \d+ bytes .* at most 100 bytes/,
    );
  });
});

describe('the forwarder model', () => {
  it('queues again, after a restart, the events read since its last checkpoint', () => {
    const clock = new VirtualClock();
    const hub = new EventHub({ partitionCount: 1 });
    const queue = new StorageQueue('notifications', clock);
    const forwarder = new QueueForwarder(hub, queue);
    const events = Array.from({ length: MODEL_CHECKPOINT_EVERY + 7 }, (_, index) =>
      notification(`n-${index}`, 'u-1', index + 1),
    );
    hub.send({ partitionKey: 'u-1', events });
    forwarder.forward();
    assert.equal(forwarder.restart(0), 7);
    assert.equal(queue.length, MODEL_CHECKPOINT_EVERY + 14);
  });
});

describe('the platform senders', () => {
  it('fail on the same calls for the same seed, and on other calls for another seed', () => {
    const outcomes = (seed: number) => {
      const sender = new PlatformSender('apple', { kind: 'seeded', seed, failureRate: 0.3 });
      return Array.from({ length: 50 }, () => sender.attempt());
    };
    assert.deepEqual(outcomes(41), outcomes(41));
    assert.notDeepEqual(outcomes(41), outcomes(42));
    assert.ok(outcomes(41).includes(false) && outcomes(41).includes(true));
  });

  it('fail exactly on the listed calls of a scripted schedule', () => {
    const sender = new PlatformSender('fcmv1', { kind: 'calls', failing: [2, 3] });
    assert.deepEqual(
      Array.from({ length: 4 }, () => sender.attempt()),
      [true, false, false, true],
    );
  });
});

describe('the notification hub model', () => {
  const registrations = [
    { id: 'r1', platform: 'apple' as const, tags: ['user:u-1'] },
    { id: 'r2', platform: 'fcmv1' as const, tags: ['user:u-1'] },
    { id: 'r3', platform: 'apple' as const, tags: ['user:u-1', 'muted'] },
  ];

  it('delivers a native send to the matching registrations of its platform only', () => {
    const hub = new NotificationHub({ clock: new VirtualClock(), registrations });
    const outcome = hub.sendNotification(
      { platform: 'apple', body: { aps: {}, notificationId: 'n-1' } },
      { tagExpression: 'user:u-1 && !muted' },
    );
    assert.equal(outcome.targets, 1);
    assert.deepEqual(
      hub.deliveries.map((delivery) => [delivery.registrationId, delivery.notificationId]),
      [['r1', 'n-1']],
    );
  });

  it('refuses a payload over 4,096 bytes and an FCM v1 data value that is not a string', () => {
    const hub = new NotificationHub({ clock: new VirtualClock(), registrations });
    assert.throws(
      () =>
        hub.sendNotification(
          { platform: 'apple', body: { aps: { alert: 'x'.repeat(4_096) } } },
          { tagExpression: 'user:u-1' },
        ),
      /4096 bytes/,
    );
    assert.throws(
      () =>
        hub.sendNotification(
          { platform: 'fcmv1', body: { message: { data: { badge: 2 } } } },
          { tagExpression: 'user:u-1' },
        ),
      /must be strings/,
    );
  });

  it('throttles sends past its per-second limit with a transient error', () => {
    const hub = new NotificationHub({
      clock: new VirtualClock(),
      registrations,
      sendsPerSecond: 2,
    });
    const send = () =>
      hub.sendNotification({ platform: 'apple', body: { aps: {} } }, { tagExpression: 'user:u-1' });
    send();
    send();
    assert.throws(
      send,
      (error: unknown) => error instanceof TransientPushError && /429/.test(error.message),
    );
  });

  it('limits tag expressions to 20 tags of only ORs and 6 tags otherwise', () => {
    const tags = (count: number, operator: string) =>
      Array.from({ length: count }, (_, index) => `t${index}`).join(` ${operator} `);
    assert.doesNotThrow(() => parseTagExpression(tags(20, '||')));
    assert.throws(() => parseTagExpression(tags(21, '||')), /at most 20/);
    assert.doesNotThrow(() => parseTagExpression(tags(6, '&&')));
    assert.throws(() => parseTagExpression(tags(7, '&&')), /at most 6/);
    assert.throws(() => parseTagExpression('user:u 1'), /unexpected/);
  });
});

describe('the peak minute', () => {
  const code = { sendToHub, createQueueHandler };

  const seed = PEAK_FIGURE_SEED;

  it('drains before the deadline with the reference settings, poisoning only the two unsendable notifications', () => {
    const run = runPeakMinute(code, peakSettings, seed);
    assert.ok(
      run.drainedAtMs !== undefined && run.drainedAtMs <= PEAK_DEADLINE_MS,
      `drained at ${run.drainedAtMs}`,
    );
    assert.equal(run.stages.onPremises, 3_700);
    assert.equal(run.stages.poison, 2);
    assert.deepEqual(
      new Set(run.poisoned.map((entry) => (JSON.parse(entry.body) as { id: string }).id)),
      run.unsendable,
    );
    assert.ok(run.replayed > 0, 'the forwarder replays some events');
  });

  it('misses the deadline with the documented defaults on one instance (too slow)', () => {
    const run = runPeakMinute(code, DEFAULT_HOST_SETTINGS, seed);
    assert.ok(
      run.drainedAtMs === undefined || run.drainedAtMs > PEAK_DEADLINE_MS,
      `drained at ${run.drainedAtMs}`,
    );
  });

  it('poisons good notifications when the reference settings run on a second instance (too aggressive)', () => {
    const run = runPeakMinute(code, { ...peakSettings, instances: 2 }, seed);
    assert.ok(run.throttledSends > 0);
    assert.ok(run.stages.poison > 2, `poisoned ${run.stages.poison}`);
  });

  it('draws another minute from another seed: other users, other oversized notifications', () => {
    const other = runPeakMinute(code, peakSettings, seed + 1);
    const run = runPeakMinute(code, peakSettings, seed);
    assert.notDeepEqual(other.unsendable, run.unsendable);
    assert.notDeepEqual(other.registrations, run.registrations);
  });

  it('gives the same result every time', () => {
    assert.deepEqual(
      runPeakMinute(code, peakSettings, seed).stages,
      runPeakMinute(code, peakSettings, seed).stages,
    );
  });
});
