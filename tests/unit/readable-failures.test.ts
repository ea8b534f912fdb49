import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatReport } from '../../labs/kit/format-report.ts';
import { formatValue } from '../../labs/kit/format-value.ts';
import { valueDifference, type ValueLine } from '../../src/lib/lab-workbench/value-difference.ts';

const preflight = (methods: string) => ({
  status: 204,
  headers: {
    Vary: 'Origin',
    'Access-Control-Allow-Methods': methods,
    'Access-Control-Allow-Origin': 'https://app.example.com',
  },
});
const marked = (lines: ValueLine[]) =>
  lines.flatMap((line) =>
    line.segments.filter((segment) => segment.differs).map((segment) => segment.text),
  );
const differingLines = (lines: ValueLine[]) =>
  lines
    .filter((line) => line.differs)
    .map((line) => line.segments.map((segment) => segment.text).join(''));

describe('formatValue', () => {
  it('prints an object one key per line, keys sorted, nested objects indented', () => {
    assert.equal(
      formatValue(preflight('GET, POST')),
      [
        '{',
        '  "headers": {',
        '    "Access-Control-Allow-Methods": "GET, POST",',
        '    "Access-Control-Allow-Origin": "https://app.example.com",',
        '    "Vary": "Origin"',
        '  },',
        '  "status": 204',
        '}',
      ].join('\n'),
    );
  });

  it('lays out two objects with the same keys in any order alike', () => {
    assert.equal(formatValue({ b: 1, a: [1, 2] }), formatValue({ a: [1, 2], b: 1 }));
  });

  it('keeps arrays of plain values on one line and puts nested arrays one per line', () => {
    assert.equal(formatValue([1, 'two', null]), '[1, "two", null]');
    assert.equal(
      formatValue([
        ['server', 3],
        ['se', 1],
      ]),
      '[\n  ["server", 3],\n  ["se", 1]\n]',
    );
  });

  it('prints Maps, Sets, empty containers, dates, non-finite numbers and cycles readably', () => {
    assert.equal(
      formatValue(
        new Map([
          ['b', 1],
          ['a', 2],
        ]),
      ),
      'Map {\n  "a": 2,\n  "b": 1\n}',
    );
    assert.equal(formatValue(new Set([2, 1])), 'Set [2, 1]');
    assert.equal(
      formatValue({ list: [], map: {}, gone: undefined }),
      '{\n  "list": [],\n  "map": {}\n}',
    );
    assert.equal(
      formatValue({ at: new Date(0), n: NaN }),
      '{\n  "at": "1970-01-01T00:00:00.000Z",\n  "n": NaN\n}',
    );
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    assert.equal(formatValue(loop), '{\n  "a": 1,\n  "self": [Circular]\n}');
  });

  it('prints plain values as before', () => {
    assert.deepEqual(
      [formatValue('x'), formatValue(3), formatValue(undefined), formatValue(2n)],
      ['"x"', '3', 'undefined', '2n'],
    );
  });
});

describe('the CLI report', () => {
  it('puts a multi-line value under its label as a block, › marking the lines the other value lacks', () => {
    const text = formatReport(
      {
        lab: 'kit-test',
        results: [
          {
            id: 'a.one',
            exercise: 1,
            title: { en: 'One', ja: '一' },
            status: 'fail',
            expected: formatValue({ a: 1 }),
            actual: formatValue({ a: 2 }),
            hints: [],
          },
        ],
      },
      'en',
    );
    const expected = ['    Expected:', '      {', '    ›   "a": 1', '      }'];
    const got = ['    Got:', '      {', '    ›   "a": 2', '      }'];
    assert.ok(text.includes([...expected, ...got].join('\n')), text);
  });
});

describe('valueDifference', () => {
  it('marks only the comma-space that differs in a CORS header, shown as a visible space', () => {
    const difference = valueDifference(
      formatValue(preflight('GET, POST')),
      formatValue(preflight('GET,POST')),
    );
    assert.ok(difference);
    assert.deepEqual(marked(difference.expected), ['·']);
    assert.deepEqual(marked(difference.actual), []);
    assert.deepEqual(differingLines(difference.expected), [
      '    "Access-Control-Allow-Methods": "GET,·POST",',
    ]);
    assert.deepEqual(differingLines(difference.actual), [
      '    "Access-Control-Allow-Methods": "GET,POST",',
    ]);
    assert.equal(difference.visibleWhitespace, true);
  });

  it('marks the differing value of a key and no other line', () => {
    const difference = valueDifference(
      formatValue({ keepsUp: true, batchSize: 50 }),
      formatValue({ keepsUp: true, batchSize: 51 }),
    );
    assert.ok(difference);
    assert.deepEqual(differingLines(difference.expected), ['  "batchSize": 50,']);
    assert.deepEqual(differingLines(difference.actual), ['  "batchSize": 51,']);
    assert.deepEqual(marked(difference.actual), ['1']);
    assert.equal(difference.visibleWhitespace, false);
  });

  it('marks a key that only one side has', () => {
    const difference = valueDifference(formatValue({ a: 1 }), formatValue({ a: 1, b: 2 }));
    assert.ok(difference);
    assert.deepEqual(differingLines(difference.actual), ['  "a": 1,', '  "b": 2']);
  });

  it('shows a tab as an arrow where it is the difference', () => {
    const difference = valueDifference('"a b"', '"a\tb"');
    assert.ok(difference);
    assert.deepEqual([marked(difference.expected), marked(difference.actual)], [['·'], ['→']]);
  });

  it('marks nothing when the values are equal or have almost nothing in common', () => {
    assert.equal(valueDifference('3', '3'), undefined);
    assert.equal(valueDifference('undefined', formatValue({ a: 1 })), undefined);
  });
});
