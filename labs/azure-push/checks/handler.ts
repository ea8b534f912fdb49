import { expect } from '../../kit/expect.ts';
import { randomInt } from '../../kit/seeded-random.ts';
import type { Check, LearnerModules } from '../../kit/types.ts';
import { VirtualClock } from '../../kit/virtual-clock.ts';
import { QueueTriggerHost, type QueueHandler } from '../support/functions-host.ts';
import { IdempotencyStore } from '../support/idempotency-store.ts';
import { NotificationHub, type Registration } from '../support/notification-hub.ts';
import { APNS_MAX_PAYLOAD_BYTES } from '../support/limits.ts';
import { jsonBytes, type PushNotification } from '../support/notification.ts';
import { PlatformSender, type FailureSchedule, type Platform } from '../support/platform-sender.ts';
import { StorageQueue } from '../support/storage-queue.ts';
import { expectedApnsPayload, expectedFcmV1Payload } from './expected-payloads.ts';

type Handler = typeof import('../solution/handler.ts');
const FILE = 'handler.ts';

const REGISTRATIONS: Registration[] = [
  { id: 'reg-u-0001-apple', platform: 'apple', tags: ['user:u-0001'] },
  { id: 'reg-u-0001-fcmv1', platform: 'fcmv1', tags: ['user:u-0001'] },
  { id: 'reg-u-0002-apple', platform: 'apple', tags: ['user:u-0002'] },
  { id: 'reg-u-0003-apple', platform: 'apple', tags: ['user:u-0003', 'muted'] },
  { id: 'reg-u-0003-fcmv1', platform: 'fcmv1', tags: ['user:u-0003'] },
];

const TO_BOTH: PushNotification = {
  id: 'n-001',
  userId: 'u-0001',
  seq: 1,
  title: '発送のお知らせ',
  body: 'ご注文の商品を発送しました。',
};
const TO_IPHONE: PushNotification = {
  id: 'n-002',
  userId: 'u-0002',
  seq: 1,
  title: 'New message',
  body: 'You have a new message.',
  badge: 3,
};
const TO_UNMUTED: PushNotification = {
  id: 'n-003',
  userId: 'u-0003',
  seq: 1,
  title: 'ポイント付与',
  body: '100 ポイントが付与されました。',
};

/**
 * `notification` with a body that makes its APNs payload exactly APNs' limit: it fits APNs, but
 * FCM v1's envelope is longer, so the same body is over FCM's limit of the same size.
 */
function fitsApnsOnly(notification: PushNotification): PushNotification {
  const empty = { ...notification, body: '' };
  const room = APNS_MAX_PAYLOAD_BYTES - jsonBytes(expectedApnsPayload(empty));
  return { ...empty, body: 'a'.repeat(room) };
}

/** The registrations a notification should reach: its user's, except muted ones. */
function targetsOf(notification: PushNotification): Registration[] {
  return REGISTRATIONS.filter(
    (registration) =>
      registration.tags.includes(`user:${notification.userId}`) &&
      !registration.tags.includes('muted'),
  );
}

/** Queues `bodies`, runs the learner's handler under the queue trigger until the queue is empty. */
function run(
  learner: LearnerModules,
  bodies: string[],
  failures: Partial<Record<Platform, FailureSchedule>> = {},
) {
  const createQueueHandler = expect.fn<Handler['createQueueHandler']>(
    learner[FILE],
    'createQueueHandler',
    FILE,
  );
  const clock = new VirtualClock();
  const hub = new NotificationHub({
    clock,
    registrations: REGISTRATIONS,
    senders: {
      apple: new PlatformSender('apple', failures.apple),
      fcmv1: new PlatformSender('fcmv1', failures.fcmv1),
    },
  });
  const queue = new StorageQueue('notifications', clock);
  for (const body of bodies) queue.add(body);
  // Two instances of the function app, each with a handler of its own (createQueueHandler runs
  // once per instance) and the one store they share; runs take turns, so a retry or a second copy
  // of a message runs on the other instance, as it can in Azure.
  const sent = new IdempotencyStore();
  const instances = [createQueueHandler(hub, sent), createQueueHandler(hub, sent)];
  expect.ok(
    typeof instances[0] === 'function',
    {
      en: 'createQueueHandler(hub, sent) must return the handler: a function that takes a queue message.',
      ja: 'createQueueHandler(hub, sent) はハンドラー(キューのメッセージを受け取る関数)を返す必要があります。',
    },
    { actual: instances[0] },
  );
  let runs = 0;
  const handler: QueueHandler = (message) => instances[runs++ % instances.length](message);
  const host = new QueueTriggerHost({ queue, handler, clock, meter: hub.meter });
  host.drain(10 * 60 * 1_000);
  const deliveriesTo = (notificationId: string, registrationId: string) =>
    hub.deliveries.filter(
      (delivery) =>
        delivery.notificationId === notificationId && delivery.registrationId === registrationId,
    );
  return { hub, host, deliveriesTo };
}

