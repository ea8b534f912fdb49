import type { Text } from './types.ts';

/**
 * Thrown by a lab's support code (a simulator, a fake AWS service, the policy evaluator) when it
 * refuses what it was given, so the result says the lab refused it, not "your code threw".
 * `component` names the refuser as the start of a sentence: "The lab's policy evaluator".
 */
export class SupportError extends Error {
  readonly component: Text;
  readonly reason: Text;

  constructor(component: Text, reason: Text) {
    super(reason.en);
    this.name = 'SupportError';
    this.component = component;
    this.reason = reason;
  }
}

/** True for a `SupportError`, also one from another copy of the kit (the page bundles lab code apart). */
export function isSupportError(error: unknown): error is SupportError {
  if (!(error instanceof Error) || error.name !== 'SupportError') return false;
  const { component, reason } = error as Partial<SupportError>;
  return typeof component?.en === 'string' && typeof reason?.en === 'string';
}
