import type { Text } from './types.ts';

/** Thrown by `expect` helpers: carries the learner-facing message and the values compared. */
export class CheckFailure extends Error {
  readonly text: Text;
  readonly expected?: string;
  readonly actual?: string;

  constructor(text: Text, details: { expected?: string; actual?: string } = {}) {
    super(text.en);
    this.name = 'CheckFailure';
    this.text = text;
    this.expected = details.expected;
    this.actual = details.actual;
  }
}
