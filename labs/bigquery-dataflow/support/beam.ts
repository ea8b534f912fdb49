import {
  PCollection,
  type PTransform,
  type Source,
  type SourceEvent,
  type Window,
  type WindowFn,
} from './pcollection.ts';
import { assertOutsidePipeline } from './runner.ts';

export { compareCodePoints } from './code-points.ts';
export { PCollection, GLOBAL_WINDOW } from './pcollection.ts';
export type { PTransform, Window, WindowFn } from './pcollection.ts';
export { runPipeline } from './runner.ts';
export type { Pane, PipelineResult, WindowedValue } from './runner.ts';

/**
 * The lab's Beam transforms, named as in Beam Python (`import apache_beam as beam`) so a
 * pipeline written here reads like the real one. Times are in milliseconds; Beam Python uses
 * seconds. Each doc comment gives the Beam Python equivalent.
 */

export interface TimestampedValue<T> {
  value: T;
  /** Event time: when it happened, in ms. */
  timestamp: number;
}

/** A batch of values with no event time (Beam: `beam.Create(values)`). */
function Create<T>(values: readonly T[]): Source<T> {
  return boundedSource(
    'Create',
    values.map((value) => ({ value, timestamp: -Infinity })),
  );
}

/** A batch of values with event times (Beam: `beam.Create(...) | beam.Map(lambda v: window.TimestampedValue(v, t))`). */
function CreateTimestamped<T>(values: ReadonlyArray<TimestampedValue<T>>): Source<T> {
  return boundedSource('CreateTimestamped', values);
}

function boundedSource<T>(name: string, values: ReadonlyArray<TimestampedValue<T>>): Source<T> {
  const events: SourceEvent<T>[] = values.map(({ value, timestamp }) => ({
    kind: 'element',
    value,
    timestamp,
  }));
  events.push({ kind: 'watermark', to: Infinity });
  return {
    name,
    isBounded: true,
    events() {
      assertOutsidePipeline(`read the elements of ${name}`);
      return events;
    },
  };
}

/**
 * A stream you script: elements arrive in the order you add them, and the watermark (the
 * runner's estimate that no older data is still coming) moves only when you say so
 * (Beam: `apache_beam.testing.test_stream.TestStream`).
 */
class TestStream<T> implements Source<T> {
  readonly name = 'TestStream';
  readonly isBounded = false;
  readonly #events: SourceEvent<T>[] = [];
  #watermark = -Infinity;

  /** Beam: `.add_elements([TimestampedValue(value, t), ...])`. */
  addElements(values: ReadonlyArray<TimestampedValue<T>>): this {
    for (const { value, timestamp } of values)
      this.#events.push({ kind: 'element', value, timestamp });
    return this;
  }

