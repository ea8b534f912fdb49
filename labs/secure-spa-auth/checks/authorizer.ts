import { base64url, exportSPKI } from 'jose';
import { expect } from '../../kit/expect.ts';
import { formatValue } from '../../kit/format-value.ts';
import type { Check, LearnerModules, Text } from '../../kit/types.ts';
import type { AuthorizerResult } from '../support/authorizer-types.ts';
import { derToJoseSignature } from '../support/der-signature.ts';
import { FakeKms } from '../support/fake-kms.ts';
import { SESSION_SECONDS, TOKEN_AUDIENCE, TOKEN_ISSUER } from '../support/session.ts';

type Authorizer = typeof import('../solution/authorizer.ts');
const FILE = 'authorizer.ts';
/** The simulated "now", seconds since the epoch (14 November 2023, 22:13:20 UTC). */
const NOW = 1_700_000_000;
const METHOD_ARN = 'arn:aws:execute-api:ap-northeast-1:123456789012:abcdef1234/prod/GET/orders';
const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
const goodClaims = {
  iss: TOKEN_ISSUER,
  aud: TOKEN_AUDIENCE,
  sub: 'user-42',
  iat: NOW - 60,
  exp: NOW - 60 + SESSION_SECONDS,
};

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
  kms: FakeKms,
  token: string,
): Promise<AuthorizerResult | Error> {
  const authorize = expect.fn<Authorizer['authorize']>(learner[FILE], 'authorize', FILE);
  try {
    return await authorize(
      { type: 'TOKEN', authorizationToken: `Bearer ${token}`, methodArn: METHOD_ARN },
      kms.getPublicKey(),
      NOW,
    );
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** "Allow on arn:…", or what was thrown: short enough to read in one line of a check result. */
const effectOf = (result: AuthorizerResult | Error) => {
  if (result instanceof Error) return `threw ${result.name}: ${result.message}`;
  const statements = result?.policyDocument?.Statement;
  if (!Array.isArray(statements)) return `no policyDocument.Statement in ${formatValue(result)}`;
  return (
    statements.map((statement) => `${statement.Effect} on ${statement.Resource}`).join('; ') ||
    'no statements'
  );
};

const isDeny = (result: AuthorizerResult | Error) =>
  result instanceof Error
    ? result.message === 'Unauthorized'
    : result?.policyDocument?.Statement?.length > 0 &&
      result.policyDocument.Statement.every((statement) => statement.Effect === 'Deny') &&
      result.policyDocument.Statement.some((statement) => statement.Resource === METHOD_ARN);

const isAllow = (result: AuthorizerResult | Error) =>
  !(result instanceof Error) &&
  result?.policyDocument?.Statement?.some(
    (statement) => statement.Effect === 'Allow' && statement.Resource === METHOD_ARN,
  );

const VERIFY_HINT: Text = {
  en: 'Let jwtVerify decide: pin algorithms: ["ES256"], issuer, audience and currentDate (from nowSeconds), and turn every error it throws into Deny.',
  ja: '判断は jwtVerify に任せます。algorithms: ["ES256"]、issuer、audience、currentDate(nowSeconds から)を指定し、投げられたエラーはすべて Deny にします。',
};

/** One attack, one check. An authorizer that denies everything would pass, so a good token must get Allow first. */
function attack(
  id: string,
  title: Text,
  hint: Text,
  forge: (kms: FakeKms) => Promise<string>,
): Check {
  return {
    id: `authorizer.${id}`,
    exercise: 3,
    title,
    hints: [hint, VERIFY_HINT],
    async run(learner) {
      const kms = await FakeKms.create();
      const good = await answer(learner, kms, await signed(kms, goodClaims));
      expect.ok(
        isAllow(good),
        {
          en: 'First, a good token must get Allow on the method ARN (an authorizer that denies everything stops attacks and users alike).',
          ja: 'まず、正しいトークンにはメソッド ARN への Allow を返す必要があります(すべてを拒否するオーソライザーは、攻撃と一緒に利用者も止めてしまいます)。',
        },
        { expected: `Allow on ${METHOD_ARN}`, actual: effectOf(good) },
      );
      const result = await answer(learner, kms, await forge(kms));
      expect.ok(
        isDeny(result),
        {
          en: `${title.en}: the authorizer must answer Deny on the method ARN (403), or throw Error('Unauthorized') (401). Any other error becomes a 500.`,
          ja: `${title.ja}: オーソライザーはメソッド ARN への Deny(403)を返すか、Error('Unauthorized')(401)を投げる必要があります。それ以外のエラーは 500 になります。`,
        },
        { expected: `Deny on ${METHOD_ARN}, or Error('Unauthorized')`, actual: effectOf(result) },
      );
    },
  };
}

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
    async run(learner) {
      const kms = await FakeKms.create();
      const result = await answer(learner, kms, await signed(kms, goodClaims));
      expect.deepEqual(
        result,
        {
          principalId: 'user-42',
          policyDocument: {
            Version: '2012-10-17',
            Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: METHOD_ARN }],
          },
          context: { userId: 'user-42' },
        },
        {
          en: 'the authorizer’s answer for a good token',
          ja: '正しいトークンに対するオーソライザーの応答',
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
    (kms) => signed(kms, { ...goodClaims, iat: NOW - SESSION_SECONDS - 10, exp: NOW - 10 }),
  ),
  attack(
    'denies-not-yet-valid',
    {
      en: 'Denies a token that is not valid yet (nbf an hour ahead)',
      ja: 'まだ有効になっていないトークン(1 時間先の nbf)を拒否する',
    },
    {
      en: 'nbf means "not before": a token used before that moment is invalid, and so is one issued in the future.',
      ja: 'nbf は「この時刻より前は無効」という意味です。未来に発行されたトークンも同様に無効です。',
    },
    (kms) => signed(kms, { ...goodClaims, nbf: NOW + 3_600 }),
  ),
  attack(
    'denies-wrong-issuer',
    { en: 'Denies a token from another issuer', ja: '別の発行者のトークンを拒否する' },
    {
      en: 'Only tokens your own auth service issued are acceptable: check iss.',
      ja: '受け入れてよいのは、自分の認証サービスが発行したトークンだけです。iss を確かめます。',
    },
    (kms) => signed(kms, { ...goodClaims, iss: 'https://auth.other.example.org' }),
  ),
  attack(
    'denies-wrong-audience',
    { en: 'Denies a token meant for another API', ja: '別の API 向けのトークンを拒否する' },
    {
      en: 'aud says which API the token was issued for; a token for the admin API must not open this one.',
      ja: 'aud は、そのトークンがどの API 向けに発行されたかを示します。管理 API 向けのトークンでこの API を開けてはいけません。',
    },
    (kms) => signed(kms, { ...goodClaims, aud: 'https://admin.app.example.com' }),
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
    async (kms) => {
      const [header, , signature] = (await signed(kms, goodClaims)).split('.');
      return `${header}.${encode({ ...goodClaims, sub: 'admin' })}.${signature}`;
    },
  ),
  attack(
    'denies-alg-none',
    { en: 'Denies an unsigned token (alg "none")', ja: '署名のないトークン(alg "none")を拒否する' },
    {
      en: 'Never let the token choose its own algorithm: the header is written by whoever made the token.',
      ja: 'アルゴリズムをトークン自身に決めさせてはいけません。ヘッダーを書いたのはトークンを作った人です。',
    },
    async () => `${encode({ alg: 'none', typ: 'JWT' })}.${encode(goodClaims)}.`,
  ),
  attack(
    'denies-hs256-with-public-key',
    {
      en: 'Denies an HS256 token "signed" with the public key (algorithm confusion)',
      ja: '公開鍵で「署名」した HS256 トークンを拒否する(アルゴリズム混同攻撃)',
    },
    {
      en: 'The public key is public: anyone can use its PEM text as an HMAC secret. Accept ES256 only.',
      ja: '公開鍵は誰でも持っています。その PEM テキストを HMAC の秘密鍵として使うことは誰にでもできます。ES256 だけを受け入れます。',
    },
    async (kms) => {
      const pem = await exportSPKI(kms.getPublicKey());
      const secret = await crypto.subtle.importKey(
        'raw',
        new TextEncoder().encode(pem),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign'],
      );
      const input = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(goodClaims)}`;
      const signature = await crypto.subtle.sign('HMAC', secret, new TextEncoder().encode(input));
      return `${input}.${base64url.encode(new Uint8Array(signature))}`;
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
    async () => `!!not-a-header!!.${encode(goodClaims)}.c2ln`,
  ),
];
