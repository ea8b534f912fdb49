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
import { ColumnarTable } from '../../../labs/bigquery-dataflow/support/columnar-table.ts';
import { sampleEvents } from '../../../labs/bigquery-dataflow/support/sample-events.ts';
import { sqlEngine } from '../../../labs/bigquery-dataflow/support/sql-engine.ts';
import { isSqlError } from '../../../labs/bigquery-dataflow/support/sql-error.ts';

const MIB = 2 ** 20;

describe('the columnar table', async () => {
  const events = await sampleEvents();
  const engine = await sqlEngine();
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
      engine,
    );
  /** The English message of the SqlError `run` throws. */
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (isSqlError(error)) return error.text.en;
      throw error;
    }
    return 'no error';
  };

  it('counts only the columns a query references, whole, whatever its filter or LIMIT', () => {
    const narrow = events.query('SELECT user_id FROM events WHERE user_id = 1 LIMIT 1');
    assert.equal(narrow.totalBytesProcessed, events.columnBytes('user_id'));
    assert.equal(events.columnBytes('user_id'), events.numRows * 8);
    assert.deepEqual(narrow.rows, [{ user_id: 1 }]);
  });

  it('reads every column for SELECT *, and hands every value back as stored', () => {
    const all = events.query('SELECT * FROM events WHERE event_id = 3');
    const total = events.columnNames.reduce(
      (bytes, column) => bytes + events.columnBytes(column),
      0,
    );
    assert.equal(all.totalBytesProcessed, total);
    assert.deepEqual(Object.keys(all.rows[0]), events.columnNames);
    assert.equal(typeof all.rows[0].is_refund, 'boolean');
    assert.match(String(all.rows[0].payload), /^\{"event_id":3,/);
  });

  it('counts a column named only in WHERE, GROUP BY or ORDER BY', () => {
    const job = events.dryRun(
      'SELECT SUM(amount_yen) AS revenue FROM events WHERE NOT is_refund GROUP BY city',
    );
    assert.equal(
      job.totalBytesProcessed,
      events.columnBytes('amount_yen') +
        events.columnBytes('is_refund') +
        events.columnBytes('city'),
    );
    const sorted = events.dryRun('SELECT event_id FROM events ORDER BY event_time DESC');
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
    assert.equal(tiny().query('SELECT id FROM shops').totalBytesBilled, 10 * MIB);
    const wide = events.query('SELECT payload FROM events LIMIT 1');
    assert.ok(wide.totalBytesProcessed > 10 * MIB);
    assert.equal(wide.totalBytesBilled, Math.ceil(wide.totalBytesProcessed / MIB) * MIB);
  });

  it('a dry run reports the bytes it would process and bills nothing, as BigQuery’s does', () => {
    const estimate = events.dryRun('SELECT payload FROM events');
    assert.deepEqual(Object.keys(estimate), ['totalBytesProcessed']);
    assert.equal(
      estimate.totalBytesProcessed,
      events.query('SELECT payload FROM events LIMIT 1').totalBytesProcessed,
    );
  });

  it('answers grouped and filtered queries as BigQuery does, ignoring NULL', () => {
    const shops = tiny();
    assert.deepEqual(
      shops.query('SELECT city, SUM(id) AS ids FROM shops GROUP BY city ORDER BY ids DESC').rows,
      [
        { city: '東京', ids: 4 },
        { city: 'Osaka', ids: 2 },
      ],
    );
    assert.deepEqual(shops.query('SELECT COUNT(DISTINCT note) AS notes FROM shops').rows, [
      { notes: 1 },
    ]);
    assert.deepEqual(shops.query("SELECT id FROM shops WHERE note != 'x'").rows, [{ id: 2 }]);
    assert.deepEqual(shops.query('SELECT id, open FROM shops WHERE NOT open').rows, [
      { id: 2, open: false },
    ]);
  });

  it('names a result column without an alias f0_, f1_, … as BigQuery does', () => {
    assert.deepEqual(
      tiny().query('SELECT city, COUNT(*), MAX(id) FROM shops GROUP BY city ORDER BY city DESC')
        .rows[0],
      {
        city: '東京',
        f0_: 2,
        f1_: 3,
      },
    );
  });

  it('refuses what BigQuery refuses, in its words and with the place in the query', () => {
    assert.equal(
      refusal(() => tiny().query('SELECT town FROM shops')),
      'Unrecognized name: town at [1:8]',
    );
    assert.equal(
      refusal(() => tiny().query('SELECT\n  citty\nFROM shops')),
      'Unrecognized name: citty; Did you mean city? at [2:3]',
    );
    assert.equal(
      refusal(() => tiny().query('SELECT city, id FROM shops GROUP BY city')),
      'SELECT list expression references column id which is neither grouped nor aggregated at [1:14]',
    );
    assert.equal(
      refusal(() => tiny().query('SELECT city,\n  SUM(id AS ids\nFROM shops')),
      'Syntax error: Unexpected "AS" at [2:10]',
    );
    assert.equal(
      refusal(() => tiny().query('SELECT id FROM stores')),
      'Not found: Table stores. The lab has one table: write FROM shops. at [1:16]',
    );
  });

  it('refuses, naming it, a construct its engine would run differently from BigQuery', () => {
    for (const [sql, construct] of [
      ['SELECT * EXCEPT (note) FROM shops', 'SELECT * EXCEPT'],
      ['SELECT UPPER(city) AS c FROM shops', 'UPPER()'],
      ['SELECT id FROM shops WHERE city = "Osaka"', 'a string in double quotes'],
      ['SELECT id FROM shops JOIN other ON id = other.id', 'JOIN'],
      ['WITH s AS (SELECT id FROM shops) SELECT id FROM s', 'WITH (a common table expression)'],
      ['SELECT SUM(id) OVER () AS total FROM shops', 'SUM() OVER (a window function)'],
      ["SELECT id FROM shops WHERE id > TIMESTAMP '2017-06-01'", 'a TIMESTAMP literal'],
    ]) {
      assert.match(
        refusal(() => tiny().query(sql)),
        new RegExp(`^The lab’s engine does not run ${construct.replace(/[()*]/g, '\\$&')}[:.]`),
        sql,
      );
    }
  });

  it('keeps every query in its job history, dry runs marked as such', () => {
    const shops = tiny();
    shops.dryRun('SELECT city FROM shops');
    shops.query('SELECT id FROM shops LIMIT 1');
    shops.query('SELECT * FROM shops');
    assert.deepEqual(
      shops.jobs.map((job) => [job.dryRun, job.columns, job.star, job.limit]),
      [
        [true, ['city'], false, false],
        [false, ['id'], false, true],
        [false, ['id', 'city', 'open', 'note'], true, false],
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
