import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  beam,
  compareCodePoints,
  runPipeline,
  type PCollection,
} from '../../../labs/bigquery-dataflow/support/beam.ts';
import {
  MINIMUM_BILLED_BYTES_PER_TABLE,
  bytesBilledFor,
} from '../../../labs/bigquery-dataflow/support/bigquery-pricing.ts';
import {
  ColumnarTable,
  countDistinct,
  sum,
} from '../../../labs/bigquery-dataflow/support/columnar-table.ts';
import { sampleEvents } from '../../../labs/bigquery-dataflow/support/sample-events.ts';

const MIB = 2 ** 20;

describe('the columnar table', () => {
  const events = sampleEvents();
  const tiny = () =>
    new ColumnarTable(
      'shops',
      { id: 'INT64', city: 'STRING', open: 'BOOL', note: 'STRING' },
      {
        id: [1, 2, 3],
        city: ['東京', 'Osaka', '東京'],
        open: [true, false, true],
        note: [null, '🚀', null],
      },
    );

  it('counts only the columns a query references, whole, whatever its filter or LIMIT', () => {
    const narrow = events.query({ select: ['user_id'], where: [['user_id', '=', 1]], limit: 1 });
    assert.equal(narrow.totalBytesProcessed, events.columnBytes('user_id'));
    assert.equal(events.columnBytes('user_id'), events.numRows * 8);
  });

  it("reads every column for select: ['*']", () => {
    const all = events.dryRun({ select: ['*'] });
    const total = events.columnNames.reduce(
      (bytes, column) => bytes + events.columnBytes(column),
      0,
    );
    assert.equal(all.totalBytesProcessed, total);
  });

  it('counts a column named only in where, groupBy or orderBy', () => {
    const job = events.dryRun({
      select: [sum('amount_yen')],
      where: [['is_refund', '=', false]],
      groupBy: ['city'],
    });
    assert.equal(
      job.totalBytesProcessed,
      events.columnBytes('amount_yen') +
        events.columnBytes('is_refund') +
        events.columnBytes('city'),
    );
    const sorted = events.dryRun({ select: ['event_id'], orderBy: [['event_time', 'desc']] });
    assert.equal(
      sorted.totalBytesProcessed,
      events.columnBytes('event_id') + events.columnBytes('event_time'),
    );
  });

  it('sizes values by data type: INT64 8 bytes, BOOL 1, STRING 2 plus its UTF-8 length, NULL 0', () => {
    const shops = tiny();
    assert.equal(shops.columnBytes('id'), 3 * 8);
    assert.equal(shops.columnBytes('open'), 3 * 1);
    assert.equal(shops.columnBytes('city'), 2 + 6 + (2 + 5) + (2 + 6));
    assert.equal(shops.columnBytes('note'), 0 + (2 + 4) + 0);
  });

  it('bills at least 10 MiB per table referenced, rounding up to whole MiB', () => {
    assert.equal(MINIMUM_BILLED_BYTES_PER_TABLE, 10_485_760);
    assert.equal(bytesBilledFor(0), 10 * MIB);
    assert.equal(bytesBilledFor(10 * MIB + 1), 11 * MIB);
    assert.equal(tiny().query({ select: ['id'] }).totalBytesBilled, 10 * MIB);
    const wide = events.dryRun({ select: ['*'] });
    assert.equal(wide.totalBytesBilled, Math.ceil(wide.totalBytesProcessed / MIB) * MIB);
  });

  it('answers grouped and filtered queries as SQL does, ignoring NULL', () => {
    const shops = tiny();
    assert.deepEqual(
      shops.query({
        select: ['city', sum('id', 'ids')],
        groupBy: ['city'],
        orderBy: [['ids', 'desc']],
      }).rows,
      [
        { city: '東京', ids: 4 },
        { city: 'Osaka', ids: 2 },
      ],
    );
    assert.deepEqual(shops.query({ select: [countDistinct('note', 'notes')] }).rows, [
      { notes: 1 },
    ]);
    assert.deepEqual(shops.query({ select: ['id'], where: [['note', '!=', 'x']] }).rows, [
      { id: 2 },
    ]);
  });

  it('rejects a name the table does not have, and a column neither grouped nor aggregated', () => {
    assert.throws(
      () => tiny().query({ select: ['town'] }),
      /Unrecognized name: town \(in select\)\. Columns of shops: id, city, open, note\./,
    );
    assert.throws(
      () => tiny().query({ select: ['city', 'id'], groupBy: ['city'] }),
      /references column id which is neither grouped nor aggregated/,
    );
  });

  it('keeps every query in its job history, dry runs marked as such', () => {
    const shops = tiny();
    shops.dryRun({ select: ['city'] });
    shops.query({ select: ['id'] });
    assert.deepEqual(
      shops.jobs.map((job) => [job.dryRun, job.columns]),
      [
        [true, ['city']],
        [false, ['id']],
      ],
    );
  });
});

