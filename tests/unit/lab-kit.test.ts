import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { around, drawCases, expectCases } from '../../labs/kit/cases.ts';
import { expect } from '../../labs/kit/expect.ts';
import { formatReport } from '../../labs/kit/format-report.ts';
import { hintsInOrder } from '../../labs/kit/hints-in-order.ts';
import { runChecks } from '../../labs/kit/run-checks.ts';
import { MAX_SEED } from '../../labs/kit/seeded-random.ts';
import { SupportError } from '../../labs/kit/support-error.ts';
import type { Check, Lab } from '../../labs/kit/types.ts';

const hints = [
  { en: 'First hint.', ja: '最初のヒント。' },
  { en: 'The hint about rounding.', ja: '丸めのヒント。' },
];
const labOf = (...checks: Check[]): Lab => ({
  slug: 'kit-test',
  title: { en: 'Kit test', ja: 'キットのテスト' },
  exercises: [{ number: 1, file: 'a.ts', minutes: 1, title: { en: 'A', ja: 'A' } }],
  checks,
});
const check = (id: string, run: Check['run']): Check => ({
  id,
  exercise: 1,
  title: { en: id, ja: id },
  hints,
  run,
});
const draws: Record<string, number[]> = {};
const drawing = (id: string) =>
  check(id, (_, { random }) => {
    draws[id] = [random(), random()];
  });

describe('runChecks and seeds', () => {
  it('reports the seed it was given, and draws the same numbers from it each time', async () => {
    const lab = labOf(drawing('a.one'), drawing('a.two'));
    const first = await runChecks(lab, {}, { seed: 42 });
    const seen = structuredClone(draws);
    const second = await runChecks(lab, {}, { seed: 42 });
    assert.equal(first.seed, 42);
    assert.equal(second.seed, 42);
    assert.deepEqual(draws, seen);
    assert.notDeepEqual(draws['a.one'], draws['a.two'], 'each check draws its own numbers');
  });

  it('picks a fresh seed when none is given, and reports it', async () => {
    const report = await runChecks(labOf(drawing('a.one')), {});
    assert.ok(Number.isInteger(report.seed) && report.seed! >= 0 && report.seed! <= MAX_SEED);
  });
});

describe('expectCases', () => {
  const table = (kind: 'example' | 'boundary' | 'generated') =>
    check('a.cases', () =>
      expectCases([{ input: 10, expected: 3, kind, hint: 2 }], {
        call: (n) => Math.floor(n / 4),
        what: (n) => ({ en: `quarter(${n})`, ja: `quarter(${n})` }),
      }),
    );

  it('prints the answer of a worked example that fails, and names the fitting hint', async () => {
    const [result] = (await runChecks(labOf(table('example')), {}, { seed: 1 })).results;
    assert.equal(result.message?.en, 'quarter(10): not what was expected.');
    assert.equal(result.expected, '3');
    assert.equal(result.actual, '2');
    assert.equal(result.hint, 2);
    assert.deepEqual(hintsInOrder(result), [hints[1], hints[0]]);
  });

  it('does not print the answer of a generated or boundary case, and says why', async () => {
    for (const kind of ['generated', 'boundary'] as const) {
      const [result] = (await runChecks(labOf(table(kind)), {}, { seed: 1 })).results;
      assert.equal(result.expected, undefined, kind);
      assert.equal(result.actual, '2');
    }
    const [generated] = (await runChecks(labOf(table('generated')), {}, { seed: 1 })).results;
    assert.match(generated.message!.en, /drawn from the run’s seed, so its answer is not shown/);
    assert.match(generated.message!.ja, /シードから作られたので、正解は表示しません/);
  });

  it('draws only inputs the filter keeps, and puts boundary inputs on and either side of an edge', () => {
    let next = 0;
    const counting = () => (next++ % 10) / 10;
    assert.deepEqual(
      drawCases(
        counting,
        3,
        (random) => random(),
        (x) => x >= 0.5,
      ),
      [0.5, 0.6, 0.7],
    );
    assert.deepEqual(around(1000), [999, 1000, 1001]);
  });
});

describe('failure reports', () => {
  it('say what learner code threw even when it has no text of its own (an object with no prototype)', async () => {
    const throwing = check('a.bare', () => {
      throw Object.create(null);
    });
    const [result] = (await runChecks(labOf(throwing), {}, { seed: 1 })).results;
    assert.equal(result.status, 'fail');
    assert.equal(result.message!.en, 'Your code threw an error: [object Object]');
  });

  it('labels an error from the lab’s support code as the lab’s, in both languages', async () => {
    const refusing = check('a.support', () => {
      throw new SupportError(
        { en: 'The lab’s policy evaluator', ja: 'ラボのポリシー評価器' },
        { en: 'unknown operator "StringLike".', ja: '演算子 "StringLike" を扱えません。' },
      );
    });
    const [result] = (await runChecks(labOf(refusing), {}, { seed: 1 })).results;
    assert.match(
      result.message!.en,
      /^The lab’s policy evaluator rejected what it was given: unknown operator "StringLike"\./,
    );
    assert.match(
      result.message!.ja,
      /^ラボのポリシー評価器が、渡された内容を受け付けませんでした: 演算子 "StringLike" を扱えません。/,
    );
    assert.doesNotMatch(result.message!.en, /Your code threw/);
  });

  it('prints the hint that fits the failure, not the first, and the seed that repeats the run', async () => {
    const failing = check('a.hinted', () =>
      expect.equal(1, 2, { en: 'one', ja: 'いち' }, { hint: 2 }),
    );
    const text = formatReport(await runChecks(labOf(failing), {}, { seed: 5 }), 'en');
    assert.match(text, /Hint: The hint about rounding\./);
    assert.doesNotMatch(text, /First hint/);
    assert.match(text, /Seed 5 \(add --seed 5 to repeat this run/);
  });

  it('says an expected or actual value given in words in the reader’s language, and a value as code', async () => {
    const failing = check('a.worded', () =>
      expect.ok(
        false,
        { en: 'Too slow.', ja: '遅すぎます。' },
        {
          expected: expect.inWords({ en: 'every request ≤ 10 ms', ja: 'すべて 10 ms 以下' }),
          actual: 'slow',
        },
      ),
    );
    const report = await runChecks(labOf(failing), {}, { seed: 1 });
    assert.match(formatReport(report, 'en'), /Expected: every request ≤ 10 ms\n/);
    assert.match(formatReport(report, 'ja'), /期待値: すべて 10 ms 以下\n/);
    // Words are shown as they are; a string value is shown as code, quoted, in both languages.
    assert.match(formatReport(report, 'ja'), /実際: "slow"\n/);
  });
});
