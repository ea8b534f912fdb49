import { expect } from '../../kit/expect.ts';
import type { Check, LearnerModules } from '../../kit/types.ts';
import { APNS_MAX_PAYLOAD_BYTES, FCM_MAX_PAYLOAD_BYTES } from '../support/limits.ts';
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
      en: "The tag expression reaches the user's devices, not muted ones, and refuses a userId no tag can hold",
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
    run(learner) {
      const tagExpressionFor = learnerFn(learner, 'tagExpressionFor');
      const text = tagExpressionFor('u-0042');
      expect.ok(
        typeof text === 'string',
        {
          en: 'tagExpressionFor("u-0042") must return the expression as a string.',
          ja: 'tagExpressionFor("u-0042") は式を文字列で返す必要があります。',
        },
        { actual: text },
      );
      const expression = parseTagExpression(text);
      const cases: Array<[string[], boolean]> = [
        [['user:u-0042'], true],
        [['user:u-0042', 'lang:ja'], true],
        [['user:u-0042', 'muted'], false],
        [['user:u-0043'], false],
        [['user:u-00421'], false],
        [[], false],
      ];
      for (const [tags, expected] of cases) {
        expect.equal(matches(expression, new Set(tags)), expected, {
          en: `Does ${JSON.stringify(text)} match a registration tagged ${JSON.stringify(tags)}?`,
          ja: `${JSON.stringify(text)} はタグ ${JSON.stringify(tags)} の登録に一致するか`,
        });
      }
      expect.throws(
        () => tagExpressionFor('u 42'),
        {
          en: 'tagExpressionFor("u 42") must throw an error naming the userId (a space is not allowed in a tag)',
          ja: 'tagExpressionFor("u 42") は userId を含むエラーを投げる必要があります(タグに空白は使えません)',
        },
        /u 42/,
      );
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
        en: 'Leave badge out entirely when the notification has none; do not write badge: undefined into a payload that is sent.',
        ja: '通知に badge がなければ、キーごと省きます。',
      },
    ],
    run(learner) {
      const toApnsPayload = learnerFn(learner, 'toApnsPayload');
      for (const notification of [WITH_BADGE, WITHOUT_BADGE]) {
        const payload = toApnsPayload({ ...notification });
        expect.deepEqual(payload, expectedApnsPayload(notification), {
          en: `toApnsPayload(${notification.id})`,
          ja: `toApnsPayload(${notification.id})`,
        });
        expect.ok(!('badge' in payload.aps) || notification.badge !== undefined, {
          en: `toApnsPayload(${notification.id}) has a badge key although the notification has no badge.`,
          ja: `toApnsPayload(${notification.id}) に、通知にはない badge キーがあります。`,
        });
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
        en: 'FCM v1 data is a map of strings to strings: a badge of 2 goes in as "2".',
        ja: 'FCM v1 の data は文字列から文字列へのマップです。badge の 2 は "2" として入れます。',
      },
    ],
    run(learner) {
      const toFcmV1Payload = learnerFn(learner, 'toFcmV1Payload');
      for (const notification of [WITH_BADGE, WITHOUT_BADGE]) {
        expect.deepEqual(toFcmV1Payload({ ...notification }), expectedFcmV1Payload(notification), {
          en: `toFcmV1Payload(${notification.id})`,
          ja: `toFcmV1Payload(${notification.id})`,
        });
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
    run(learner) {
      for (const platform of PLATFORMS) {
        const build = learnerFn(learner, platform.fn) as (
          notification: PushNotification,
        ) => unknown;
        const atLimit = notificationOfSize(platform.build, platform.limit);
        expect.deepEqual(build(atLimit), platform.build(atLimit), {
          en: `${platform.fn} for a payload of exactly ${platform.limit} bytes (allowed)`,
          ja: `ちょうど ${platform.limit} バイトのペイロードに対する ${platform.fn}(許される)`,
        });
        const overLimit = notificationOfSize(platform.build, platform.limit + 1);
        expect.throws(() => build(overLimit), {
          en: `${platform.fn} for a payload of ${platform.limit + 1} bytes must throw`,
          ja: `${platform.limit + 1} バイトのペイロードに対する ${platform.fn} はエラーを投げる必要があります`,
        });
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
        );
      }
    },
  },
];
