import { randomInt } from '../../kit/seeded-random.ts';
import type { PushNotification } from '../support/notification.ts';

const PHRASES = [
  'ご注文の商品を発送しました。',
  'Your order is on its way. ',
  'ポイントが付与されました。',
  'New message from support. ',
];

/**
 * 40 notifications for 5 users, interleaved as the job system produces them, some with a badge.
 * Users, texts and sizes are drawn from `random` (the check's share of the run's seed).
 */
export function sampleNotifications(random: () => number): PushNotification[] {
  const users = new Set<string>();
  while (users.size < 5) users.add(`u-${randomInt(random, 1_000, 9_999)}`);
  const userIds = [...users];
  const seqByUser = new Map<string, number>();
  return Array.from({ length: 40 }, (_, index) => {
    const userId = userIds[randomInt(random, 0, userIds.length - 1)];
    const seq = (seqByUser.get(userId) ?? 0) + 1;
    seqByUser.set(userId, seq);
    const phrase = PHRASES[randomInt(random, 0, PHRASES.length - 1)];
    const notification: PushNotification = {
      id: `n-${String(index + 1).padStart(3, '0')}`,
      userId,
      seq,
      title: `Notice ${index + 1}`,
      body: phrase.repeat(randomInt(random, 1, 8)),
    };
    if (index % 3 === 0) notification.badge = randomInt(random, 0, 9);
    return notification;
  });
}
