import { base64url, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { expectCases } from '../../kit/cases.ts';
import { expect } from '../../kit/expect.ts';
import { randomHex, randomInt } from '../../kit/seeded-random.ts';
import type { Case, Check, LearnerModules, Text } from '../../kit/types.ts';
import { FakeKms } from '../support/fake-kms.ts';
import { SESSION_SECONDS, TOKEN_AUDIENCE, TOKEN_ISSUER } from '../support/session.ts';

type SessionToken = typeof import('../solution/session-token.ts');
const FILE = 'session-token.ts';
/** 14 November 2023, 22:13:20 UTC: any fixed moment works, the checks never read the machine's clock. */
const NOW = 1_700_000_000;
/** A moment, a user and a key id drawn from the seed, so no single clock value or identity is the answer. */
export function drawIdentity(random: () => number) {
  const hex = (length: number) => randomHex(random, length);
  return {
    nowSeconds: randomInt(random, 1_600_000_000, 1_900_000_000),
    userId: `user-${randomInt(random, 100, 99_999)}`,
    keyId: `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
  };
}

const issueOf = (learner: LearnerModules) =>
  expect.fn<SessionToken['issueSessionToken']>(learner[FILE], 'issueSessionToken', FILE);

/** Says what is wrong with the token's shape before jose's terser verdict, or undefined if the shape is fine. */
function shapeProblem(token: unknown, kms: FakeKms): (Text & { hint?: number }) | undefined {
  if (typeof token !== 'string')
    return {
      en: `issueSessionToken must resolve to a string, got ${typeof token}.`,
      ja: `issueSessionToken は文字列を返す必要がありますが、${typeof token} が返りました。`,
    };
  const parts = token.split('.');
  if (parts.length !== 3)
    return {
      en: `A compact JWT has three parts joined by dots; this one has ${parts.length}.`,
      ja: `コンパクト形式の JWT はドットでつないだ 3 つの部分からなりますが、これは ${parts.length} つです。`,
    };
  if (kms.signatures === 0)
    return {
      en: 'KMS never signed anything: the signature must come from kms.sign.',
      ja: 'KMS が一度も署名していません。署名は kms.sign で得る必要があります。',
      hint: 1,
    };
  let signature: Uint8Array;
  try {
    signature = base64url.decode(parts[2]);
  } catch {
    return {
      en: 'The third part is not base64url: encode the signature bytes with base64url.encode.',
      ja: '3 つ目の部分が base64url ではありません。署名のバイト列を base64url.encode でエンコードします。',
      hint: 2,
    };
  }
  if (signature.length !== 64 && signature[0] === 0x30) {
    return {
      en: `The signature has ${signature.length} bytes and starts with 0x30: it is still DER, as KMS returns it. ES256 wants the 64-byte r‖s form (derToJoseSignature).`,
      ja: `署名が ${signature.length} バイトで 0x30 から始まっています。KMS が返した DER 形式のままです。ES256 には 64 バイトの r‖s 形式が必要です(derToJoseSignature)。`,
      hint: 2,
    };
  }
  return undefined;
}

/** The token `issueSessionToken` gives `userId` at `now` must verify with the key's public half. */
async function expectVerifies(learner: LearnerModules, kms: FakeKms, userId: string, now: number) {
  const token = await issueOf(learner)(kms, userId, now);
  const problem = shapeProblem(token, kms);
  expect.ok(!problem, problem ?? { en: '', ja: '' }, { actual: token, hint: problem?.hint });
  const verified = await jwtVerify(token, kms.getPublicKey(), {
    issuer: TOKEN_ISSUER,
    audience: TOKEN_AUDIENCE,
    algorithms: ['ES256'],
    currentDate: new Date((now + 60) * 1000),
  }).catch((error: Error) => error);
  const reason = verified instanceof Error ? `${verified.name}: ${verified.message}` : '';
  expect.ok(
    !(verified instanceof Error),
    {
      en: `The token did not verify with the public key (${reason}).`,
      ja: `公開鍵でトークンを検証できませんでした(${reason})。`,
    },
    { actual: token, hint: 1 },
  );
}

export const sessionTokenChecks: Check[] = [
  {
    id: 'token.verifies-with-public-key',
    exercise: 2,
    title: {
      en: 'The token is an ES256 JWT signed in KMS: it verifies with the key’s public half',
      ja: 'トークンは KMS で署名した ES256 の JWT で、鍵の公開鍵で検証できる',
    },
    hints: [
      {
        en: 'KMS signs the exact text "header.payload" (as bytes from TextEncoder), not the JSON objects.',
        ja: 'KMS が署名するのは JSON オブジェクトではなく、"header.payload" という文字列そのもの(TextEncoder で得たバイト列)です。',
      },
      {
        en: 'KMS returns ECDSA signatures DER-encoded; turn them into r‖s with derToJoseSignature, then base64url-encode.',
        ja: 'KMS は ECDSA 署名を DER 形式で返します。derToJoseSignature で r‖s に変換してから base64url でエンコードします。',
      },
    ],
    async run(learner, { random }) {
      const drawn = drawIdentity(random);
      for (const [keyId, userId, now] of [
        [undefined, 'user-42', NOW],
        [drawn.keyId, drawn.userId, drawn.nowSeconds],
      ] as const) {
        await expectVerifies(learner, await FakeKms.create(keyId), userId, now);
      }
    },
  },

  {
    id: 'token.claims',
    exercise: 2,
    title: {
      en: 'Header and claims: ES256 with kid; iss, aud, sub, iat and an exp 24 hours later',
      ja: 'ヘッダーとクレーム: kid 付きの ES256、iss・aud・sub・iat と 24 時間後の exp',
    },
    hints: [
      {
        en: 'kid is the KMS key id, so a verifier can pick the right public key after a key rotation.',
        ja: 'kid は KMS のキー ID です。鍵をローテーションしても、検証側が正しい公開鍵を選べます。',
      },
      {
        en: 'exp is iat + SESSION_SECONDS, both in seconds, not milliseconds.',
        ja: 'exp は iat + SESSION_SECONDS です。どちらもミリ秒ではなく秒です。',
      },
    ],
    async run(learner, { random }) {
      const drawn = drawIdentity(random);
      const shown = {
        keyId: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
        userId: 'user-7',
        nowSeconds: NOW,
      };
      const issue = issueOf(learner);
      const cases: Array<Case<typeof shown, object>> = [shown, drawn].map((input, index) => ({
        input,
        expected: {
          header: { alg: 'ES256', typ: 'JWT', kid: input.keyId },
          claims: {
            iss: TOKEN_ISSUER,
            aud: TOKEN_AUDIENCE,
            sub: input.userId,
            iat: input.nowSeconds,
            exp: input.nowSeconds + SESSION_SECONDS,
          },
        },
        kind: index === 0 ? 'example' : 'generated',
        hint: 2,
      }));
      await expectCases(cases, {
        call: async ({ keyId, userId, nowSeconds }) => {
          const token = await issue(await FakeKms.create(keyId), userId, nowSeconds);
          expectCompact(token);
          return { header: decodeProtectedHeader(token), claims: decodeJwt(token) };
        },
        what: ({ keyId, userId, nowSeconds }) => ({
          en: `header and claims of issueSessionToken(a KMS key "${keyId}", '${userId}', ${nowSeconds})`,
          ja: `issueSessionToken(KMS キー "${keyId}", '${userId}', ${nowSeconds}) のヘッダーとクレーム`,
        }),
      });
    },
  },
];

function expectCompact(token: unknown): asserts token is string {
  expect.ok(
    typeof token === 'string' && token.split('.').length === 3,
    {
      en: 'issueSessionToken must resolve to a compact JWT (three parts joined by dots).',
      ja: 'issueSessionToken はコンパクト形式の JWT(ドットでつないだ 3 つの部分)を返す必要があります。',
    },
    { actual: token },
  );
}