describe('the Beam model', () => {
  const at = (value: string, seconds: number) => beam.TimestampedValue(value, seconds * 1_000);
  const perMinute = (words: PCollection<string>) =>
    words
      .apply(beam.WindowInto<string>(beam.FixedWindows(60_000), { allowedLatenessMs: 30_000 }))
      .apply(beam.CountPerElement<string>());
  const finalCounts = (
    output: ReadonlyArray<{ value: [string, number]; window: { start: number } }>,
  ) => {
    const counts: Record<string, number> = {};
    for (const { value, window } of output)
      counts[`${window.start / 1_000}s ${value[0]}`] = value[1];
    return counts;
  };

  it('groups values by key within each window, never across windows', () => {
    const result = runPipeline(
      beam.CreateTimestamped([at('a', 1), at('a', 2), at('a', 61), at('b', 62)]),
      (words) =>
        words
          .apply(beam.WindowInto<string>(beam.FixedWindows(60_000)))
          .apply(beam.Map((word: string): [string, number] => [word, 1]))
          .apply(beam.GroupByKey<string, number>()),
    );
    assert.deepEqual(
      result.output.map(({ value, window }) => [window.start, value]),
      [
        [0, ['a', [1, 1]]],
        [60_000, ['a', [1]]],
        [60_000, ['b', [1]]],
      ],
    );
  });

  it('gives the same per-window result on a batch and on a stream that arrives out of order', () => {
    const elements = [at('x', 50), at('y', 10), at('x', 70), at('x', 20)];
    const batch = runPipeline(beam.CreateTimestamped(elements), perMinute);
    const stream = runPipeline(
      beam
        .TestStream<string>()
        .addElements(elements)
        .advanceWatermarkTo(60_000)
        .advanceWatermarkToInfinity(),
      perMinute,
    );
    assert.deepEqual(finalCounts(stream.output), finalCounts(batch.output));
    assert.deepEqual(finalCounts(batch.output), { '0s x': 2, '0s y': 1, '60s x': 1 });
  });

  it('drops data later than the allowed lateness, and counts it', () => {
    const stream = beam
      .TestStream<string>()
      .addElements([at('on time', 10)])
      .advanceWatermarkTo(95_000)
      .addElements([at('too late', 20)])
      .advanceWatermarkToInfinity();
    const result = runPipeline(stream, perMinute);
    assert.equal(result.droppedDueToLateness, 1);
    assert.deepEqual(finalCounts(result.output), { '0s on time': 1 });
  });

  it('keeps late data within the allowed lateness and fires a LATE pane with everything so far', () => {
    const stream = beam
      .TestStream<string>()
      .addElements([at('x', 10)])
      .advanceWatermarkTo(60_000)
      .addElements([at('x', 20)])
      .advanceWatermarkTo(89_999)
      .addElements([at('x', 30)])
      .advanceWatermarkToInfinity();
    const result = runPipeline(stream, perMinute);
    assert.equal(result.droppedDueToLateness, 0);
    assert.deepEqual(
      result.output.map(({ value, pane }) => [value, pane]),
      [
        [['x', 1], { timing: 'ON_TIME', index: 0 }],
        [['x', 2], { timing: 'LATE', index: 1 }],
        [['x', 3], { timing: 'LATE', index: 2 }],
      ],
    );
  });

  it('refuses to group an unbounded PCollection in the global window, with Beam’s message', () => {
    const stream = beam.TestStream<string>().addElements([at('x', 1)]);
    assert.throws(
      () => runPipeline(stream, (words) => words.apply(beam.CountPerElement<string>())),
      /^Error: GroupByKey cannot be applied to an unbounded PCollection with global windowing and a default trigger\./,
    );
  });

  it('has no elements to read while a pipeline is being built', () => {
    assert.throws(
      () =>
        runPipeline(beam.Create(['a']), (words) => {
          runPipeline(beam.Create(['b']), (inner) => inner);
          return words;
        }),
      /Cannot run a pipeline while the pipeline is being built/,
    );
    const other = beam.Create(['b']);
    assert.throws(
      () =>
        runPipeline(beam.Create(['a']), (words) => {
          other.events();
          return words;
        }),
      /Cannot read the elements of Create while the pipeline is being built/,
    );
  });

  it('only runs a PCollection built from the pipeline’s own input', () => {
    const elsewhere = { name: 'Elsewhere', isBounded: true, events: () => [] };
    assert.throws(
      () => runPipeline(beam.Create(['a']), () => beam.Create(['b']) as never),
      /must return a PCollection/,
    );
    let stray: PCollection<string> | undefined;
    runPipeline(elsewhere, (input) => (stray = input));
    assert.throws(
      () => runPipeline(beam.Create(['a']), () => stray!),
      /not built from the pipeline's input/,
    );
  });

  it('orders strings by code point, where < and localeCompare do not', () => {
    assert.ok(compareCodePoints('#ﾗｰﾒﾝ', '#𠮷野家') < 0);
    assert.ok('#𠮷野家' < '#ﾗｰﾒﾝ');
    assert.ok(compareCodePoints('Serverless', 'serverless') < 0);
    assert.ok('serverless'.localeCompare('Serverless') < 0);
    assert.equal(compareCodePoints('ab', 'ab'), 0);
    assert.ok(compareCodePoints('ab', 'abc') < 0);
  });
});
