/**
 * Runs `task` when the browser has nothing else to do; a browser that cannot say when that is (no
 * `requestIdleCallback`) runs it after `fallbackMs`.
 */
export function whenIdle(task: () => void, fallbackMs: number): void {
  if ('requestIdleCallback' in window) requestIdleCallback(() => task());
  else setTimeout(task, fallbackMs);
}

/** Runs `task` once the page has loaded and then the browser has nothing else to do. */
export function whenIdleAfterLoad(task: () => void): void {
  const idle = () => whenIdle(task, 1000);
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}
