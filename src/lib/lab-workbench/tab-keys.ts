/**
 * The tab a key moves to in a row of `count` tabs, from the tab at `index`, as the ARIA tabs
 * pattern has it: ← and → step (wrapping round), Home and End go to the first and the last.
 * Undefined for any other key, which the tab leaves alone.
 */
export function tabAfterKey(key: string, index: number, count: number): number | undefined {
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  const step = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0;
  return step ? (index + step + count) % count : undefined;
}
