import { randomInt, seededRandom } from '../../kit/seeded-random.ts';
import { PEAK_NOTIFICATIONS_PER_MINUTE } from './limits.ts';
import type { Registration } from './notification-hub.ts';
import type { PushNotification } from './notification.ts';

/**
 * The simulated peak minute. Only its size comes from the talk (about 3,700 notifications a
 * minute); everything else is a model assumption, generated from the run's seed: the users and
 * their devices, the texts, the on-premises job system sending every 10 s, and two notifications
 * whose body is far too long for any push payload.
 */
export const MODEL_PEAK_USERS = 1_500;
/** Shares of users with only an iPhone, only an Android phone, or both. */
export const MODEL_DEVICE_MIX = { appleOnly: 0.45, androidOnly: 0.4 } as const;
/** Share of registrations that carry the `muted` tag (the user turned notifications off). */
export const MODEL_MUTED_SHARE = 0.03;
/** The on-premises job system sends a burst every 10 s: at 0, 10, … 50 s. */
export const MODEL_BURST_EVERY_MS = 10_000;
export const MODEL_BURSTS = 6;
/** Share of notifications that set the app icon's badge. */
export const MODEL_BADGE_SHARE = 0.3;
/** How many notifications have a whole report pasted into their body by mistake. */
export const MODEL_OVERSIZED = 2;

export interface PeakMinute {
  notifications: PushNotification[];
  /** Ids of the notifications whose body no push payload can hold. */
  oversized: Set<string>;
  registrations: Registration[];
  bursts: Array<{ atMs: number; notifications: PushNotification[] }>;
}

const TITLES = ['発送のお知らせ', 'Order shipped', 'ポイント付与', 'New message', '予約の確認'];
const BODIES = [
  'ご注文の商品を発送しました。お届けまでしばらくお待ちください。',
  'Your order is on its way.',
  '100 ポイントが付与されました。',
  'You have a new message from support.',
  '明日 10:00 のご予約を承りました。',
];

export function peakMinute(seed: number): PeakMinute {
  const random = seededRandom(seed);
  const oversizedAt = new Set<number>();
  while (oversizedAt.size < MODEL_OVERSIZED)
    oversizedAt.add(randomInt(random, 1, PEAK_NOTIFICATIONS_PER_MINUTE));
  const registrations: Registration[] = [];
  for (let user = 1; user <= MODEL_PEAK_USERS; user += 1) {
    const userId = `u-${String(user).padStart(4, '0')}`;
    const draw = random();
    const platforms =
      draw < MODEL_DEVICE_MIX.appleOnly
        ? (['apple'] as const)
        : draw < MODEL_DEVICE_MIX.appleOnly + MODEL_DEVICE_MIX.androidOnly
          ? (['fcmv1'] as const)
          : (['apple', 'fcmv1'] as const);
    for (const platform of platforms) {
      const tags = [`user:${userId}`];
      if (random() < MODEL_MUTED_SHARE) tags.push('muted');
      registrations.push({ id: `reg-${userId}-${platform}`, platform, tags });
    }
  }

  const seqByUser = new Map<string, number>();
  const notifications: PushNotification[] = [];
  for (let index = 1; index <= PEAK_NOTIFICATIONS_PER_MINUTE; index += 1) {
    const userId = `u-${String(randomInt(random, 1, MODEL_PEAK_USERS)).padStart(4, '0')}`;
    const seq = (seqByUser.get(userId) ?? 0) + 1;
    seqByUser.set(userId, seq);
    const text = randomInt(random, 0, TITLES.length - 1);
    const notification: PushNotification = {
      id: `n-${String(index).padStart(5, '0')}`,
      userId,
      seq,
      title: TITLES[text],
      body: oversizedAt.has(index) ? BODIES[text].repeat(200) : BODIES[text],
    };
    if (random() < MODEL_BADGE_SHARE) notification.badge = randomInt(random, 1, 9);
    notifications.push(notification);
  }

  const perBurst = Math.ceil(notifications.length / MODEL_BURSTS);
  const bursts = Array.from({ length: MODEL_BURSTS }, (_, burst) => ({
    atMs: burst * MODEL_BURST_EVERY_MS,
    notifications: notifications.slice(burst * perBurst, (burst + 1) * perBurst),
  }));
  const oversized = new Set([...oversizedAt].map((index) => notifications[index - 1].id));
  return { notifications, oversized, registrations, bursts };
}
