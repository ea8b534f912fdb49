import type { ComparedValue } from './compared-value.ts';
import type { Text } from './types.ts';

/** Thrown by `expect` helpers: carries the learner-facing message, the values compared and the hint that fits. */
export class CheckFailure extends Error {
  readonly text: Text;
  readonly expected?: ComparedValue;
  readonly actual?: ComparedValue;
  /** The check's hint (1-based) that fits this failure. */
  readonly hint?: number;

  constructor(
    text: Text,
    details: { expected?: ComparedValue; actual?: ComparedValue; hint?: number } = {},
  ) {
    super(text.en);
    this.name = 'CheckFailure';
    this.text = text;
    this.expected = details.expected;
    this.actual = details.actual;
    this.hint = details.hint;
  }
}
