/**
 * One line for an exception thrown by learner code: its message and, where the stack shows it,
 * the learner file and line it came from (`starter/` or `solution/` file names, or the sourceURL
 * the browser loader gives each file).
 */
export function describeThrown(error: unknown): string {
  if (!(error instanceof Error)) return thrownText(error);
  const where = learnerFrame(error.stack ?? '');
  return `${error.name}: ${error.message}${where ? ` (${where})` : ''}`;
}

const LEARNER_FRAME = /(?:starter|solution|learner)\/([\w.-]+\.ts):(\d+)(?::\d+)?/;

function learnerFrame(stack: string): string | undefined {
  const match = LEARNER_FRAME.exec(stack);
  return match ? `${match[1]}, line ${match[2]}` : undefined;
}

/**
 * The text of anything code can throw. `String(value)` itself throws for an object with no
 * prototype (`throw Object.create(null)`) or one whose `toString` throws, which would turn the
 * learner's error into a crash of the whole run; such a value is named by its kind instead.
 */
export function thrownText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** An error's message, or the text of whatever else was thrown. */
export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : thrownText(error);
