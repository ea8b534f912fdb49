import { CheckFailure } from '../../kit/check-failure.ts';
import { expect } from '../../kit/expect.ts';
import { randomInt } from '../../kit/seeded-random.ts';
import type { Check, LearnerModules } from '../../kit/types.ts';
import {
  APNS_MAX_PAYLOAD_BYTES,
  FCM_MAX_PAYLOAD_BYTES,
  NOTIFICATION_HUBS_MAX_TAG_LENGTH,
} from '../support/limits.ts';
import { jsonBytes, type PushNotification } from '../support/notification.ts';
import { matches, parseTagExpression } from '../support/tag-expression.ts';
import { expectedApnsPayload, expectedFcmV1Payload } from './expected-payloads.ts';

type Formats = typeof import('../solution/formats.ts');
const FILE = 'formats.ts';
const learnerFn = <K extends keyof Formats>(learner: LearnerModules, name: K) =>
  expect.fn<Formats[K]>(learner[FILE], name, FILE);

const WITH_BADGE: PushNotification = {
  id: 'n-00042',
  userId: 'u-0042',
  seq: 3,
  title: '発送のお知らせ',
  body: 'ご注文の商品を発送しました。',
  badge: 2,
};
const WITHOUT_BADGE: PushNotification = {
  id: 'n-00043',
  userId: 'u-0007',
  seq: 1,
  title: 'Order shipped',
  body: 'Your order is on its way.',
};

/** A notification whose payload (as specified) is exactly `bytes` long, padding the body with ASCII. */
function notificationOfSize(
  build: (notification: PushNotification) => unknown,
  bytes: number,
): PushNotification {
  const empty = { ...WITHOUT_BADGE, body: '' };
  return { ...empty, body: 'a'.repeat(bytes - jsonBytes(build(empty))) };
}

/**
 * A notification whose payload is `bytes` long with a Japanese body (3 bytes a character) and a
 * few ASCII characters to land on the exact size: far fewer characters than bytes.
 */
function japaneseOfSize(
  build: (notification: PushNotification) => unknown,
  bytes: number,
  id: string,
): PushNotification {
  const empty = { ...WITHOUT_BADGE, id, body: '' };
  const room = bytes - jsonBytes(build(empty));
  return { ...empty, body: 'お'.repeat(Math.floor(room / 3)) + 'a'.repeat(room % 3) };
}

/** A notification drawn from the run's seed: its id, user, texts and badge (0 clears the badge, and is one). */
function drawnNotification(random: () => number, badge: number | undefined): PushNotification {
  const notification: PushNotification = {
    id: `n-${randomInt(random, 10_000, 99_999)}`,
    userId: `u-${randomInt(random, 1_000, 9_999)}`,
    seq: randomInt(random, 1, 20),
    title: TITLES[randomInt(random, 0, TITLES.length - 1)],
    body: BODIES[randomInt(random, 0, BODIES.length - 1)],
  };
  if (badge !== undefined) notification.badge = badge;
  return notification;
}

const TITLES = ['発送のお知らせ', 'Order shipped', 'ポイント付与', 'New message'];
const BODIES = [
  'ご注文の商品を発送しました。',
  'Your order is on its way.',
  '100 ポイントが付与されました。',
];

/** The payloads' cases: the page's two worked examples, a badge of 0, and notifications drawn from the seed. */
function payloadCases(random: () => number): PushNotification[] {
  return [
    WITH_BADGE,
    WITHOUT_BADGE,
    drawnNotification(random, 0),
    drawnNotification(random, randomInt(random, 1, 99)),
    drawnNotification(random, undefined),
  ];
}

/** A number as a pattern that also accepts thousands separators: 4096 or 4,096. */
function digits(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',?');
}

const PLATFORMS = [
  { name: 'APNs', fn: 'toApnsPayload', build: expectedApnsPayload, limit: APNS_MAX_PAYLOAD_BYTES },
  { name: 'FCM', fn: 'toFcmV1Payload', build: expectedFcmV1Payload, limit: FCM_MAX_PAYLOAD_BYTES },
] as const;

