import { CheckFailure } from './check-failure.ts';
import { isDeepEqual } from './expect.ts';
import { formatValue } from './format-value.ts';
import type { Case, Text } from './types.ts';

/** How a table of cases calls the learner's code and names each call in a failure. */
export interface CaseRunner<Input, Output> {
  /** Calls the learner's code with one case's input (may return a promise). */
  call(input: Input): unknown;
  /** The call as the learner would write it, e.g. `isThrottled(1001, 1000)`. */
  what(input: Input): Text;
  /** Whether an answer is right; structural equality unless given. */
  accepts?(actual: unknown, expected: Output): boolean;
}

/** Draws a seeded case more than this often without finding enough: the check's ranges are wrong. */
const MAX_DRAWS = 1_000;

const kindNotes: Record<Case<unknown, unknown>['kind'], Text> = {
  example: { en: '', ja: '' },
  boundary: {
    en: ' This case sits on the edge the check is about (exactly on it, or just either side).',
    ja: 'このケースは、このチェックが確かめる境界の上(ちょうど境界か、そのすぐ前後)にあります。',
  },
  generated: {
    en: ' This case was drawn from the run’s seed, so its answer is not shown: work it out from the inputs.',
    ja: 'このケースは実行のシードから作られたので、正解は表示しません。入力から求めてみましょう。',
  },
};

/**
 * Runs a check's table of cases in order and fails on the first wrong answer. A failure names
 * the call and what came back; only a worked example (`kind: 'example'`) prints its answer, so
 * boundary and generated cases cannot be copied into a lookup table from the messages.
 */
export async function expectCases<Input, Output>(
  cases: Array<Case<Input, Output>>,
  runner: CaseRunner<Input, Output>,
): Promise<void> {
  const accepts = runner.accepts ?? isDeepEqual;
  for (const testCase of cases) {
    const actual = await runner.call(testCase.input);
    if (accepts(actual, testCase.expected)) continue;
    const what = runner.what(testCase.input);
    const note = kindNotes[testCase.kind];
    throw new CheckFailure(
      {
        en: `${what.en}: not what was expected.${note.en}`,
        ja: `${what.ja}: 期待した結果と違います。${note.ja}`,
      },
      {
        expected: testCase.kind === 'example' ? formatValue(testCase.expected) : undefined,
        actual: formatValue(actual),
        hint: testCase.hint,
      },
    );
  }
}

/**
 * `count` inputs drawn with `draw` from a check's seeded source, keeping only those `keep`
 * accepts: put generated cases where the common wrong formulas disagree with the right one.
 */
export function drawCases<Input>(
  random: () => number,
  count: number,
  draw: (random: () => number) => Input,
  keep: (input: Input) => boolean = () => true,
): Input[] {
  const inputs: Input[] = [];
  for (let tries = 0; inputs.length < count; tries++) {
    if (tries >= MAX_DRAWS)
      throw new Error(
        `drawCases: only ${inputs.length} of ${count} draws kept after ${MAX_DRAWS} tries.`,
      );
    const input = draw(random);
    if (keep(input)) inputs.push(input);
  }
  return inputs;
}

/** The three inputs of an edge at `at`: just below it, exactly on it, just above it (`step` apart). */
export function around(at: number, step = 1): [number, number, number] {
  return [at - step, at, at + step];
}
