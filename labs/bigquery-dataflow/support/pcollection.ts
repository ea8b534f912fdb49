/**
 * The core of the lab's teaching model of the Apache Beam programming model (the model Cloud
 * Dataflow runs). A PCollection is not an array: it is a step in a pipeline that has not run yet.
 * You cannot read or loop over its elements; you can only apply transforms to get new
 * PCollections, and a runner (runner.ts) executes the whole graph later, over a batch or a stream.
 * A model for learning, not Beam: beam.ts lists the Beam Python equivalent of each transform.
 */

/** An event-time interval [start, end) in ms; the global window spans all of time. */
export interface Window {
  readonly start: number;
  readonly end: number;
}
export const GLOBAL_WINDOW: Window = Object.freeze({ start: -Infinity, end: Infinity });

/** Assigns each event time to a window (Beam: a WindowFn such as FixedWindows). */
export interface WindowFn {
  readonly description: string;
  assign(timestamp: number): Window;
}

export interface Windowing {
  /** `null`: the global window, Beam's default. */
  readonly windowFn: WindowFn | null;
  /** How long after the watermark passes a window's end its late data is still accepted. */
  readonly allowedLatenessMs: number;
}

/** One element of a source: a value with its event time (ms), or "the watermark moved to t". */
export type SourceEvent<T> =
  { kind: 'element'; value: T; timestamp: number } | { kind: 'watermark'; to: number };

export interface Source<T> {
  readonly name: string;
  /** Bounded: a batch with a known end. Unbounded: a stream. */
  readonly isBounded: boolean;
  /** The events in arrival order; only the runner reads them, and only outside a running pipeline. */
  events(): readonly SourceEvent<T>[];
}

/** The primitive steps the runner knows; every other transform is built from them. */
export type Step =
  | { kind: 'parDo'; name: string; fn: (value: unknown) => Iterable<unknown> }
  | { kind: 'windowInto'; name: string; windowing: Windowing }
  | { kind: 'groupByKey'; name: string };

/** A transform from PCollection<I> to PCollection<O> (Beam: a PTransform and its `expand`). */
export interface PTransform<I, O> {
  readonly name: string;
  expand(input: PCollection<I>): PCollection<O>;
}

export class PCollection<T> {
  readonly #source: Source<unknown>;
  readonly #steps: readonly Step[];
  readonly windowing: Windowing;

  private constructor(source: Source<unknown>, steps: readonly Step[], windowing: Windowing) {
    this.#source = source;
    this.#steps = steps;
    this.windowing = windowing;
  }

  /** The input of a pipeline: every element of `source`, in the global window. */
  static from<T>(source: Source<T>): PCollection<T> {
    return new PCollection<T>(source, [], { windowFn: null, allowedLatenessMs: 0 });
  }

  /** Appends a primitive step; transforms in beam.ts use it, pipelines use `apply`. */
  static withStep<O>(input: PCollection<unknown>, step: Step): PCollection<O> {
    const windowing = step.kind === 'windowInto' ? step.windowing : input.windowing;
    return new PCollection<O>(input.#source, [...input.#steps, step], windowing);
  }

  /** What the runner executes: the source and the steps from it to this collection. */
  static plan(collection: PCollection<unknown>): {
    source: Source<unknown>;
    steps: readonly Step[];
  } {
    return { source: collection.#source, steps: collection.#steps };
  }

  /** A stream never ends; a batch does. */
  get isBounded(): boolean {
    return this.#source.isBounded;
  }

  /** Beam Python: `pcoll | transform`. Returns a new PCollection; this one is unchanged. */
  apply<O>(transform: PTransform<T, O>): PCollection<O> {
    if (typeof transform?.expand !== 'function') {
      throw new TypeError(
        `apply() takes a transform such as beam.Map(fn) or beam.CountPerElement(), got ${String(transform)}.`,
      );
    }
    const output = transform.expand(this);
    if (!(output instanceof PCollection))
      throw new TypeError(`The transform ${transform.name} must return a PCollection.`);
    return output;
  }

  toString(): string {
    const steps = this.#steps.map((step) => step.name).join(' → ');
    return `PCollection(${this.#source.name}${steps ? ' → ' + steps : ''})`;
  }
}
