import type { VirtualClock } from '../../kit/virtual-clock.ts';
import { EventSchedule } from './event-schedule.ts';
import { InvocationMeter } from './invocation-meter.ts';
import {
  FUNCTIONS_DEFAULT_BATCH_SIZE,
  FUNCTIONS_DEFAULT_MAX_DEQUEUE_COUNT,
  FUNCTIONS_DEFAULT_RETRY_VISIBILITY_MS,
  FUNCTIONS_FIRST_IDLE_POLL_MS,
  FUNCTIONS_MAX_BATCH_SIZE,
  FUNCTIONS_MAX_POLLING_INTERVAL_MS,
  FUNCTIONS_POLL_AFTER_MESSAGES_MS,
  FUNCTIONS_PROCESSING_VISIBILITY_MS,
  MODEL_INVOCATION_OVERHEAD_MS,
} from './limits.ts';
import { StorageQueue, type QueueMessage } from './storage-queue.ts';

/** The queue trigger's settings that shape concurrency (host.json `extensions.queues`, plus scale-out). */
export interface HostSettings {
  /** Messages fetched per poll, 1 to 32. */
  batchSize: number;
  /** The next batch is fetched once this many or fewer messages are still being processed. */
  newBatchThreshold: number;
  /** Instances (VMs) of the function app; each polls the queue and runs its own batches. */
  instances: number;
}

/** The documented defaults on the Consumption plan, on one instance. */
export const DEFAULT_HOST_SETTINGS: HostSettings = {
  batchSize: FUNCTIONS_DEFAULT_BATCH_SIZE,
  newBatchThreshold: FUNCTIONS_DEFAULT_BATCH_SIZE / 2,
  instances: 1,
};

/** A queue-triggered function: returns to succeed, throws to fail (the message then comes back). */
export type QueueHandler = (message: QueueMessage) => void;

/** A message the host gave up on, with the error of its last attempt. */
export interface PoisonedMessage {
  id: string;
  body: string;
  dequeueCount: number;
  reason: string;
  at: number;
}

interface Instance {
  inFlight: number;
  idleDelayMs: number;
  waitingForCapacity: boolean;
}

type HostEvent =
  | { kind: 'poll'; instance: Instance }
  | {
      kind: 'complete';
      instance: Instance;
      message: QueueMessage;
      error: unknown;
      failed: boolean;
    };

/**
 * The Functions queue trigger, on a virtual clock. Each instance fetches `batchSize` messages and
 * runs them at once, fetches again when only `newBatchThreshold` are left running, and polls
 * less often while the queue is empty. A run that throws puts its message back (visible again
 * after `visibilityTimeout`, 0 by default); after `maxDequeueCount` attempts the message moves
 * to `<queue>-poison`. In Azure the reason is in the function's logs; here it is kept with it.
 */
export class QueueTriggerHost {
  readonly settings: HostSettings;
  readonly poisonQueue: StorageQueue;
  readonly poisoned: PoisonedMessage[] = [];
  /** Function runs started, failed, and the sum of their durations (for average concurrency). */
  readonly stats = { runs: 0, failures: 0, busyMs: 0, maxInFlight: 0, lastSettledAt: 0 };
  readonly #queue: StorageQueue;
  readonly #handler: QueueHandler;
  readonly #clock: VirtualClock;
  readonly #meter: InvocationMeter;
  readonly #maxDequeueCount: number;
  readonly #retryVisibilityMs: number;
  readonly #instances: Instance[];
  readonly #schedule = new EventSchedule<HostEvent>();

