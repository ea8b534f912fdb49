import { base64url, exportSPKI } from 'jose';
import { expectCases } from '../../kit/cases.ts';
import { expect } from '../../kit/expect.ts';
import { formatValue } from '../../kit/format-value.ts';
import { randomInt } from '../../kit/seeded-random.ts';
import type { Check, LearnerModules, Text } from '../../kit/types.ts';
import type { AuthorizerResult } from '../support/authorizer-types.ts';
import { derToJoseSignature } from '../support/der-signature.ts';
import { FakeKms } from '../support/fake-kms.ts';
import { SESSION_SECONDS, TOKEN_AUDIENCE, TOKEN_ISSUER } from '../support/session.ts';
import { drawIdentity } from './session-token.ts';

type Authorizer = typeof import('../solution/authorizer.ts');
const FILE = 'authorizer.ts';
const encode = (value: unknown) => base64url.encode(JSON.stringify(value));

/**
 * One run's world: the simulated "now" (seconds since the epoch), the method being called and
 * the signed-in user, drawn from the seed so that no single clock value or identity passes.
 */
interface Scenario {
  kms: FakeKms;
  now: number;
  methodArn: string;
  claims: { iss: string; aud: string; sub: string; iat: number; exp: number };
}

/** The world the lab page shows: 14 November 2023, 22:13:20 UTC, user-42, GET /orders. */
async function shownScenario(): Promise<Scenario> {
  const now = 1_700_000_000;
  return {
    kms: await FakeKms.create(),
    now,
    methodArn: 'arn:aws:execute-api:ap-northeast-1:123456789012:abcdef1234/prod/GET/orders',
    claims: {
      iss: TOKEN_ISSUER,
      aud: TOKEN_AUDIENCE,
      sub: 'user-42',
      iat: now - 60,
      exp: now - 60 + SESSION_SECONDS,
    },
  };
}

async function scenario(random: () => number): Promise<Scenario> {
  const { nowSeconds: now, userId, keyId } = drawIdentity(random);
  const resource = ['orders', 'profile', 'invoices', 'cart'][randomInt(random, 0, 3)];
  const method = ['GET', 'POST', 'PUT', 'DELETE'][randomInt(random, 0, 3)];
  const iat = now - randomInt(random, 1, SESSION_SECONDS - 1);
  return {
    kms: await FakeKms.create(keyId),
    now,
    methodArn: `arn:aws:execute-api:ap-northeast-1:123456789012:${randomInt(random, 100_000, 999_999)}abcd/prod/${method}/${resource}`,
    claims: {
      iss: TOKEN_ISSUER,
      aud: TOKEN_AUDIENCE,
      sub: userId,
      iat,
      exp: iat + SESSION_SECONDS,
    },
  };
}

/** A token the fake KMS really signed, with whatever header and claims a check needs. */
async function signed(
  kms: FakeKms,
  claims: object,
  header: object = { alg: 'ES256', typ: 'JWT', kid: kms.keyId },
) {
  const input = `${encode(header)}.${encode(claims)}`;
  const der = await kms.sign({
    keyId: kms.keyId,
    message: new TextEncoder().encode(input),
    signingAlgorithm: 'ECDSA_SHA_256',
  });
  return `${input}.${base64url.encode(derToJoseSignature(der))}`;
}

