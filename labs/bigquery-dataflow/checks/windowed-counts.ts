import { expect } from '../../kit/expect.ts';
import { randomInt } from '../../kit/seeded-random.ts';
import type { Check, LearnerModules } from '../../kit/types.ts';
import { beam, runPipeline, type PipelineResult, type Window } from '../support/beam.ts';

type Windowed = typeof import('../solution/windowed-counts.ts');
type Counts = Record<string, Record<string, number>>;
const FILE = 'windowed-counts.ts';
const SECOND = 1_000;
const windowedOf = (learner: LearnerModules) =>
  expect.fn<Windowed['windowedCounts']>(learner[FILE], 'windowedCounts', FILE);
const at = (value: string, seconds: number) => beam.TimestampedValue(value, seconds * SECOND);

const clock = (ms: number) =>
  `${Math.floor(ms / 60_000)}:${String((ms % 60_000) / SECOND).padStart(2, '0')}`;
const windowOf = (timestamp: number, size: number): Window => {
  const start = Math.floor(timestamp / size) * size;
  return { start, end: start + size };
};
const label = (window: Window) =>
  Number.isFinite(window.end)
    ? `${clock(window.start)}–${clock(window.end)}`
    : // Beam's own name for it, which reads the same on a Japanese page.
      'GlobalWindow';

/** Window → word → count, keeping the last (most complete) pane of each word in each window. */
function countsByWindow(result: PipelineResult<unknown>): Counts {
  const counts: Counts = {};
  for (const { value, window } of result.output) {
    expect.ok(
      Array.isArray(value) &&
        value.length === 2 &&
        typeof value[0] === 'string' &&
        typeof value[1] === 'number',
      {
        en: 'windowedCounts must emit [word, count] pairs.',
        ja: 'windowedCounts は [単語, 回数] の組を出力する必要があります。',
      },
      { expected: '["push", 2]', actual: value },
    );
    (counts[label(window)] ??= {})[(value as [string, number])[0]] = (value as [string, number])[1];
  }
  return counts;
}

/** The answer, counted with plain loops. */
function expectedCounts(
  events: ReadonlyArray<{ value: string; timestamp: number }>,
  windowMs: number,
): Counts {
  const counts: Counts = {};
  for (const { value, timestamp } of events) {
    const window = (counts[label(windowOf(timestamp, windowMs))] ??= {});
    window[value] = (window[value] ?? 0) + 1;
  }
  return counts;
}

const BATCH = [
  at('push', 5),
  at('lambda', 12),
  at('push', 41),
  at('queue', 58),
  at('lambda', 61),
  at('push', 75),
  at('push', 119),
  at('queue', 130),
  at('queue', 170),
  at('lambda', 179),
  at('push', 200),
];

/** On time but out of order: every element arrives before the watermark passes its window. */
const onTimeStream = () =>
  beam
    .TestStream<string>()
    .advanceWatermarkTo(0)
    .addElements([at('lambda', 12), at('push', 5), at('push', 41)])
    .addElements([at('queue', 28)])
    .advanceWatermarkTo(30 * SECOND)
    .addElements([at('queue', 58), at('lambda', 61), at('push', 45)])
    .advanceWatermarkTo(60 * SECOND)
    .addElements([at('push', 75), at('push', 119), at('lambda', 95)])
    .advanceWatermarkTo(90 * SECOND)
    .addElements([at('queue', 130), at('lambda', 100)])
    .advanceWatermarkToInfinity();
const ON_TIME = [
  at('lambda', 12),
  at('push', 5),
  at('push', 41),
  at('queue', 28),
  at('queue', 58),
  at('lambda', 61),
  at('push', 45),
  at('push', 75),
  at('push', 119),
  at('lambda', 95),
  at('queue', 130),
  at('lambda', 100),
];

/** With one-minute windows and 30 s of allowed lateness: "lambda" at 0:30 is late but allowed, "push" at 0:40 is too late. */
const lateStream = () =>
  beam
    .TestStream<string>()
    .advanceWatermarkTo(0)
    .addElements([at('push', 10), at('lambda', 20), at('push', 50)])
    .addElements([at('push', 70), at('queue', 65)])
    .advanceWatermarkTo(60 * SECOND)
    .addElements([at('lambda', 30)])
    .addElements([at('queue', 130), at('lambda', 125)])
    .advanceWatermarkTo(120 * SECOND)
    .addElements([at('push', 40)])
    .advanceWatermarkToInfinity();
