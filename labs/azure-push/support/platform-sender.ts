import { seededRandom } from '../../kit/seeded-random.ts';

/** The two platform formats the lab sends: Apple's APNs and Google's FCM HTTP v1. */
export type Platform = 'apple' | 'fcmv1';

export const PLATFORM_NAMES: Record<Platform, string> = { apple: 'APNs', fcmv1: 'FCM v1' };

/** When a platform's push service fails: a seeded share of calls, or exactly the listed calls. */
export type FailureSchedule =
  | { kind: 'seeded'; seed: number; failureRate: number }
  | { kind: 'calls'; failing: number[] }
  | { kind: 'always' }
  | { kind: 'never' };

/**
 * A platform's push service as the hub sees it: most calls succeed, some fail transiently (a
 * 5xx that a retry may cure). The schedule is fixed in advance, so a run can be repeated exactly.
 */
export class PlatformSender {
  readonly platform: Platform;
  readonly #schedule: FailureSchedule;
  readonly #random: () => number;
  #calls = 0;

  constructor(platform: Platform, schedule: FailureSchedule = { kind: 'never' }) {
    this.platform = platform;
    this.#schedule = schedule;
    this.#random = seededRandom(schedule.kind === 'seeded' ? schedule.seed : 0);
  }

  /** Calls made so far. */
  get calls(): number {
    return this.#calls;
  }

  /** One call to the platform: true if it was accepted, false on a transient failure. */
  attempt(): boolean {
    this.#calls += 1;
    switch (this.#schedule.kind) {
      case 'seeded':
        return this.#random() >= this.#schedule.failureRate;
      case 'calls':
        return !this.#schedule.failing.includes(this.#calls);
      case 'always':
        return false;
      case 'never':
        return true;
    }
  }
}