/** The learner's answer: a policy, or the error it threw (API Gateway's 401 or 500). */
async function answer(
  learner: LearnerModules,
  world: Scenario,
  token: string,
): Promise<AuthorizerResult | Error> {
  const authorize = expect.fn<Authorizer['authorize']>(learner[FILE], 'authorize', FILE);
  try {
    return await authorize(
      { type: 'TOKEN', authorizationToken: `Bearer ${token}`, methodArn: world.methodArn },
      world.kms.getPublicKey(),
      world.now,
    );
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** "Allow on arn:…", or what was thrown: short enough to read in one line of a check result. */
/** What the authorizer answered, written as code (`Deny arn:…`, `Error('…')`): it reads the same in both languages. */
const effectOf = (result: AuthorizerResult | Error) => {
  if (result instanceof Error) return `${result.name}('${result.message}')`;
  const statements = result?.policyDocument?.Statement;
  if (!Array.isArray(statements)) return formatValue(result);
  return (
    statements.map((statement) => `${statement.Effect} ${statement.Resource}`).join('; ') || '[]'
  );
};

const isDeny = (result: AuthorizerResult | Error, methodArn: string) =>
  result instanceof Error
    ? result.message === 'Unauthorized'
    : result?.policyDocument?.Statement?.length > 0 &&
      result.policyDocument.Statement.every((statement) => statement.Effect === 'Deny') &&
      result.policyDocument.Statement.some((statement) => statement.Resource === methodArn);

const isAllow = (result: AuthorizerResult | Error, methodArn: string) =>
  !(result instanceof Error) &&
  result?.policyDocument?.Statement?.some(
    (statement) => statement.Effect === 'Allow' && statement.Resource === methodArn,
  );

const VERIFY_HINT: Text = {
  en: 'Let jwtVerify decide: pin algorithms: ["ES256"], issuer, audience and currentDate (from nowSeconds), and turn every error it throws into Deny.',
  ja: '判断は jwtVerify に任せます。algorithms: ["ES256"]、issuer、audience、currentDate(nowSeconds から)を指定し、投げられたエラーはすべて Deny にします。',
};

/** A token to offer, and what it shows: `label` names it in a failure without printing it whole. */
interface Offer {
  label: Text;
  token(world: Scenario): Promise<string>;
}

/**
 * One attack, one check: every token in `deny` must be refused. An authorizer that denies
 * everything would pass, so a good token must get Allow first, and so must each token in
 * `allow`: the other side of the attack's edge (valid for one more second, valid from now on).
 */
function attack(
  id: string,
  title: Text,
  hint: Text,
  offers: { deny: Offer[]; allow?: Offer[] },
): Check {
  return {
    id: `authorizer.${id}`,
    exercise: 3,
    title,
    hints: [hint, VERIFY_HINT],
    async run(learner, { random }) {
      const world = await scenario(random);
      const good: Offer = {
        label: { en: 'a good token', ja: '正しいトークン' },
        token: (w) => signed(w.kms, w.claims),
      };
      for (const offer of [good, ...(offers.allow ?? [])]) {
        const result = await answer(learner, world, await offer.token(world));
        expect.ok(
          isAllow(result, world.methodArn),
          {
            en: `First, ${offer.label.en} must get Allow on the method ARN (an authorizer that denies everything stops attacks and users alike).`,
            ja: `まず、${offer.label.ja}にはメソッド ARN への Allow を返す必要があります(すべてを拒否するオーソライザーは、攻撃と一緒に利用者も止めてしまいます)。`,
          },
          {
            expected: `Allow ${world.methodArn}`,
            actual: effectOf(result),
            hint: offer === good ? 2 : 1,
          },
        );
      }
      for (const offer of offers.deny) {
        const result = await answer(learner, world, await offer.token(world));
        expect.ok(
          isDeny(result, world.methodArn),
          {
            en: `${title.en} (${offer.label.en}): the authorizer must answer Deny on the method ARN (403), or throw Error('Unauthorized') (401). Any other error becomes a 500.`,
            ja: `${title.ja}(${offer.label.ja}): オーソライザーはメソッド ARN への Deny(403)を返すか、Error('Unauthorized')(401)を投げる必要があります。それ以外のエラーは 500 になります。`,
          },
          {
            expected: `Deny ${world.methodArn} | Error('Unauthorized')`,
            actual: effectOf(result),
            hint: 1,
          },
        );
      }
    },
  };
}

/** A signed token with the run's claims changed by `change`. */
const signedWith = (label: Text, change: (world: Scenario) => object): Offer => ({
  label,
  token: (world) => signed(world.kms, { ...world.claims, ...change(world) }),
});

export const authorizerChecks: Check[] = [
  {
    id: 'authorizer.allows-good-token',
    exercise: 3,
    title: {
      en: 'A good token gets Allow on the method, with the user as principal and in the context',
      ja: '正しいトークンにはメソッドへの Allow を返し、ユーザーを principal と context に入れる',
    },
    hints: [
      {
        en: 'principalId and context.userId both come from the verified token’s sub claim.',
        ja: 'principalId と context.userId は、どちらも検証済みトークンの sub クレームから取ります。',
      },
      VERIFY_HINT,
    ],
    async run(learner, { random }) {
      const worlds = [await shownScenario(), await scenario(random)];
      await expectCases(
        worlds.map((world, index) => ({
          input: world,
          expected: {
            principalId: world.claims.sub,
            policyDocument: {
              Version: '2012-10-17',
              Statement: [
                { Action: 'execute-api:Invoke', Effect: 'Allow', Resource: world.methodArn },
              ],
            },
            context: { userId: world.claims.sub },
          },
          kind: index === 0 ? 'example' : 'generated',
          hint: 1,
        })),
        {
          call: async (world) => answer(learner, world, await signed(world.kms, world.claims)),
          what: (world) => ({
            en: `the authorizer’s answer for a good token of ${world.claims.sub} at ${world.now}, calling ${world.methodArn}`,
            ja: `${world.claims.sub} の正しいトークンに対する、時刻 ${world.now}・${world.methodArn} の呼び出しでのオーソライザーの応答`,
          }),
        },
      );
    },
  },
  attack(
    'denies-expired',
    { en: 'Denies an expired token', ja: '期限切れのトークンを拒否する' },
    {
      en: 'Compare exp with the simulated time nowSeconds, not with the machine’s clock.',
      ja: 'exp はマシンの時計ではなく、シミュレーション上の時刻 nowSeconds と比べます。',
    },
    {
      deny: [
        signedWith({ en: 'expired 10 s ago', ja: '10 秒前に期限切れ' }, ({ now }) => ({
          iat: now - SESSION_SECONDS - 10,
          exp: now - 10,
        })),
        // The edge: exp is the first second the token is no longer valid.
        signedWith({ en: 'exp exactly now', ja: 'exp がちょうど現在時刻' }, ({ now }) => ({
          iat: now - SESSION_SECONDS,
          exp: now,
        })),
        signedWith({ en: 'expired 1 s ago', ja: '1 秒前に期限切れ' }, ({ now }) => ({
          iat: now - SESSION_SECONDS - 1,
          exp: now - 1,
        })),
      ],
      allow: [
        signedWith(
          { en: 'a token valid for 1 more second', ja: 'あと 1 秒有効なトークン' },
          ({ now }) => ({ iat: now - SESSION_SECONDS + 1, exp: now + 1 }),
        ),
      ],
    },
  ),
  attack(
    'denies-no-exp',
    {
      en: 'Denies a signed token that never expires (no exp)',
      ja: '期限のない(exp のない)署名済みトークンを拒否する',
    },
    {
      en: 'jwtVerify checks exp only when the token has one: require it (requiredClaims), or a stolen token works forever.',
      ja: 'jwtVerify が exp を確かめるのは、トークンに exp があるときだけです。requiredClaims で必須にしないと、盗まれたトークンがいつまでも使えてしまいます。',
    },
    { deny: [signedWith({ en: 'no exp', ja: 'exp なし' }, () => ({ exp: undefined }))] },
  ),
  attack(
    'denies-not-yet-valid',
    {
      en: 'Denies a token that is not valid yet (nbf an hour ahead)',
      ja: 'まだ有効になっていないトークン(1 時間先の nbf)を拒否する',
    },
    {
      en: 'nbf means “not before”: a token used before that moment is invalid.',
      ja: 'nbf は「この時刻より前は無効」という意味です。その時刻より前に使われたトークンは無効です。',
    },
    {
      deny: [
        signedWith({ en: 'nbf an hour ahead', ja: 'nbf が 1 時間先' }, ({ now }) => ({
          nbf: now + 3_600,
        })),
        signedWith({ en: 'nbf 1 s ahead', ja: 'nbf が 1 秒先' }, ({ now }) => ({ nbf: now + 1 })),
      ],
      allow: [
        signedWith(
          { en: 'a token with nbf exactly now', ja: 'nbf がちょうど現在時刻のトークン' },
          ({ now }) => ({ nbf: now }),
        ),
      ],
    },
  ),
  attack(
    'denies-wrong-issuer',
    { en: 'Denies a token from another issuer', ja: '別の発行者のトークンを拒否する' },
    {
      en: 'Only tokens your own auth service issued are acceptable: check iss.',
      ja: '受け入れてよいのは、自分の認証サービスが発行したトークンだけです。iss を確かめます。',
    },
    {
      deny: [
        signedWith({ en: 'iss another host', ja: 'iss が別のホスト' }, () => ({
          iss: 'https://auth.other.example.org',
        })),
        // One character away from the right issuer, on either side.
        signedWith({ en: 'iss with a trailing slash', ja: 'iss の末尾にスラッシュ' }, () => ({
          iss: `${TOKEN_ISSUER}/`,
        })),
        signedWith({ en: 'iss one letter short', ja: 'iss が 1 文字短い' }, () => ({
          iss: TOKEN_ISSUER.slice(0, -1),
        })),
        signedWith({ en: 'no iss', ja: 'iss なし' }, () => ({ iss: undefined })),
      ],
    },
  ),
  attack(
    'denies-wrong-audience',
    { en: 'Denies a token meant for another API', ja: '別の API 向けのトークンを拒否する' },
    {
      en: 'aud says which API the token was issued for; a token for the admin API must not open this one.',
      ja: 'aud は、そのトークンがどの API 向けに発行されたかを示します。管理 API 向けのトークンでこの API を開けてはいけません。',
    },
    {
      deny: [
        signedWith({ en: 'aud the admin API', ja: 'aud が管理 API' }, () => ({
          aud: 'https://admin.app.example.com',
        })),
        signedWith({ en: 'aud with a trailing slash', ja: 'aud の末尾にスラッシュ' }, () => ({
          aud: `${TOKEN_AUDIENCE}/`,
        })),
        signedWith({ en: 'no aud', ja: 'aud なし' }, () => ({ aud: undefined })),
      ],
      allow: [
        signedWith(
          { en: 'a token for this API and another', ja: 'この API と別の API 向けのトークン' },
          () => ({ aud: ['https://admin.app.example.com', TOKEN_AUDIENCE] }),
        ),
      ],
    },
  ),
  attack(
    'denies-tampered',
    {
      en: 'Denies a token whose payload was changed after signing',
      ja: '署名後にペイロードを書き換えたトークンを拒否する',
    },
    {
      en: 'Reading the payload is not verifying it: the signature covers "header.payload", so check it.',
      ja: 'ペイロードを読むことは検証ではありません。署名は "header.payload" 全体にかかっているので、それを確かめます。',
    },
    {
      deny: [
        {
          label: { en: 'sub changed to admin after signing', ja: '署名後に sub を admin に変更' },
          async token(world) {
            const [header, , signature] = (await signed(world.kms, world.claims)).split('.');
            return `${header}.${encode({ ...world.claims, sub: 'admin' })}.${signature}`;
          },
        },
        {
          // One key of two: a token signed by another KMS key with the same kid must not pass.
          label: {
            en: 'signed by another KMS key with the same key id',
            ja: '同じキー ID を持つ別の KMS キーで署名',
          },
          async token(world) {
            return signed(await FakeKms.create(world.kms.keyId), world.claims);
          },
        },
      ],
    },
  ),
  attack(
    'denies-alg-none',
    { en: 'Denies an unsigned token (alg "none")', ja: '署名のないトークン(alg "none")を拒否する' },
    {
      en: 'Never let the token choose its own algorithm: the header is written by whoever made the token.',
      ja: 'アルゴリズムをトークン自身に決めさせてはいけません。ヘッダーを書いたのはトークンを作った人です。',
    },
    {
      deny: [
        {
          label: { en: 'alg "none"', ja: 'alg "none"' },
          token: async (world) => `${encode({ alg: 'none', typ: 'JWT' })}.${encode(world.claims)}.`,
        },
      ],
    },
  ),
  attack(
    'denies-hs256-with-public-key',
    {
      en: 'Denies an HS256 token “signed” with the public key (algorithm confusion)',
      ja: '公開鍵で「署名」した HS256 トークンを拒否する(アルゴリズム混同攻撃)',
    },
    {
      en: 'The public key is public: anyone can use its PEM text as an HMAC secret. Accept ES256 only.',
      ja: '公開鍵は誰でも持っています。その PEM テキストを HMAC の秘密鍵として使うことは誰にでもできます。ES256 だけを受け入れます。',
    },
    {
      deny: [
        {
          label: {
            en: 'HS256 keyed with the public key’s PEM',
            ja: '公開鍵の PEM を鍵にした HS256',
          },
          async token(world) {
            const pem = await exportSPKI(world.kms.getPublicKey());
            const secret = await crypto.subtle.importKey(
              'raw',
              new TextEncoder().encode(pem),
              { name: 'HMAC', hash: 'SHA-256' },
              false,
              ['sign'],
            );
            const input = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(world.claims)}`;
            const signature = await crypto.subtle.sign(
              'HMAC',
              secret,
              new TextEncoder().encode(input),
            );
            return `${input}.${base64url.encode(new Uint8Array(signature))}`;
          },
        },
      ],
    },
  ),
  attack(
    'denies-malformed',
    {
      en: 'Denies a malformed token instead of failing with an error',
      ja: '形式の壊れたトークンを、エラーで落ちずに拒否する',
    },
    {
      en: 'A header that is not base64url JSON must end in Deny; an uncaught error would make API Gateway answer 500.',
      ja: 'base64url の JSON でないヘッダーも Deny で終わらせます。捕まえないエラーは API Gateway の 500 になります。',
    },
    {
      deny: [
        {
          label: {
            en: 'a header that is not base64url JSON',
            ja: 'base64url の JSON でないヘッダー',
          },
          token: async (world) => `!!not-a-header!!.${encode(world.claims)}.c2ln`,
        },
        { label: { en: 'an empty token', ja: '空のトークン' }, token: async () => '' },
      ],
    },
  ),
];
