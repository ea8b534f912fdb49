import { SupportError } from '../../kit/support-error.ts';
import {
  EVENT_HUBS_MAX_PARTITIONS,
  EVENT_HUBS_MAX_PUBLICATION_BYTES,
  MODEL_EVENT_HUB_PARTITIONS,
} from './limits.ts';
import { jsonBytes, utf8Bytes, type PushNotification } from './notification.ts';

const EVENT_HUBS = { en: 'The lab’s Event Hubs model', ja: 'ラボの Event Hubs モデル' };

/** What the producer sends in one call: events that share a partition key (or none). */
export interface EventBatch {
  /** Events with the same key always land in the same partition; without one, the hub picks. */
  partitionKey?: string;
  events: PushNotification[];
}

/** An event as a consumer reads it from a partition. */
export interface ReceivedEvent {
  /** Position in its partition, from 0; the order consumers read in. */
  readonly sequenceNumber: number;
  readonly partitionKey?: string;
  /** The event as it went over the wire. */
  readonly json: string;
  /** A fresh copy of the event, read from `json`: what the sender changes later does not reach it. */
  readonly body: PushNotification;
}

/** One accepted publication, for checks that count calls. */
export interface Publication {
  partition: number;
  partitionKey?: string;
  events: number;
  bytes: number;
}

/**
 * Bytes one event takes in a batch: the model counts the UTF-8 bytes of its JSON. Real batches
 * also carry an AMQP envelope per event, which the SDKs' tryAdd accounts for.
 */
export function eventBytes(event: PushNotification): number {
  return jsonBytes(event);
}

/** Bytes of a whole batch, as the hub measures it against its publication limit. */
export function batchBytes(batch: EventBatch): number {
  return batch.events.reduce((sum, event) => sum + eventBytes(event), 0);
}

/**
 * An event hub: partitions that each keep the order events arrived in. A partition key is hashed
 * to a partition, so one key's events stay together and in order; Event Hubs promises order only
 * within a partition. Without a key, the model spreads publications round-robin.
 */
export class EventHub {
  readonly partitionCount: number;
  /** The publication limit this hub enforces: a batch larger than this is refused. */
  readonly maxBatchBytes: number;
  readonly publications: Publication[] = [];
  readonly #partitions: ReceivedEvent[][];
  #nextRoundRobin = 0;

  constructor(options: { partitionCount?: number; maxBatchBytes?: number } = {}) {
    this.partitionCount = options.partitionCount ?? MODEL_EVENT_HUB_PARTITIONS;
    this.maxBatchBytes = options.maxBatchBytes ?? EVENT_HUBS_MAX_PUBLICATION_BYTES;
    if (
      !Number.isInteger(this.partitionCount) ||
      this.partitionCount < 1 ||
      this.partitionCount > EVENT_HUBS_MAX_PARTITIONS
    ) {
      throw new RangeError(
        `An event hub has 1 to ${EVENT_HUBS_MAX_PARTITIONS} partitions, got ${this.partitionCount}.`,
      );
    }
    this.#partitions = Array.from({ length: this.partitionCount }, () => []);
  }

  /** Publishes one batch to one partition; refuses an empty or oversized batch, as the service does. */
  send(batch: EventBatch): void {
    if (!batch || !Array.isArray(batch.events) || batch.events.length === 0) {
      throw new SupportError(EVENT_HUBS, {
        en: 'Event Hubs: a batch needs at least one event in its `events` array.',
        ja: 'Event Hubs: バッチの `events` 配列には 1 件以上のイベントが必要です。',
      });
    }
    const jsons = batch.events.map((event) => JSON.stringify(event));
    const bytes = jsons.reduce((sum, json) => sum + utf8Bytes(json), 0);
    if (bytes > this.maxBatchBytes) {
      throw new SupportError(EVENT_HUBS, {
        en: `Event Hubs refused a batch of ${bytes} bytes (${batch.events.length} events): this hub accepts at most ${this.maxBatchBytes} bytes per publication.`,
        ja: `Event Hubs が ${bytes} バイト(${batch.events.length} イベント)のバッチを拒否しました。このハブが 1 回の送信で受け付けるのは ${this.maxBatchBytes} バイトまでです。`,
      });
    }
    const partition =
      batch.partitionKey === undefined
        ? this.#roundRobin()
        : partitionFor(batch.partitionKey, this.partitionCount);
    const events = this.#partitions[partition];
    for (const json of jsons) {
      events.push({
        sequenceNumber: events.length,
        partitionKey: batch.partitionKey,
        json,
        get body() {
          return JSON.parse(json) as PushNotification;
        },
      });
    }
    this.publications.push({
      partition,
      partitionKey: batch.partitionKey,
      events: batch.events.length,
      bytes,
    });
  }

  /** The events of one partition, in order. */
  read(partition: number, fromSequenceNumber = 0): readonly ReceivedEvent[] {
    return this.#partitions[partition].slice(fromSequenceNumber);
  }

  #roundRobin(): number {
    const partition = this.#nextRoundRobin;
    this.#nextRoundRobin = (this.#nextRoundRobin + 1) % this.partitionCount;
    return partition;
  }
}

/** The model's stand-in for the service's key hashing (FNV-1a): stable for a given key. */
export function partitionFor(partitionKey: string, partitionCount: number): number {
  let hash = 0x811c9dc5;
  for (const char of partitionKey) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitionCount;
}
