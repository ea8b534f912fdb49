/**
 * How long a check runs before the status line names it. A whole run of a lab's checks takes
 * 78–220 ms on the 2-core machine `npm run bench` measures on, so a check still running after a
 * second is the one the learner is waiting on, and most likely one the watchdog will stop.
 */
export const NAME_SLOW_CHECK_AFTER_MS = 1_000;

/**
 * Watches the checks of one run as they start: once one has run for NAME_SLOW_CHECK_AFTER_MS,
 * `say` names it, so a learner whose code loops knows where before the watchdog stops it, and
 * a screen reader hears one sentence, not one per check. `stop()` when the run ends.
 */
export function slowCheckStatus(say: (checkId: string) => void): {
  started(checkId: string): void;
  stop(): void;
} {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    started(checkId) {
      clearTimeout(timer);
      timer = setTimeout(say, NAME_SLOW_CHECK_AFTER_MS, checkId);
    },
    stop: () => clearTimeout(timer),
  };
}
