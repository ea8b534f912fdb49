/**
 * One line for an exception thrown by learner code: its message and, where the stack shows it,
 * the learner file and line it came from (`starter/` or `solution/` file names, or the sourceURL
 * the browser loader gives each file).
 */
export function describeThrown(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const where = learnerFrame(error.stack ?? '');
  return `${error.name}: ${error.message}${where ? ` (${where})` : ''}`;
}

const LEARNER_FRAME = /(?:starter|solution|learner)\/([\w.-]+\.ts):(\d+)(?::\d+)?/;

function learnerFrame(stack: string): string | undefined {
  const match = LEARNER_FRAME.exec(stack);
  return match ? `${match[1]}, line ${match[2]}` : undefined;
}