  /** Beam: `.advance_watermark_to(t)`. */
  advanceWatermarkTo(timestamp: number): this {
    if (!(timestamp >= this.#watermark))
      throw new RangeError(
        `The watermark only moves forward: it is at ${this.#watermark}, not ${timestamp}.`,
      );
    this.#watermark = timestamp;
    this.#events.push({ kind: 'watermark', to: timestamp });
    return this;
  }

  /** Beam: `.advance_watermark_to_infinity()`: the stream is over, every window can close. */
  advanceWatermarkToInfinity(): this {
    return this.advanceWatermarkTo(Infinity);
  }

  events(): readonly SourceEvent<T>[] {
    assertOutsidePipeline('read the elements of a TestStream');
    return this.#events;
  }
}

/** Fixed, non-overlapping windows of `sizeMs` of event time (Beam: `window.FixedWindows(size)`). */
function FixedWindows(sizeMs: number): WindowFn {
  if (!(sizeMs > 0) || !Number.isFinite(sizeMs))
    throw new RangeError(`FixedWindows needs a size in ms greater than 0, got ${sizeMs}.`);
  return {
    description: `FixedWindows(${sizeMs} ms)`,
    assign(timestamp: number): Window {
      const start = Math.floor(timestamp / sizeMs) * sizeMs;
      return { start, end: start + sizeMs };
    },
  };
}

function transform<I, O>(
  name: string,
  expand: (input: PCollection<I>) => PCollection<O>,
): PTransform<I, O> {
  return { name, expand };
}

export const beam = {
  Create,
  CreateTimestamped,
  /** Beam: `window.TimestampedValue(value, timestamp)`. */
  TimestampedValue: <T>(value: T, timestamp: number): TimestampedValue<T> => ({ value, timestamp }),
  TestStream: <T>() => new TestStream<T>(),
  FixedWindows,

  /** One output per input (Beam: `beam.Map(fn)`, a ParDo). */
  Map<I, O>(fn: (value: I) => O): PTransform<I, O> {
    return transform('Map', (input) =>
      PCollection.withStep<O>(input, {
        kind: 'parDo',
        name: 'Map',
        fn: (value) => [fn(value as I)],
      }),
    );
  },

  /** Any number of outputs per input, from an array or other iterable (Beam: `beam.FlatMap(fn)`). */
  FlatMap<I, O>(fn: (value: I) => Iterable<O>): PTransform<I, O> {
    return transform('FlatMap', (input) =>
      PCollection.withStep<O>(input, {
        kind: 'parDo',
        name: 'FlatMap',
        fn: (value) => {
          const outputs = fn(value as I);
          if (outputs === null || typeof outputs !== 'object' || !(Symbol.iterator in outputs)) {
            throw new TypeError(
              `beam.FlatMap's function must return an array (or another iterable), got ${JSON.stringify(outputs)}.`,
            );
          }
          return outputs;
        },
      }),
    );
  },

  /** Keeps the elements for which `predicate` is true (Beam: `beam.Filter(fn)`). */
  Filter<T>(predicate: (value: T) => boolean): PTransform<T, T> {
    return transform('Filter', (input) =>
      PCollection.withStep<T>(input, {
        kind: 'parDo',
        name: 'Filter',
        fn: (value) => (predicate(value as T) ? [value] : []),
      }),
    );
  },

  /**
   * Assigns each element to a window of its event time. `allowedLatenessMs`: how long after the
   * watermark passes a window's end late data still counts; later data is dropped. Windows fire
   * when the watermark passes their end and again for each late element, accumulating (Beam:
   * `beam.WindowInto(window.FixedWindows(size), trigger=AfterWatermark(late=AfterCount(1)),
   * accumulation_mode=AccumulationMode.ACCUMULATING, allowed_lateness=seconds)`).
   */
  WindowInto<T>(
    windowFn: WindowFn,
    options: { allowedLatenessMs?: number } = {},
  ): PTransform<T, T> {
    const allowedLatenessMs = options.allowedLatenessMs ?? 0;
    if (typeof windowFn?.assign !== 'function')
      throw new TypeError('WindowInto takes a window function, e.g. beam.FixedWindows(60_000).');
    if (!(allowedLatenessMs >= 0))
      throw new RangeError(`allowedLatenessMs must be 0 or more, got ${allowedLatenessMs}.`);
    return transform('WindowInto', (input) =>
      PCollection.withStep<T>(input, {
        kind: 'windowInto',
        name: `WindowInto(${windowFn.description})`,
        windowing: { windowFn, allowedLatenessMs },
      }),
    );
  },

  /** Collects the values of each key, per window: [key, value] → [key, values[]] (Beam: `beam.GroupByKey()`). */
  GroupByKey<K, V>(): PTransform<[K, V], [K, V[]]> {
    return transform('GroupByKey', (input) => {
      if (!input.isBounded && input.windowing.windowFn === null) {
        // Beam Python raises the same ValueError at construction: the global window of a stream never ends.
        throw new Error(
          'GroupByKey cannot be applied to an unbounded PCollection with global windowing and a default trigger. ' +
            'A stream has no end, so its one global window would never close: apply beam.WindowInto(...) before grouping.',
        );
      }
      return PCollection.withStep<[K, V[]]>(input, { kind: 'groupByKey', name: 'GroupByKey' });
    });
  },

  /** Combines the values of each key, per window (Beam: `beam.CombinePerKey(fn)`, e.g. `CombinePerKey(sum)`). */
  CombinePerKey<K, V, A>(combine: (values: V[]) => A): PTransform<[K, V], [K, A]> {
    return transform('CombinePerKey', (input) =>
      input
        .apply(beam.GroupByKey<K, V>())
        .apply(beam.Map(([key, values]: [K, V[]]) => [key, combine(values)] as [K, A])),
    );
  },

  /** How often each element occurs, per window: element → [element, count] (Beam: `beam.combiners.Count.PerElement()`). */
  CountPerElement<T>(): PTransform<T, [T, number]> {
    return transform('CountPerElement', (input) =>
      input
        .apply(beam.Map((value: T) => [value, 1] as [T, number]))
        .apply(beam.CombinePerKey<T, number, number>((ones) => ones.length)),
    );
  },

  /**
   * The first `n` values of each key in `compare`'s order (what `values.sort(compare).slice(0, n)`
   * keeps), per window (Beam: `beam.combiners.Top.PerKey(n, key=...)`, which keeps the largest).
   */
  TopPerKey<K, V>(n: number, compare: (a: V, b: V) => number): PTransform<[K, V], [K, V[]]> {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`TopPerKey needs n ≥ 1, got ${n}.`);
    if (typeof compare !== 'function')
      throw new TypeError('TopPerKey needs a compare function, as Array.prototype.sort takes.');
    return transform('TopPerKey', (input) =>
      input.apply(beam.CombinePerKey<K, V, V[]>((values) => [...values].sort(compare).slice(0, n))),
    );
  },
};
