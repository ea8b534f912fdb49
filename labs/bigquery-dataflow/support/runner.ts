import {
  GLOBAL_WINDOW,
  PCollection,
  type Source,
  type SourceEvent,
  type Step,
  type Window,
  type Windowing,
} from './pcollection.ts';

/**
 * The lab's runner: executes a pipeline over a bounded source (a batch: every element, then the
 * watermark jumps to the end of time) or an unbounded one (a stream: elements and watermark
 * moves in arrival order). Both go through the same code, so one pipeline serves both, as in
 * Beam. Each element carries its event time and window; GroupByKey keeps the values of every
 * (window, key) until the watermark passes the window's end, then emits them (an ON_TIME pane).
 * Late data within the allowed lateness fires a LATE pane with everything so far (panes
 * accumulate); data later than that is dropped and counted. Panes accumulate all the way down,
 * so a second GroupByKey sees a late pane on top of the on-time one, as it would in Beam.
 */

export interface Pane {
  readonly timing: 'ON_TIME' | 'LATE';
  /** 0 for a window's first pane for that key, then 1, 2… */
  readonly index: number;
}

export interface WindowedValue<T> {
  readonly value: T;
  /** Event time in ms; a GroupByKey output carries its window's last millisecond. */
  readonly timestamp: number;
  readonly window: Window;
  /** Set on what a GroupByKey emitted (and on what was computed from it). */
  readonly pane?: Pane;
}

export interface PipelineResult<T> {
  /** Everything the last step emitted, in order. The last pane of a (window, key) is its most complete. */
  readonly output: ReadonlyArray<WindowedValue<T>>;
  /** Elements a GroupByKey dropped because the watermark had passed their window's end by more than the allowed lateness. */
  readonly droppedDueToLateness: number;
  /** The watermark when the input ran out: Infinity for a batch or a finished stream. */
  readonly watermark: number;
}

let phase: 'idle' | 'building' | 'running' = 'idle';

/** PCollections hold no elements while a pipeline is built, and a step sees one element at a time. */
export function assertOutsidePipeline(action: string): void {
  if (phase === 'building') {
    throw new Error(
      `Cannot ${action} while the pipeline is being built: PCollections have no elements yet. ` +
        'Return a PCollection made with apply(...); the runner runs the whole pipeline afterwards.',
    );
  }
  if (phase === 'running')
    throw new Error(`Cannot ${action} inside a pipeline step: a step sees one element at a time.`);
}

/** Builds the pipeline `build` describes on top of `source`, then runs it. */
export function runPipeline<I, O>(
  source: Source<I>,
  build: (input: PCollection<I>) => PCollection<O>,
): PipelineResult<O> {
  assertOutsidePipeline('run a pipeline');
  const input = PCollection.from(source);
  let output: unknown;
  phase = 'building';
  try {
    output = build(input);
  } finally {
    phase = 'idle';
  }
  if (!(output instanceof PCollection)) {
    throw new TypeError(
      `A pipeline must return a PCollection made from its input with apply(...), got ${describe(output)}.`,
    );
  }
  const { source: root, steps } = PCollection.plan(output);
  if (root !== source)
    throw new Error(
      "The PCollection returned was not built from the pipeline's input: start from the PCollection you were given.",
    );
  const events = source.events();
  phase = 'running';
  try {
    return execute(events, steps) as PipelineResult<O>;
  } finally {
    phase = 'idle';
  }
}

interface Element {
  value: unknown;
  timestamp: number;
  window: Window;
  pane?: Pane;
}

interface Stage {
  push(element: Element): void;
  advance(watermark: number): void;
}

function execute(
  events: readonly SourceEvent<unknown>[],
  steps: readonly Step[],
): PipelineResult<unknown> {
  const output: Element[] = [];
  const counters = { droppedDueToLateness: 0 };
  let windowing: Windowing = { windowFn: null, allowedLatenessMs: 0 };
  const planned = steps.map((step) => {
    if (step.kind === 'windowInto') windowing = step.windowing;
    return { step, windowing };
  });
  let first: Stage = { push: (element) => output.push(element), advance: () => {} };
  for (const { step, windowing: current } of planned.reverse())
    first = stageFor(step, current, first, counters);

  let watermark = -Infinity;
  for (const event of events) {
    if (event.kind === 'element')
      first.push({ value: event.value, timestamp: event.timestamp, window: GLOBAL_WINDOW });
    else if (event.to > watermark) {
      watermark = event.to;
      first.advance(watermark);
    }
  }
  return { output, droppedDueToLateness: counters.droppedDueToLateness, watermark };
}

function stageFor(
  step: Step,
  windowing: Windowing,
  next: Stage,
  counters: { droppedDueToLateness: number },
): Stage {
  if (step.kind === 'parDo') {
    return {
      push(element) {
        for (const value of step.fn(element.value)) next.push({ ...element, value });
      },
      advance: (watermark) => next.advance(watermark),
    };
  }
  if (step.kind === 'windowInto') {
    return {
      push(element) {
        if (!Number.isFinite(element.timestamp)) {
          throw new Error(
            `WindowInto needs event times, and ${describe(element.value)} has none: ` +
              'create timestamped input with beam.CreateTimestamped or beam.TestStream.',
          );
        }
        next.push({ ...element, window: step.windowing.windowFn!.assign(element.timestamp) });
      },
      advance: (watermark) => next.advance(watermark),
    };
  }
  return groupByKey(windowing.allowedLatenessMs, next, counters);
}

interface WindowState {
  window: Window;
  groups: Map<string, { key: unknown; values: unknown[]; panes: number }>;
  /** Whether the watermark has passed the window's end (its on-time pane is behind it). */
  closed: boolean;
}

function groupByKey(
  allowedLatenessMs: number,
  next: Stage,
  counters: { droppedDueToLateness: number },
): Stage {
  const windows = new Map<string, WindowState>();
  let watermark = -Infinity;
  const fire = (
    state: WindowState,
    group: { key: unknown; values: unknown[]; panes: number },
    timing: Pane['timing'],
  ) =>
    next.push({
      value: [group.key, [...group.values]],
      timestamp: state.window.end - 1,
      window: state.window,
      pane: { timing, index: group.panes++ },
    });

  return {
    push({ value: pair, window }) {
      if (!Array.isArray(pair) || pair.length !== 2)
        throw new TypeError(`GroupByKey takes [key, value] pairs, got ${describe(pair)}.`);
      const late = window.end <= watermark;
      if (late && window.end + allowedLatenessMs <= watermark) {
        counters.droppedDueToLateness++;
        return;
      }
      const windowId = `${window.start}/${window.end}`;
      const state = windows.get(windowId) ?? { window, groups: new Map(), closed: late };
      windows.set(windowId, state);
      const keyId = JSON.stringify(pair[0]);
      if (keyId === undefined)
        throw new TypeError(`GroupByKey needs keys it can compare, got ${describe(pair[0])}.`);
      const group = state.groups.get(keyId) ?? { key: pair[0], values: [], panes: 0 };
      state.groups.set(keyId, group);
      group.values.push(pair[1]);
      if (late) fire(state, group, 'LATE');
    },
    advance(to) {
      watermark = to;
      const byStart = [...windows].sort(([, a], [, b]) => a.window.start - b.window.start);
      for (const [id, state] of byStart) {
        if (!state.closed && state.window.end <= to) {
          state.closed = true;
          for (const group of state.groups.values()) fire(state, group, 'ON_TIME');
        }
        if (state.window.end + allowedLatenessMs <= to) windows.delete(id);
      }
      next.advance(to);
    },
  };
}

function describe(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
