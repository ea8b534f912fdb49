import { CheckFailure } from './check-failure.ts';
import { InWords, type ComparedValue } from './compared-value.ts';
import { errorMessage } from './describe-thrown.ts';
import { formatValue } from './format-value.ts';
import type { Text } from './types.ts';

/** What an assertion may add to its failure: the check's hint (1-based) that fits it. */
export interface FailureOptions {
  hint?: number;
}

/**
 * The assertions checks are written with. Each takes `what`: the thing being checked, in the
 * learner's words and both languages, so a failure reads "<what>: expected …, got …".
 */
export const expect = {
  equal(actual: unknown, expected: unknown, what: Text, options: FailureOptions = {}): void {
    if (!Object.is(actual, expected)) throw mismatch(what, formatValue(expected), actual, options);
  },

  deepEqual(actual: unknown, expected: unknown, what: Text, options: FailureOptions = {}): void {
    if (!isDeepEqual(actual, expected))
      throw mismatch(what, formatValue(expected), actual, options);
  },

  closeTo(
    actual: unknown,
    expected: number,
    tolerance: number,
    what: Text,
    options: FailureOptions = {},
  ): void {
    if (typeof actual !== 'number' || !(Math.abs(actual - expected) <= tolerance)) {
      throw mismatch(what, `${expected} ± ${tolerance}`, actual, options);
    }
  },

  /** Words for `ok`'s expected or actual value, where code cannot say it: shown in the reader's language. */
  inWords(text: Text): InWords {
    return new InWords(text);
  },

  /** A condition that must hold; `failure` explains it when it does not. */
  ok(
    condition: unknown,
    failure: Text,
    details: { expected?: unknown; actual?: unknown; hint?: number } = {},
  ): void {
    if (!condition) {
      throw new CheckFailure(failure, {
        expected: 'expected' in details ? compared(details.expected) : undefined,
        actual: 'actual' in details ? compared(details.actual) : undefined,
        hint: details.hint,
      });
    }
  },

  /** `fn` must throw; `matches` (if given) must accept the error's message. */
  throws(fn: () => unknown, what: Text, matches?: RegExp, options: FailureOptions = {}): void {
    try {
      fn();
    } catch (error) {
      const message = errorMessage(error);
      if (matches && !matches.test(message))
        throw mismatch(
          what,
          { en: `an error matching ${matches}`, ja: `${matches} に合うエラー` },
          message,
          options,
        );
      return;
    }
    throw mismatch(what, 'an error', 'no error', options);
  },

  /** `fn` must be an exported function of the learner's file. */
  fn<T extends (...args: never[]) => unknown>(
    module: Record<string, unknown> | undefined,
    name: string,
    file: string,
  ): T {
    const value = module?.[name];
    if (typeof value !== 'function') {
      throw new CheckFailure(
        {
          en: `${file} must export a function named ${name}.`,
          ja: `${file} は ${name} という名前の関数を export する必要があります。`,
        },
        { expected: `function ${name}`, actual: formatValue(value) },
      );
    }
    return value as T;
  },
};

/** A value as a failure shows it: words as they are, anything else written as code. */
const compared = (value: unknown): ComparedValue =>
  value instanceof InWords ? value.text : formatValue(value);

function mismatch(
  what: Text,
  expected: ComparedValue,
  actual: unknown,
  options: FailureOptions,
): CheckFailure {
  return new CheckFailure(
    { en: `${what.en}: not what was expected.`, ja: `${what.ja}: 期待した結果と違います。` },
    { expected, actual: formatValue(actual), hint: options.hint },
  );
}

/** Structural equality as a learner means it: same keys and values, `undefined` keys ignored, Maps and Sets by content. */
export function isDeepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Map && b instanceof Map) {
    return (
      a.size === b.size &&
      [...a].every(([key, value]) => b.has(key) && isDeepEqual(value, b.get(key)))
    );
  }
  if (a instanceof Set && b instanceof Set)
    return a.size === b.size && [...a].every((value) => b.has(value));
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    isDeepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
