import { expect } from '../../kit/expect.ts';
import type { Check, LearnerModules } from '../../kit/types.ts';
import { PCollection } from '../support/beam-model.ts';

type Windowed = typeof import('../solution/windowed-counts.ts');
const FILE = 'windowed-counts.ts';
const MINUTE = 60_000;
const windowedOf = (learner: LearnerModules) => expect.fn<Windowed['windowedCounts']>(learner[FILE], 'windowedCounts', FILE);

/** Events over 5 minutes of event time; the stream delivers some a little out of order. */
const events = [
  { value: 'push', eventTime: 10_000 },
  { value: 'lambda', eventTime: 20_000 },
  { value: 'push', eventTime: 70_000 },
  { value: 'push', eventTime: 50_000 },
  { value: 'queue', eventTime: 130_000 },
  { value: 'lambda', eventTime: 125_000 },
  { value: 'push', eventTime: 190_000 },
  { value: 'queue', eventTime: 240_000 },
  { value: 'push', eventTime: 290_000 },
  { value: 'lambda', eventTime: 30_000 },
];

/** Window start → word → count, as the model's collection holds them. */
function table(result: unknown, what: string): Record<string, Record<string, number>> {
  expect.ok(result instanceof PCollection, { en: `${what} must return a PCollection.`, ja: `${what} は PCollection を返す必要があります。` }, { actual: result });
  const counts: Record<string, Record<string, number>> = {};
  for (const element of PCollection.materialize(result as PCollection<[string, number]>)) {
    const window = Number.isFinite(element.window) ? `${element.window / MINUTE} min` : 'no window';
    (counts[window] ??= {})[element.value[0]] = element.value[1];
  }
  return counts;
}

export const windowedCountsChecks: Check[] = [
  {
    id: 'windows.stream-equals-batch',
    exercise: 4,
    title: { en: 'Per one-minute window, the stream’s counts equal the batch counts of that window', ja: '1 分のウィンドウごとに、ストリームの集計がそのウィンドウのバッチ集計と一致する' },
    hints: [
      { en: 'Counting without windows adds up all of time; a stream never has "all of time".', ja: 'ウィンドウなしで数えると全期間の合計になります。ストリームに「全期間」はありません。' },
      { en: 'Assign fixed windows of event time before counting: words.windowInto(windowMs).', ja: '数える前に、イベント時刻の固定ウィンドウを割り当てます: words.windowInto(windowMs)。' },
    ],
    run(learner) {
      const windowed = windowedOf(learner);
      const batch = table(windowed(PCollection.of(events.map((event) => event.value), events.map((event) => event.eventTime)), MINUTE), 'windowedCounts');
      const stream = table(windowed(PCollection.fromStream(events, MINUTE, 5 * MINUTE), MINUTE), 'windowedCounts');
      expect.deepEqual(
        batch,
        { '0 min': { lambda: 2, push: 2 }, '1 min': { push: 1 }, '2 min': { lambda: 1, queue: 1 }, '3 min': { push: 1 }, '4 min': { push: 1, queue: 1 } },
        { en: 'batch counts per window', ja: 'ウィンドウごとのバッチ集計' },
      );
      expect.deepEqual(stream, batch, { en: 'stream counts per window (on-time data)', ja: 'ウィンドウごとのストリーム集計(遅延なし)' });
    },
  },
  {
    id: 'windows.late-data-dropped',
    exercise: 4,
    title: { en: 'Data later than the allowed lateness is dropped and counted, not added to a closed window', ja: '許容遅延を超えたデータは閉じたウィンドウに加えず、破棄して数える' },
    hints: [{ en: 'The stream source drops it; your pipeline only has to keep windows apart and carry the collection through.', ja: '破棄はストリームのソースが行います。パイプラインはウィンドウを分けたまま、コレクションを最後まで引き継げば十分です。' }],
    run(learner) {
      const late = [...events, { value: 'push', eventTime: 5_000 }];
      const result = windowedOf(learner)(PCollection.fromStream(late, MINUTE, 30_000), MINUTE);
      // Both the extra "push" at 0:05 and the "lambda" at 0:30 arrive after 4:50: past the 30-second lateness.
      expect.equal((result as PCollection<unknown>)?.droppedLate, 2, { en: 'records dropped as too late', ja: '遅すぎて破棄されたレコード数' });
      expect.deepEqual(table(result, 'windowedCounts')['0 min'], { lambda: 1, push: 2 }, {
        en: 'counts of the first window (the late "push" and "lambda" arrived after it closed)',
        ja: '最初のウィンドウの集計(遅れて届いた "push" と "lambda" はウィンドウが閉じた後)',
      });
    },
  },
];