  constructor(options: {
    queue: StorageQueue;
    handler: QueueHandler;
    clock: VirtualClock;
    settings?: HostSettings;
    /** Shared with the services the handler calls, which add their latency to it. */
    meter?: InvocationMeter;
    maxDequeueCount?: number;
    /** host.json `visibilityTimeout`: how long a failed message stays hidden before its retry. */
    retryVisibilityMs?: number;
  }) {
    this.settings = checkSettings(options.settings ?? DEFAULT_HOST_SETTINGS);
    this.#queue = options.queue;
    this.#handler = options.handler;
    this.#clock = options.clock;
    this.#meter = options.meter ?? new InvocationMeter();
    this.#maxDequeueCount = options.maxDequeueCount ?? FUNCTIONS_DEFAULT_MAX_DEQUEUE_COUNT;
    this.#retryVisibilityMs = options.retryVisibilityMs ?? FUNCTIONS_DEFAULT_RETRY_VISIBILITY_MS;
    this.poisonQueue = new StorageQueue(`${options.queue.name}-poison`, options.clock);
    this.#instances = Array.from({ length: this.settings.instances }, () => ({
      inFlight: 0,
      idleDelayMs: FUNCTIONS_FIRST_IDLE_POLL_MS,
      waitingForCapacity: false,
    }));
    for (const instance of this.#instances)
      this.#schedule.schedule(this.#clock.now(), { kind: 'poll', instance });
  }

  /** Runs everything due up to `timeMs`, then sets the clock there (new messages may arrive then). */
  runUntil(timeMs: number): void {
    while ((this.#schedule.peekTime() ?? Infinity) <= timeMs) this.#step();
    this.#clock.advanceTo(timeMs);
  }

  /**
   * Runs until the queue is empty and nothing is running; returns when the last message settled
   * (deleted or poisoned), or undefined if that has not happened by `limitMs`.
   */
  drain(limitMs: number): number | undefined {
    while (!this.#idle()) {
      if ((this.#schedule.peekTime() ?? Infinity) > limitMs) return undefined;
      this.#step();
    }
    return this.stats.lastSettledAt;
  }

  #idle(): boolean {
    return this.#queue.length === 0 && this.#instances.every((instance) => instance.inFlight === 0);
  }

  #step(): void {
    const next = this.#schedule.take()!;
    this.#clock.advanceTo(next.at);
    if (next.item.kind === 'poll') this.#poll(next.item.instance);
    else this.#complete(next.item);
  }

  #poll(instance: Instance): void {
    if (instance.inFlight > this.settings.newBatchThreshold) {
      instance.waitingForCapacity = true;
      return;
    }
    const now = this.#clock.now();
    const messages = this.#queue.receive(
      this.settings.batchSize,
      FUNCTIONS_PROCESSING_VISIBILITY_MS,
    );
    if (messages.length === 0) {
      this.#schedule.schedule(now + instance.idleDelayMs, { kind: 'poll', instance });
      instance.idleDelayMs = Math.min(instance.idleDelayMs * 2, FUNCTIONS_MAX_POLLING_INTERVAL_MS);
      return;
    }
    instance.idleDelayMs = FUNCTIONS_FIRST_IDLE_POLL_MS;
    for (const message of messages) this.#start(instance, message);
    this.#schedule.schedule(now + FUNCTIONS_POLL_AFTER_MESSAGES_MS, { kind: 'poll', instance });
  }

  #start(instance: Instance, message: QueueMessage): void {
    this.#meter.reset();
    let error: unknown;
    let failed = false;
    try {
      const result: unknown = this.#handler(message);
      if (isThenable(result)) {
        result.then(undefined, () => undefined);
        throw new Error(
          'The handler returned a Promise: in this lab a handler is synchronous, so return nothing and throw to fail.',
        );
      }
    } catch (thrown) {
      error = thrown;
      failed = true;
    }
    const durationMs = MODEL_INVOCATION_OVERHEAD_MS + this.#meter.elapsedMs;
    instance.inFlight += 1;
    this.stats.runs += 1;
    this.stats.busyMs += durationMs;
    const inFlight = this.#instances.reduce((sum, each) => sum + each.inFlight, 0);
    this.stats.maxInFlight = Math.max(this.stats.maxInFlight, inFlight);
    this.#schedule.schedule(this.#clock.now() + durationMs, {
      kind: 'complete',
      instance,
      message,
      error,
      failed,
    });
  }

  #complete(event: Extract<HostEvent, { kind: 'complete' }>): void {
    const { instance, message } = event;
    instance.inFlight -= 1;
    this.stats.lastSettledAt = this.#clock.now();
    if (!event.failed) {
      this.#queue.delete(message.id, message.popReceipt);
    } else {
      this.stats.failures += 1;
      if (message.dequeueCount >= this.#maxDequeueCount) {
        this.poisonQueue.add(message.body);
        this.poisoned.push({
          id: message.id,
          body: message.body,
          dequeueCount: message.dequeueCount,
          reason: reasonOf(event.error),
          at: this.#clock.now(),
        });
        this.#queue.delete(message.id, message.popReceipt);
      } else {
        this.#queue.setVisibility(message.id, message.popReceipt, this.#retryVisibilityMs);
      }
    }
    if (instance.waitingForCapacity && instance.inFlight <= this.settings.newBatchThreshold) {
      instance.waitingForCapacity = false;
      this.#schedule.schedule(this.#clock.now(), { kind: 'poll', instance });
    }
  }
}

/** Checks settings against what host.json accepts, naming the field and the allowed range. */
export function checkSettings(settings: HostSettings): HostSettings {
  const { batchSize, newBatchThreshold, instances } = settings ?? ({} as HostSettings);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > FUNCTIONS_MAX_BATCH_SIZE) {
    throw new RangeError(
      `batchSize must be a whole number from 1 to ${FUNCTIONS_MAX_BATCH_SIZE} (host.json queues.batchSize), got ${batchSize}.`,
    );
  }
  if (!Number.isInteger(newBatchThreshold) || newBatchThreshold < 0) {
    throw new RangeError(
      `newBatchThreshold must be a whole number, 0 or more, got ${newBatchThreshold}.`,
    );
  }
  if (!Number.isInteger(instances) || instances < 1) {
    throw new RangeError(`instances must be a whole number, 1 or more, got ${instances}.`);
  }
  return { batchSize, newBatchThreshold, instances };
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
