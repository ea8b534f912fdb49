import type { VirtualClock } from '../../kit/virtual-clock.ts';
import {
  QUEUE_DEFAULT_VISIBILITY_TIMEOUT_MS,
  QUEUE_MAX_MESSAGE_BYTES,
  QUEUE_MAX_MESSAGES_PER_GET,
  QUEUE_MAX_VISIBILITY_TIMEOUT_MS,
} from './limits.ts';
import { utf8Bytes } from './notification.ts';

/** A message as a receiver gets it: a snapshot, valid until its visibility timeout runs out. */
export interface QueueMessage {
  readonly id: string;
  /** The text that was queued; the pipeline queues a notification's JSON. */
  readonly body: string;
  /** How many times the message has been received, this time included. */
  readonly dequeueCount: number;
  readonly insertedAt: number;
  /** Proof of the latest receive: deleting or updating needs it. */
  readonly popReceipt: string;
}

interface StoredMessage {
  id: string;
  body: string;
  dequeueCount: number;
  insertedAt: number;
  visibleAt: number;
  popReceipt?: string;
}

/**
 * Azure Queue Storage on a virtual clock. A received message is hidden for its visibility
 * timeout; unless it is deleted in that time it becomes visible again, with its dequeue count
 * kept. Like the real service it promises no strict order.
 */
export class StorageQueue {
  readonly name: string;
  readonly #clock: VirtualClock;
  readonly #messages = new Map<string, StoredMessage>();
  #added = 0;
  #receipts = 0;

  constructor(name: string, clock: VirtualClock) {
    this.name = name;
    this.#clock = clock;
  }

  /** Put Message: queues `body`, visible at once; returns the new message's id. */
  add(body: string): string {
    const bytes = utf8Bytes(body);
    if (bytes > QUEUE_MAX_MESSAGE_BYTES) {
      throw new Error(
        `Queue ${this.name}: a message is at most ${QUEUE_MAX_MESSAGE_BYTES} bytes, this one is ${bytes}.`,
      );
    }
    this.#added += 1;
    const id = `${this.name}-${this.#added}`;
    const now = this.#clock.now();
    this.#messages.set(id, { id, body, dequeueCount: 0, insertedAt: now, visibleAt: now });
    return id;
  }

  /** Get Messages: up to `count` visible messages, each hidden for `visibilityTimeoutMs` and counted as dequeued. */
  receive(count = 1, visibilityTimeoutMs = QUEUE_DEFAULT_VISIBILITY_TIMEOUT_MS): QueueMessage[] {
    if (!Number.isInteger(count) || count < 1 || count > QUEUE_MAX_MESSAGES_PER_GET) {
      throw new RangeError(
        `Queue ${this.name}: receive 1 to ${QUEUE_MAX_MESSAGES_PER_GET} messages at a time, not ${count}.`,
      );
    }
    checkVisibility(this.name, visibilityTimeoutMs, 1_000);
    const now = this.#clock.now();
    const received: QueueMessage[] = [];
    for (const message of this.#messages.values()) {
      if (received.length === count) break;
      if (message.visibleAt > now) continue;
      message.dequeueCount += 1;
      message.visibleAt = now + visibilityTimeoutMs;
      message.popReceipt = `receipt-${++this.#receipts}`;
      received.push({
        id: message.id,
        body: message.body,
        dequeueCount: message.dequeueCount,
        insertedAt: message.insertedAt,
        popReceipt: message.popReceipt,
      });
    }
    return received;
  }

  /** Delete Message: needs the pop receipt of the latest receive, as the service does. */
  delete(id: string, popReceipt: string): void {
    this.#current(id, popReceipt);
    this.#messages.delete(id);
  }

  /** Update Message: hides the message for another `visibilityTimeoutMs` (0 shows it again now). */
  setVisibility(id: string, popReceipt: string, visibilityTimeoutMs: number): void {
    checkVisibility(this.name, visibilityTimeoutMs, 0);
    this.#current(id, popReceipt).visibleAt = this.#clock.now() + visibilityTimeoutMs;
  }

  /** Messages in the queue, visible or not. */
  get length(): number {
    return this.#messages.size;
  }

  /** Peek at every message without receiving it (for checks and the pipeline report). */
  peekAll(): Array<{ id: string; body: string; dequeueCount: number; visibleAt: number }> {
    return [...this.#messages.values()].map(({ id, body, dequeueCount, visibleAt }) => ({
      id,
      body,
      dequeueCount,
      visibleAt,
    }));
  }

  #current(id: string, popReceipt: string): StoredMessage {
    const message = this.#messages.get(id);
    if (!message) throw new Error(`Queue ${this.name}: no message ${id} (it was already deleted).`);
    if (message.popReceipt !== popReceipt) {
      throw new Error(
        `Queue ${this.name}: the pop receipt for ${id} is out of date; the message was received again since.`,
      );
    }
    return message;
  }
}

function checkVisibility(queue: string, ms: number, minimum: number): void {
  if (!(ms >= minimum && ms <= QUEUE_MAX_VISIBILITY_TIMEOUT_MS)) {
    throw new RangeError(
      `Queue ${queue}: a visibility timeout is ${minimum / 1_000} s to 7 days, got ${ms} ms.`,
    );
  }
}
