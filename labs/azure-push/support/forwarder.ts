import type { EventHub } from './event-hub.ts';
import type { StorageQueue } from './storage-queue.ts';

/**
 * How often the forwarder records its position in each partition. The report does not say what
 * moved events from Event Hubs to Queue Storage; the model uses a checkpointing consumer.
 */
export const MODEL_CHECKPOINT_EVERY = 100;

/**
 * Copies events from every partition of an event hub into a storage queue, one message per event
 * (the notification's JSON). Like any checkpointing Event Hubs consumer it is at-least-once:
 * after a restart it reads again from its last checkpoint, so some events are queued twice
 * (learn.microsoft.com/azure/azure-functions/functions-reliable-event-processing).
 */
export class QueueForwarder {
  /** Messages this forwarder put on the queue, replays included. */
  queued = 0;
  readonly #hub: EventHub;
  readonly #queue: StorageQueue;
  readonly #read: number[];
  readonly #checkpoint: number[];

  constructor(hub: EventHub, queue: StorageQueue) {
    this.#hub = hub;
    this.#queue = queue;
    this.#read = Array.from({ length: hub.partitionCount }, () => 0);
    this.#checkpoint = Array.from({ length: hub.partitionCount }, () => 0);
  }

  /** Queues every event not forwarded yet, checkpointing every MODEL_CHECKPOINT_EVERY events. */
  forward(): void {
    for (let partition = 0; partition < this.#hub.partitionCount; partition += 1) {
      for (const event of this.#hub.read(partition, this.#read[partition])) {
        this.#queue.add(event.json);
        this.queued += 1;
        this.#read[partition] = event.sequenceNumber + 1;
        if (this.#read[partition] % MODEL_CHECKPOINT_EVERY === 0)
          this.#checkpoint[partition] = this.#read[partition];
      }
    }
  }

  /** The reader of `partition` restarts: it resumes from its checkpoint, so it forwards some events again. */
  restart(partition: number): number {
    const replayed = this.#read[partition] - this.#checkpoint[partition];
    this.#read[partition] = this.#checkpoint[partition];
    this.forward();
    return replayed;
  }
}
