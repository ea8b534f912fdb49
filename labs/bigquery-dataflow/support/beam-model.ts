/**
 * A teaching model of the Apache Beam programming model (the model Cloud Dataflow runs): an
 * immutable PCollection you transform, never loop over, with event-time timestamps and fixed
 * windows. Real Beam distributes this work over many machines; this model runs it in memory so
 * the same pipeline can be checked on batch and on streaming input. It is a model for learning,
 * not Beam: the lab page shows the equivalent Beam Python next to each step.
 */
export interface Element<T> {
  value: T;
  /** Event time, ms. */
  timestamp: number;
  /** Start of the element's window; every element of a bounded input without windowing shares one. */
  window: number;
}

const GLOBAL_WINDOW = -Infinity;

export class PCollection<T> {
  readonly #elements: ReadonlyArray<Element<T>>;
  /** Records that arrived after the watermark passed their window by more than the allowed lateness. */
  readonly droppedLate: number;

  private constructor(elements: ReadonlyArray<Element<T>>, droppedLate = 0) {
    this.#elements = elements;
    this.droppedLate = droppedLate;
  }

  /** Bounded input (a batch): values with optional event times. */
  static of<T>(values: T[], timestamps?: number[]): PCollection<T> {
    return new PCollection(values.map((value, index) => ({ value, timestamp: timestamps?.[index] ?? 0, window: GLOBAL_WINDOW })));
  }

  /**
   * Unbounded input (a stream) read in arrival order. The watermark is the latest event time
   * seen; a record whose window ended more than `allowedLatenessMs` before the watermark is
   * dropped and counted, as Beam drops data later than the allowed lateness.
   */
  static fromStream<T>(records: Array<{ value: T; eventTime: number }>, windowMs: number, allowedLatenessMs: number): PCollection<T> {
    let watermark = -Infinity;
    let dropped = 0;
    const kept: Element<T>[] = [];
    for (const record of records) {
      const window = Math.floor(record.eventTime / windowMs) * windowMs;
      if (window + windowMs + allowedLatenessMs <= watermark) {
        dropped += 1;
        continue;
      }
      watermark = Math.max(watermark, record.eventTime);
      kept.push({ value: record.value, timestamp: record.eventTime, window: GLOBAL_WINDOW });
    }
    return new PCollection(kept, dropped);
  }

  /** ParDo with one output per input (Beam: `beam.Map`). */
  map<U>(fn: (value: T) => U): PCollection<U> {
    return new PCollection(this.#elements.map((element) => ({ ...element, value: fn(element.value) })), this.droppedLate);
  }

  /** ParDo with any number of outputs per input (Beam: `beam.FlatMap`). */
  flatMap<U>(fn: (value: T) => U[]): PCollection<U> {
    return new PCollection(
      this.#elements.flatMap((element) => fn(element.value).map((value) => ({ ...element, value }))),
      this.droppedLate,
    );
  }

  /** Assigns each element to the fixed window its event time falls in (Beam: `beam.WindowInto(FixedWindows(size))`). */
  windowInto(fixedWindowMs: number): PCollection<T> {
    return new PCollection(
      this.#elements.map((element) => ({ ...element, window: Math.floor(element.timestamp / fixedWindowMs) * fixedWindowMs })),
      this.droppedLate,
    );
  }

  /** The elements, for checks and for printing; a pipeline step should transform, not read them. */
  static materialize<T>(collection: PCollection<T>): Array<Element<T>> {
    return [...collection.#elements];
  }

  /** Internal: builds a collection from grouped results (used by the transforms below). */
  static fromElements<T>(elements: Array<Element<T>>, droppedLate: number): PCollection<T> {
    return new PCollection(elements, droppedLate);
  }
}

/** Groups values by key within each window (Beam: `beam.GroupByKey()`); groups come out sorted by window, then key. */
export function groupByKey<K extends string | number, V>(input: PCollection<[K, V]>): PCollection<[K, V[]]> {
  const groups = new Map<string, { window: number; key: K; values: V[]; timestamp: number }>();
  for (const element of PCollection.materialize(input)) {
    const [key, value] = element.value;
    const id = `${element.window}\u0000${String(key)}`;
    const group = groups.get(id) ?? { window: element.window, key, values: [], timestamp: element.timestamp };
    group.values.push(value);
    group.timestamp = Math.max(group.timestamp, element.timestamp);
    groups.set(id, group);
  }
  const sorted = [...groups.values()].sort((a, b) => a.window - b.window || (String(a.key) < String(b.key) ? -1 : String(a.key) > String(b.key) ? 1 : 0));
  return PCollection.fromElements(
    sorted.map((group) => ({ value: [group.key, group.values] as [K, V[]], timestamp: group.timestamp, window: group.window })),
    input.droppedLate,
  );
}

/** Combines each key's values within each window (Beam: `beam.CombinePerKey(fn)`). */
export function combinePerKey<K extends string | number, V, A>(input: PCollection<[K, V]>, combine: (values: V[]) => A): PCollection<[K, A]> {
  return groupByKey(input).map(([key, values]) => [key, combine(values)] as [K, A]);
}

/** How many times each element occurs, within each window (Beam: `beam.combiners.Count.PerElement()`). */
export function countPerElement<T extends string | number>(input: PCollection<T>): PCollection<[T, number]> {
  return combinePerKey(
    input.map((value) => [value, 1] as [T, number]),
    (ones) => ones.length,
  );
}

/** The `n` largest values per key by `compare` (Beam: `beam.combiners.Top.PerKey(n, key=…)`). */
export function topPerKey<K extends string | number, V>(input: PCollection<[K, V]>, n: number, compare: (a: V, b: V) => number): PCollection<[K, V[]]> {
  return combinePerKey(input, (values) => [...values].sort((a, b) => compare(b, a)).slice(0, n));
}