export const formatsChecks: Check[] = [
  {
    id: 'formats.tag-expression',
    exercise: 2,
    title: {
      en: 'The tag expression reaches the user’s devices, not muted ones, and refuses a userId no tag can hold',
      ja: 'タグ式はユーザーの端末に届き、ミュートした端末には届かず、タグにできない userId は拒否する',
    },
    hints: [
      {
        en: 'Devices register with the tag user:<userId>; a muted device also carries the tag muted.',
        ja: '端末は user:<userId> というタグで登録され、ミュートした端末には muted タグも付いています。',
      },
      {
        en: 'Tag expressions combine tags with && (and), || (or) and ! (not).',
        ja: 'タグ式では && (かつ)、|| (または)、! (否定) でタグを組み合わせます。',
      },
      {
        en: 'tagProblem(tag) returns why a tag is not allowed (or undefined): throw an Error that includes the userId.',
        ja: 'tagProblem(tag) はタグが使えない理由を返します(使えるなら undefined)。userId を含めた Error を投げましょう。',
      },
    ],
    run(learner, { random }) {
      const tagExpressionFor = learnerFn(learner, 'tagExpressionFor');
      // The page's example user, one drawn from the seed, one with the other characters a tag
      // allows (an email-like id), and the longest userId a tag can hold.
      const longest = `u${'9'.repeat(NOTIFICATION_HUBS_MAX_TAG_LENGTH - 'user:u'.length)}`;
      const drawn = () => randomInt(random, 1_000, 9_999);
      const emailLike = `u.${drawn()}_#a@example.com:${drawn()}`;
      for (const userId of ['u-0042', `u-${drawn()}`, emailLike, longest]) {
        const text = tagExpressionFor(userId);
        expect.ok(
          typeof text === 'string',
          {
            en: `tagExpressionFor(${JSON.stringify(userId)}) must return the expression as a string.`,
            ja: `tagExpressionFor(${JSON.stringify(userId)}) は式を文字列で返す必要があります。`,
          },
          { actual: text, hint: 2 },
        );
        let expression;
        try {
          expression = parseTagExpression(text);
        } catch (error) {
          throw new CheckFailure(
            {
              en: `Notification Hubs (the lab’s model) refuses the tag expression ${JSON.stringify(text)}: ${(error as Error).message}`,
              ja: `Notification Hubs(ラボのモデル)がタグ式 ${JSON.stringify(text)} を受け付けません: ${(error as Error).message}`,
            },
            { hint: 2 },
          );
        }
        const other = `${userId.slice(0, -1)}${userId.endsWith('1') ? '2' : '1'}`;
        const cases: Array<[string[], boolean]> = [
          [[`user:${userId}`], true],
          [[`user:${userId}`, 'lang:ja'], true],
          [[`user:${userId}`, 'muted'], false],
          [[`user:${other}`], false],
          [[`user:${other}`, `lang:${userId}`], false],
          [[`user:${userId}1`], false],
          [[], false],
        ];
        for (const [tags, expected] of cases) {
          expect.equal(
            matches(expression, new Set(tags)),
            expected,
            {
              en: `Does ${JSON.stringify(text)} match a registration tagged ${JSON.stringify(tags)}?`,
              ja: `${JSON.stringify(text)} はタグ ${JSON.stringify(tags)} の登録に一致するか`,
            },
            { hint: tags.includes('muted') ? 2 : 1 },
          );
        }
      }
      // A space, one character too many, and userIds that would change the expression itself:
      // "user:u-1||user:u-2 && !muted" reaches u-2's devices and u-1's muted ones.
      const operator = ['!', '(', ')', '&', '|', ','][randomInt(random, 0, 5)];
      const refused = [
        'u 42',
        `${longest}9`,
        `u-${drawn()}||user:u-${drawn()}`,
        `u-${drawn()}${operator}`,
      ];
      for (const userId of refused) {
        expect.throws(
          () => tagExpressionFor(userId),
          {
            en: `tagExpressionFor(${JSON.stringify(userId)}) must throw an error naming the userId (a tag allows letters, digits and _ @ # . : - only, up to ${NOTIFICATION_HUBS_MAX_TAG_LENGTH} characters)`,
            ja: `tagExpressionFor(${JSON.stringify(userId)}) は userId を含むエラーを投げる必要があります(タグに使えるのは英数字と _ @ # . : - だけで、${NOTIFICATION_HUBS_MAX_TAG_LENGTH} 文字まで)`,
          },
          new RegExp(userId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
          { hint: 3 },
        );
      }
    },
  },
  {
    id: 'formats.apns-payload',
    exercise: 2,
    title: {
      en: 'The APNs payload: alert and badge in aps, the notification id beside it',
      ja: 'APNs ペイロード: alert と badge は aps の中、通知 ID はその隣',
    },
    hints: [
      {
        en: 'Apple-defined keys (alert, badge, sound) live in the aps dictionary; your own keys go outside it.',
        ja: 'Apple が定義したキー(alert、badge、sound)は aps 辞書に入れ、アプリ独自のキーはその外に置きます。',
      },
      {
        en: 'Leave badge out entirely when the notification has none; do not write badge: undefined into a payload that is sent. A badge of 0 is a badge (it clears the number on the icon): test for undefined, not for a truthy value.',
        ja: '通知に badge がなければ、キーごと省きます。badge の 0 も badge です(アイコンの数字を消します)。真偽値ではなく undefined かどうかで判定しましょう。',
      },
    ],
    run(learner, { random }) {
      const toApnsPayload = learnerFn(learner, 'toApnsPayload');
      for (const notification of payloadCases(random)) {
        const payload = toApnsPayload({ ...notification });
        expect.deepEqual(
          payload,
          expectedApnsPayload(notification),
          {
            en: `toApnsPayload(${JSON.stringify(notification)})`,
            ja: `toApnsPayload(${JSON.stringify(notification)})`,
          },
          { hint: notification.badge === 0 ? 2 : 1 },
        );
        expect.ok(
          !('badge' in (payload?.aps ?? {})) || notification.badge !== undefined,
          {
            en: `toApnsPayload(${notification.id}) has a badge key although the notification has no badge.`,
            ja: `toApnsPayload(${notification.id}) に、通知にはない badge キーがあります。`,
          },
          { hint: 2 },
        );
      }
    },
  },
  {
    id: 'formats.fcm-v1-payload',
    exercise: 2,
    title: {
      en: 'The FCM v1 payload: notification title and body, the id and badge as strings in data',
      ja: 'FCM v1 ペイロード: notification に title と body、data に ID と badge を文字列で',
    },
    hints: [
      {
        en: 'FCM v1 wraps everything in a message object; Notification Hubs adds each device’s token for you.',
        ja: 'FCM v1 ではすべてを message オブジェクトで包みます。端末ごとのトークンは Notification Hubs が付けます。',
      },
      {
        en: 'FCM v1 data is a map of strings to strings: a badge of 2 goes in as "2", and a badge of 0 as "0".',
        ja: 'FCM v1 の data は文字列から文字列へのマップです。badge の 2 は "2"、0 は "0" として入れます。',
      },
    ],
    run(learner, { random }) {
      const toFcmV1Payload = learnerFn(learner, 'toFcmV1Payload');
      for (const notification of payloadCases(random)) {
        expect.deepEqual(
          toFcmV1Payload({ ...notification }),
          expectedFcmV1Payload(notification),
          {
            en: `toFcmV1Payload(${JSON.stringify(notification)})`,
            ja: `toFcmV1Payload(${JSON.stringify(notification)})`,
          },
          { hint: notification.badge === undefined ? 1 : 2 },
        );
      }
    },
  },
  {
    id: 'formats.size-limit',
    exercise: 2,
    title: {
      en: 'A payload over 4,096 bytes (UTF-8, not characters) is refused with a clear error; exactly 4,096 passes',
      ja: '4,096 バイト(文字数ではなく UTF-8 のバイト数)を超えるペイロードははっきりしたエラーで拒否し、ちょうど 4,096 は通す',
    },
    hints: [
      {
        en: 'A Japanese character is 3 bytes in UTF-8, so body.length says little: measure the whole payload with jsonBytes(payload).',
        ja: '日本語の 1 文字は UTF-8 で 3 バイトなので、body.length では測れません。jsonBytes(payload) でペイロード全体を測ります。',
      },
      {
        en: 'The limit is inclusive: 4,096 bytes is allowed, 4,097 is not. Say the platform, the size and the limit in the error.',
        ja: '上限ちょうどの 4,096 バイトは許され、4,097 は拒否されます。エラーにはプラットフォーム名、サイズ、上限を書きましょう。',
      },
    ],
    run(learner, { random }) {
      for (const platform of PLATFORMS) {
        const build = learnerFn(learner, platform.fn) as (
          notification: PushNotification,
        ) => unknown;
        const atLimit = notificationOfSize(platform.build, platform.limit);
        expect.deepEqual(
          build(atLimit),
          platform.build(atLimit),
          {
            en: `${platform.fn} for a payload of exactly ${platform.limit} bytes (allowed)`,
            ja: `ちょうど ${platform.limit} バイトのペイロードに対する ${platform.fn}(許される)`,
          },
          { hint: 2 },
        );
        const overLimit = notificationOfSize(platform.build, platform.limit + 1);
        expect.throws(
          () => build(overLimit),
          {
            en: `${platform.fn} for a payload of ${platform.limit + 1} bytes must throw`,
            ja: `${platform.limit + 1} バイトのペイロードに対する ${platform.fn} はエラーを投げる必要があります`,
          },
          undefined,
          { hint: 2 },
        );
        // Japanese bodies on the edge: a few hundred characters short of the limit in length, but
        // exactly on it, or one byte over, in UTF-8; where the edge falls is drawn from the seed.
        const extra = randomInt(random, 0, 2);
        const fits = japaneseOfSize(platform.build, platform.limit - extra, 'n-fits');
        expect.deepEqual(
          build(fits),
          platform.build(fits),
          {
            en: `${platform.fn} for a Japanese body of ${fits.body.length} characters (a ${platform.limit - extra}-byte payload, allowed)`,
            ja: `本文が日本語 ${fits.body.length} 文字(ペイロード ${platform.limit - extra} バイト、許される)の ${platform.fn}`,
          },
          { hint: 1 },
        );
        const over = japaneseOfSize(platform.build, platform.limit + 1 + extra, 'n-over');
        expect.throws(
          () => build(over),
          {
            en: `${platform.fn} for a Japanese body of ${over.body.length} characters (a ${platform.limit + 1 + extra}-byte payload) must throw`,
            ja: `本文が日本語 ${over.body.length} 文字(ペイロード ${platform.limit + 1 + extra} バイト)の ${platform.fn} はエラーを投げる必要があります`,
          },
          undefined,
          { hint: 1 },
        );
        const japanese = { ...WITHOUT_BADGE, body: 'お'.repeat(1_400) };
        const bytes = jsonBytes(platform.build(japanese));
        expect.throws(
          () => build(japanese),
          {
            en: `${platform.fn} for a body of 1,400 Japanese characters (a ${bytes}-byte payload) must throw an error that says "${platform.name}", ${bytes} and ${platform.limit}`,
            ja: `本文が日本語 1,400 文字(ペイロード ${bytes} バイト)の ${platform.fn} は、"${platform.name}"、${bytes}、${platform.limit} を含むエラーを投げる必要があります`,
          },
          new RegExp(
            `(?=[\\s\\S]*${platform.name})(?=[\\s\\S]*${digits(bytes)})(?=[\\s\\S]*${digits(platform.limit)})`,
          ),
          { hint: 2 },
        );
      }
    },
  },
];
