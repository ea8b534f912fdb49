/**
 * Ends the current task and resumes in a new one, so the browser can paint and answer input in
 * between: a long start-up split this way does not hold a phone's main thread for its whole
 * length. `scheduler.yield()` resumes ahead of other queued tasks; elsewhere a zero timeout does.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
