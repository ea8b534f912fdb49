/**
 * Runs `task` when the browser has nothing else to do; a browser that cannot say when that is (no
 * `requestIdleCallback`) runs it after `fallbackMs`.
 */
export function whenIdle(task: () => void, fallbackMs: number): void {
  if ('requestIdleCallback' in window) requestIdleCallback(() => task());
  else setTimeout(task, fallbackMs);
}
