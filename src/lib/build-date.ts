import { execFileSync } from 'node:child_process';

/**
 * The date a printed copy says it was built: the last commit's date rather than the clock, so two
 * builds of the same sources are byte-identical and a returning reader's service worker downloads
 * nothing for a rebuild that changed nothing. `SOURCE_DATE_EPOCH` (the reproducible-builds
 * convention) wins; outside a git checkout the clock is all there is.
 */
export function buildDate(): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  if (Number.isFinite(epoch) && epoch > 0) return new Date(epoch * 1000);
  try {
    const committed = execFileSync('git', ['log', '-1', '--format=%cI'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (committed) return new Date(committed);
  } catch {
    // Not a git checkout (an unpacked archive): fall through to the clock.
  }
  return new Date();
}
