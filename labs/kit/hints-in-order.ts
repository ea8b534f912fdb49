import type { CheckResult, Text } from './types.ts';

/** A failed check's hints in the order to show them: the one that fits the failure first, then the rest. */
export function hintsInOrder(result: Pick<CheckResult, 'hints' | 'hint'>): Text[] {
  const fitting = result.hint === undefined ? undefined : result.hints[result.hint - 1];
  return fitting ? [fitting, ...result.hints.filter((hint) => hint !== fitting)] : result.hints;
}