function expectDeliveredOnce(
  result: ReturnType<typeof run>,
  notification: PushNotification,
  because: { en: string; ja: string },
): void {
  for (const registration of targetsOf(notification)) {
    expect.equal(result.deliveriesTo(notification.id, registration.id).length, 1, {
      en: `Deliveries of ${notification.id} to ${registration.id} (${because.en})`,
      ja: `${notification.id} の ${registration.id} への配信数(${because.ja})`,
    });
  }
}

function expectNoPoison(result: ReturnType<typeof run>): void {
  const [first] = result.host.poisoned;
  expect.ok(!first, {
    en: `A message ended in the poison queue after ${first?.dequeueCount} attempts; its last error was: ${first?.reason}`,
    ja: `メッセージが ${first?.dequeueCount} 回の試行の後でポイズンキューに入りました。最後のエラー: ${first?.reason}`,
  });
}

export const handlerChecks: Check[] = [
  {
    id: 'handler.sends-each-platform',
    exercise: 3,
    title: {
      en: 'One message sends the APNs and the FCM v1 payload to the user’s devices, then is deleted',
      ja: '1 つのメッセージで APNs と FCM v1 のペイロードをユーザーの端末へ送り、メッセージは削除される',
    },
    hints: [
      {
        en: 'The message body is the notification as JSON: JSON.parse(message.body).',
        ja: 'メッセージの本文は通知の JSON です: JSON.parse(message.body)。',
      },
      {
        en: 'Call hub.sendNotification twice, once per platform, with the same tag expression: { platform: "apple", body: toApnsPayload(n) } and { platform: "fcmv1", body: toFcmV1Payload(n) }.',
        ja: 'hub.sendNotification をプラットフォームごとに 1 回、同じタグ式で呼びます: { platform: "apple", body: toApnsPayload(n) } と { platform: "fcmv1", body: toFcmV1Payload(n) }。',
      },
    ],
    run(learner) {
      const result = run(
        learner,
        [TO_BOTH, TO_IPHONE, TO_UNMUTED].map((notification) => JSON.stringify(notification)),
      );
      expectNoPoison(result);
      for (const notification of [TO_BOTH, TO_IPHONE, TO_UNMUTED]) {
        expectDeliveredOnce(result, notification, {
          en: 'one message, no failures',
          ja: 'メッセージ 1 つ、失敗なし',
        });
        for (const registration of targetsOf(notification)) {
          const [delivery] = result.deliveriesTo(notification.id, registration.id);
          const expected =
            registration.platform === 'apple'
              ? expectedApnsPayload(notification)
              : expectedFcmV1Payload(notification);
          expect.deepEqual(delivery.body, expected, {
            en: `The payload ${registration.id} received for ${notification.id}`,
            ja: `${registration.id} が ${notification.id} について受け取ったペイロード`,
          });
        }
      }
      const sentTo = [TO_BOTH, TO_IPHONE, TO_UNMUTED].map((notification) => ({
        id: notification.id,
        targets: new Set(targetsOf(notification).map((registration) => registration.id)),
      }));
      const stray = result.hub.deliveries.filter(
        (delivery) =>
          !sentTo.some(
            (each) =>
              each.id === delivery.notificationId && each.targets.has(delivery.registrationId),
          ),
      );
      expect.equal(
        stray
          .map((delivery) => `${delivery.notificationId} → ${delivery.registrationId}`)
          .join(', '),
        '',
        {
          en: 'Deliveries to devices that are not the notification’s user’s, or are muted (such as reg-u-0003-apple)',
          ja: '通知のユーザーのものではない端末、またはミュートされた端末(reg-u-0003-apple など)への配信',
        },
        { hint: 2 },
      );
    },
  },
  {
    id: 'handler.retry-on-failure',
    exercise: 3,
    title: {
      en: 'A failed send throws, so the message comes back and the notification still arrives',
      ja: '送信に失敗したら例外を投げ、メッセージが戻ってきて通知は最終的に届く',
    },
    hints: [
      {
        en: 'If the handler returns normally, the queue trigger deletes the message: a caught and ignored error loses the notification.',
        ja: 'ハンドラーが普通に戻ると、キュートリガーはメッセージを削除します。例外を握りつぶすと通知は失われます。',
      },
      {
        en: 'Do not catch the hub’s TransientPushError at all (or rethrow it); the queue trigger retries the message.',
        ja: 'ハブの TransientPushError は捕まえない(または投げ直す)でください。キュートリガーがメッセージを再試行します。',
      },
    ],
    run(learner) {
      const result = run(learner, [JSON.stringify(TO_BOTH)], {
        fcmv1: { kind: 'calls', failing: [1, 2] },
      });
      expect.ok(result.deliveriesTo(TO_BOTH.id, 'reg-u-0001-fcmv1').length > 0, {
        en: `${TO_BOTH.id} never reached reg-u-0001-fcmv1: FCM failed on the first two calls and the message was deleted instead of coming back. Let the hub’s error escape from the handler.`,
        ja: `${TO_BOTH.id} が reg-u-0001-fcmv1 に届きませんでした。FCM が最初の 2 回失敗したのに、メッセージは戻らずに削除されました。ハブのエラーをハンドラーの外へ投げましょう。`,
      });
      expect.ok(
        result.host.stats.failures >= 2,
        {
          en: 'The handler never failed, though FCM refused the first two sends: did it send to FCM at all?',
          ja: 'FCM が最初の 2 回を拒否したのに、ハンドラーは一度も失敗していません。FCM へ送っていますか。',
        },
        {
          expected: expect.inWords({ en: '2 or more failed runs', ja: '失敗した実行が 2 回以上' }),
          actual: result.host.stats.failures,
        },
      );
      expectNoPoison(result);
    },
  },
  {
    id: 'handler.exactly-once',
    exercise: 3,
    title: {
      en: 'Each device gets a notification once, even when a retry or a second copy of the message runs',
      ja: '再試行やメッセージの重複があっても、各端末に通知が届くのは 1 回だけ',
    },
    hints: [
      {
        en: 'When FCM fails after APNs succeeded, the retry runs the whole handler again. What stops APNs from getting it twice?',
        ja: 'APNs が成功した後で FCM が失敗すると、再試行でハンドラー全体がもう一度動きます。APNs に 2 回送らないためには？',
      },
      {
        en: 'Use a key per notification and platform, such as `${id}/${platform}`: skip a send whose key is in `sent`.',
        ja: '通知とプラットフォームごとのキー(例: `${id}/${platform}`)を使い、`sent` にあるキーの送信は飛ばします。',
      },
      {
        en: 'Add the key only after hub.sendNotification returned: added before, a failed send would never be retried.',
        ja: 'キーを追加するのは hub.sendNotification が戻った後です。先に追加すると、失敗した送信が二度と再試行されません。',
      },
    ],
    run(learner) {
      const retried = run(learner, [JSON.stringify(TO_BOTH)], {
        fcmv1: { kind: 'calls', failing: [1] },
      });
      expectDeliveredOnce(retried, TO_BOTH, {
        en: 'FCM failed once, then the message was retried on the other instance',
        ja: 'FCM が 1 回失敗し、メッセージがもう一方のインスタンスで再試行された',
      });

      const duplicated = run(learner, [JSON.stringify(TO_IPHONE), JSON.stringify(TO_IPHONE)]);
      expectDeliveredOnce(duplicated, TO_IPHONE, {
        en: 'the same notification was queued twice, and each copy ran on its own instance',
        ja: '同じ通知がキューに 2 回入り、それぞれ別のインスタンスで動いた',
      });

      const fcmDown = run(learner, [JSON.stringify(TO_BOTH)], { fcmv1: { kind: 'always' } });
      expect.equal(fcmDown.deliveriesTo(TO_BOTH.id, 'reg-u-0001-apple').length, 1, {
        en: `Deliveries of ${TO_BOTH.id} to reg-u-0001-apple while FCM failed on all five attempts`,
        ja: `FCM が 5 回とも失敗した間の ${TO_BOTH.id} の reg-u-0001-apple への配信数`,
      });
    },
  },
  {
    id: 'handler.poison-with-reason',
    exercise: 3,
    title: {
      en: 'A message that can never be sent ends in the poison queue after 5 attempts, with a reason that says why',
      ja: '送れないメッセージは 5 回の試行の後にポイズンキューへ入り、理由がわかる',
    },
    hints: [
      {
        en: 'Throw an Error whose message names the problem (a missing userId); the host keeps the last error as the reason.',
        ja: '問題(userId がないこと)がわかるメッセージの Error を投げます。ホストは最後のエラーを理由として残します。',
      },
      {
        en: 'Build both payloads before the first send: an oversized notification should fail before anything goes out.',
        ja: '最初の送信の前に両方のペイロードを作りましょう。大きすぎる通知は、何も送らないうちに失敗させます。',
      },
    ],
    run(learner, { random }) {
      // Ids drawn per run: what makes a message unsendable is in it, not in its id.
      const first = randomInt(random, 100, 997);
      const [noUserId, oversizedId, onlyApnsId] = [0, 1, 2].map((step) => `n-${first + step}`);
      const noUser = {
        id: noUserId,
        seq: 1,
        title: 'Order shipped',
        body: 'Your order is on its way.',
      };
      const oversized: PushNotification = { ...TO_BOTH, id: oversizedId, body: 'お'.repeat(1_400) };
      const onlyApns = fitsApnsOnly({ ...TO_BOTH, id: onlyApnsId });
      const result = run(
        learner,
        [noUser, oversized, onlyApns].map((each) => JSON.stringify(each)),
      );
      const cases = [
        {
          id: noUserId,
          reason: /userId/,
          what: { en: 'the message without a userId', ja: 'userId のないメッセージ' },
          says: 'userId',
          hint: 1,
        },
        {
          id: oversizedId,
          reason: /4,?096/,
          what: {
            en: 'the notification too large for APNs and FCM',
            ja: 'APNs にも FCM にも大きすぎる通知',
          },
          says: '4096',
          hint: 2,
        },
        {
          id: onlyApnsId,
          reason: /4,?096/,
          what: {
            en: `the notification whose APNs payload is exactly ${APNS_MAX_PAYLOAD_BYTES} bytes (it fits) but whose FCM v1 payload is ${jsonBytes(expectedFcmV1Payload(onlyApns))} (it does not)`,
            ja: `APNs ペイロードはちょうど ${APNS_MAX_PAYLOAD_BYTES} バイト(収まる)なのに、FCM v1 ペイロードは ${jsonBytes(expectedFcmV1Payload(onlyApns))} バイト(収まらない)通知`,
          },
          says: '4096',
          hint: 2,
        },
      ];
      for (const each of cases) {
        const poisoned = result.host.poisoned.find((entry) => entry.body.includes(`"${each.id}"`));
        expect.ok(
          poisoned,
          {
            en: `${each.what.en} (${each.id}) is not in the poison queue: the handler must throw for it on every attempt.`,
            ja: `${each.what.ja}(${each.id})がポイズンキューにありません。ハンドラーは毎回の試行で例外を投げる必要があります。`,
          },
          { hint: each.hint },
        );
        expect.equal(poisoned!.dequeueCount, 5, {
          en: `Attempts before ${each.id} was moved to the poison queue`,
          ja: `${each.id} がポイズンキューへ移されるまでの試行回数`,
        });
        expect.ok(
          each.reason.test(poisoned!.reason),
          {
            en: `The reason kept for ${each.id} should say "${each.says}".`,
            ja: `${each.id} の理由には "${each.says}" が含まれるべきです。`,
          },
          {
            expected: expect.inWords({
              en: `a reason matching ${each.reason}`,
              ja: `${each.reason} に合う理由`,
            }),
            actual: poisoned!.reason,
            hint: each.hint,
          },
        );
      }
      expect.equal(
        result.hub.deliveries.map((delivery) => delivery.registrationId).join(', '),
        '',
        {
          en: 'Deliveries made for messages that could never be sent completely (build every payload before the first send)',
          ja: '送り切れないメッセージについて行われた配信(最初の送信の前に、すべてのペイロードを作りましょう)',
        },
        { hint: 2 },
      );
    },
  },
];
