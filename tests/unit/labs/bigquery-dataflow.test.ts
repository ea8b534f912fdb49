import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PCollection, countPerElement, groupByKey } from '../../../labs/bigquery-dataflow/support/beam-model.ts';
import { MINIMUM_BYTES_PER_TABLE, sampleEvents } from '../../../labs/bigquery-dataflow/support/columnar-table.ts';

describe('the columnar table', () => {
  const table = sampleEvents();

  it('counts only the columns a query references, whatever the filter', () => {
    const narrow = table.query({ columns: ['user_id'], where: (row) => row.user_id === 1 });
    assert.equal(narrow.bytesProcessed, table.columnBytes('user_id'));
    assert.equal(table.columnBytes('user_id'), 20_000 * 8);
  });

  it('bills at least the per-table minimum', () => {
    const small = table.query({ columns: ['is_refund'] });
    assert.equal(small.bytesProcessed, 20_000);
    assert.equal(small.bytesBilled, MINIMUM_BYTES_PER_TABLE);
  });

  it('sizes a STRING as 2 bytes plus its UTF-8 length', () => {
    const cities = table.query({ columns: ['city'] }).rows;
    const expected = cities.reduce((sum, row) => sum + 2 + new TextEncoder().encode(String(row.city)).length, 0);
    assert.equal(table.columnBytes('city'), expected);
  });
});

describe('the Beam model', () => {
  it('groups values by key within each window, not across windows', () => {
    const words = PCollection.of(['a', 'a', 'a'], [1_000, 2_000, 61_000]).windowInto(60_000);
    const grouped = PCollection.materialize(groupByKey(words.map((word) => [word, 1] as [string, number])));
    assert.deepEqual(grouped.map((element) => [element.window, element.value]), [
      [0, ['a', [1, 1]]],
      [60_000, ['a', [1]]],
    ]);
  });

  it('drops stream records later than the allowed lateness, and counts them', () => {
    const stream = PCollection.fromStream(
      [
        { value: 'on time', eventTime: 10_000 },
        { value: 'much later', eventTime: 200_000 },
        { value: 'too late', eventTime: 20_000 },
      ],
      60_000,
      30_000,
    );
    assert.equal(stream.droppedLate, 1);
    assert.deepEqual(PCollection.materialize(countPerElement(stream)).map((element) => element.value[0]).sort(), ['much later', 'on time']);
  });
});