const LATE_KEPT = [
  at('push', 10),
  at('lambda', 20),
  at('push', 50),
  at('push', 70),
  at('queue', 65),
  at('lambda', 30),
  at('queue', 130),
  at('lambda', 125),
];

/**
 * A stream for one-minute windows and `latenessMs` of allowed lateness drawn from the run's seed:
 * "lambda" at 0:30 arrives when the watermark is 1 ms short of 1:00 + lateness (kept, a LATE
 * pane), "queue" at 0:35 when it is exactly there (dropped: the runner drops data once the
 * watermark has passed the window's end by the allowed lateness).
 */
function edgeOfLateness(latenessMs: number) {
  const edge = 60 * SECOND + latenessMs;
  const stream = beam
    .TestStream<string>()
    .advanceWatermarkTo(0)
    .addElements([at('push', 10), at('lambda', 20), at('push', 70)])
    .advanceWatermarkTo(edge - 1)
    .addElements([at('lambda', 30)])
    .advanceWatermarkTo(edge)
    .addElements([at('queue', 35)])
    .advanceWatermarkToInfinity();
  const kept = [at('push', 10), at('lambda', 20), at('push', 70), at('lambda', 30)];
  return { stream, kept };
}

export const windowedCountsChecks: Check[] = [
  {
    id: 'windows.batch-per-window',
    exercise: 4,
    title: {
      en: 'On a batch, each one-minute window’s counts equal a batch run over that window’s data alone',
      ja: 'バッチで、1 分ウィンドウごとの集計が、そのウィンドウのデータだけをバッチ処理した結果と一致する',
    },
    hints: [
      {
        en: 'Counting without windows adds up all of time into one global window.',
        ja: 'ウィンドウなしで数えると、全期間が 1 つのグローバルウィンドウにまとめて数えられます。',
      },
      {
        en: 'Apply beam.WindowInto(beam.FixedWindows(windowMs), …) before counting; every grouping after it is per window.',
        ja: '数える前に beam.WindowInto(beam.FixedWindows(windowMs), …) を適用します。その後のグループ化はすべてウィンドウごとになります。',
      },
    ],
    run(learner) {
      const windowedCounts = windowedOf(learner);
      const minute = 60 * SECOND;
      const whole = countsByWindow(
        runPipeline(beam.CreateTimestamped(BATCH), (words) => windowedCounts(words, minute, 0)),
      );
      expect.deepEqual(whole, expectedCounts(BATCH, minute), {
        en: 'counts per one-minute window, over the whole batch',
        ja: 'バッチ全体での 1 分ウィンドウごとの集計',
      });
      for (const [window, counts] of Object.entries(whole)) {
        const slice = BATCH.filter(
          ({ timestamp }) => label(windowOf(timestamp, minute)) === window,
        );
        const alone = countsByWindow(
          runPipeline(beam.CreateTimestamped(slice), (words) => windowedCounts(words, minute, 0)),
        );
        expect.deepEqual(alone[window], counts, {
          en: `the window ${window}, run as a batch on its own`,
          ja: `ウィンドウ ${window} だけをバッチで処理した結果`,
        });
      }
    },
  },
  {
    id: 'windows.stream-equals-batch',
    exercise: 4,
    title: {
      en: 'On a stream arriving out of order, each 30-second window’s final counts equal the batch counts',
      ja: '順不同で届くストリームで、30 秒ウィンドウごとの最終的な集計がバッチの集計と一致する',
    },
    hints: [
      {
        en: 'If the runner says GroupByKey cannot be applied to an unbounded PCollection, the stream is still in the global window: window it before counting.',
        ja: 'GroupByKey cannot be applied to an unbounded PCollection と言われたら、ストリームがまだグローバルウィンドウのままです。数える前にウィンドウに分けましょう。',
      },
      {
        en: 'Use windowMs and allowedLatenessMs as given: the checks try more than one size.',
        ja: 'windowMs と allowedLatenessMs は渡された値を使います。チェックは複数のサイズで試します。',
      },
    ],
    run(learner) {
      const windowedCounts = windowedOf(learner);
      const size = 30 * SECOND;
      const stream = runPipeline(onTimeStream(), (words) =>
        windowedCounts(words, size, 10 * SECOND),
      );
      const batch = countsByWindow(
        runPipeline(beam.CreateTimestamped(ON_TIME), (words) =>
          windowedCounts(words, size, 10 * SECOND),
        ),
      );
      expect.deepEqual(batch, expectedCounts(ON_TIME, size), {
        en: 'batch counts per 30-second window',
        ja: '30 秒ウィンドウごとのバッチ集計',
      });
      expect.deepEqual(countsByWindow(stream), batch, {
        en: 'final stream counts per 30-second window',
        ja: '30 秒ウィンドウごとのストリームの最終集計',
      });
      expect.equal(stream.droppedDueToLateness, 0, {
        en: 'records dropped as too late (none arrived late)',
        ja: '遅すぎて破棄されたレコード数(遅れて届いたものはない)',
      });
    },
  },
  {
    id: 'windows.late-data',
    exercise: 4,
    title: {
      en: 'Late data within the allowed lateness updates its window; later data is dropped and counted',
      ja: '許容遅延内の遅延データはウィンドウを更新し、それより遅いデータは破棄して数える',
    },
    hints: [
      {
        en: 'The runner drops data that arrives after the watermark has passed its window by more than the allowed lateness, which is 0 unless you set it.',
        ja: 'ランナーは、ウォーターマークがウィンドウの終わりを許容遅延より長く過ぎてから届いたデータを破棄します。許容遅延は設定しなければ 0 です。',
      },
      {
        en: 'Pass allowedLatenessMs to WindowInto’s options: { allowedLatenessMs }.',
        ja: 'allowedLatenessMs を WindowInto のオプション { allowedLatenessMs } に渡しましょう。',
      },
    ],
    run(learner, { random }) {
      const result = runPipeline(lateStream(), (words) =>
        windowedOf(learner)(words, 60 * SECOND, 30 * SECOND),
      );
      expect.equal(result.droppedDueToLateness, 1, {
        en: 'records dropped as too late ("push" at 0:40 arrived when the watermark was at 2:00)',
        ja: '遅すぎて破棄されたレコード数(0:40 の "push" はウォーターマークが 2:00 のときに到着)',
      });
      expect.deepEqual(countsByWindow(result), expectedCounts(LATE_KEPT, 60 * SECOND), {
        en: 'final counts per window, counting "lambda" at 0:30 (it arrived after its window closed, but within the allowed lateness)',
        ja: 'ウィンドウごとの最終集計(0:30 の "lambda" はウィンドウが閉じた後に届いたが、許容遅延内なので数える)',
      });
      const latePane = result.output.find(
        ({ value, pane }) => pane?.timing === 'LATE' && (value as [string, number])[0] === 'lambda',
      );
      expect.ok(latePane, {
        en: 'The late "lambda" must update its window in a LATE pane, after the on-time one.',
        ja: '遅れて届いた "lambda" は、定刻のペインの後に LATE ペインでウィンドウを更新する必要があります。',
      });
      const latenessMs = randomInt(random, 1, 5) * 10 * SECOND + randomInt(random, 0, 999);
      const edge = edgeOfLateness(latenessMs);
      const atEdge = runPipeline(edge.stream, (words) =>
        windowedOf(learner)(words, 60 * SECOND, latenessMs),
      );
      const lateness = `${latenessMs / SECOND} s`;
      expect.deepEqual(
        { dropped: atEdge.droppedDueToLateness, counts: countsByWindow(atEdge) },
        { dropped: 1, counts: expectedCounts(edge.kept, 60 * SECOND) },
        {
          en: `with ${lateness} of allowed lateness: "lambda" at 0:30 arriving 1 ms before the watermark reaches 1:00 + ${lateness} (kept), "queue" at 0:35 arriving when it does (dropped)`,
          ja: `許容遅延 ${lateness} のとき: ウォーターマークが 1:00 + ${lateness} に届く 1 ms 前に来た 0:30 の "lambda"(数える)と、ちょうど届いたときに来た 0:35 の "queue"(破棄する)`,
        },
        { hint: 2 },
      );
    },
  },
];
