import { base64url } from 'jose';
import { expect } from '../../kit/expect.ts';
import type { Check, LearnerModules, Text } from '../../kit/types.ts';
import type { AuthorizerResult } from '../support/authorizer-types.ts';
import { FakeKms } from '../support/fake-kms.ts';
import { SESSION_SECONDS, TOKEN_AUDIENCE, TOKEN_ISSUER } from '../support/session.ts';

type Authorizer = typeof import('../solution/authorizer.ts');
const FILE = 'authorizer.ts';
const NOW = 1_700_000_000;
const METHOD_ARN = 'arn:aws:execute-api:ap-northeast-1:123456789012:abcdef1234/prod/GET/orders';
const authorizeOf = (learner: LearnerModules) => expect.fn<Authorizer['authorize']>(learner[FILE], 'authorize', FILE);
const encode = (value: unknown) => base64url.encode(JSON.stringify(value));

const goodClaims = { iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, sub: 'user-42', iat: NOW - 60, exp: NOW - 60 + SESSION_SECONDS };

/** A token signed by the fake KMS, with whatever header and claims a test needs. */
async function signed(kms: FakeKms, claims: object, header: object = { alg: 'ES256', typ: 'JWT', kid: kms.keyId }) {
  const input = `${encode(header)}.${encode(claims)}`;
  const signature = await kms.sign({ keyId: kms.keyId, message: new TextEncoder().encode(input), signingAlgorithm: 'ECDSA_SHA_256' });
  return `${input}.${base64url.encode(signature)}`;
}

const isDeny = (result: AuthorizerResult | undefined) =>
  result?.policyDocument?.Statement?.length === 1 &&
  result.policyDocument.Statement[0].Effect === 'Deny' &&
  result.policyDocument.Statement[0].Resource === METHOD_ARN;

/** One attack, one check: the authorizer must answer Deny (a thrown error counts as a failure). */
function attack(id: string, title: Text, hint: Text, makeToken: (kms: FakeKms) => Promise<string>): Check {
  return {
    id: `authorizer.${id}`,
    exercise: 3,
    title,
    hints: [hint, { en: 'Let jwtVerify do the work: pin algorithms, issuer, audience and currentDate, and turn its errors into Deny.', ja: '検証は jwtVerify に任せます。algorithms・issuer・audience・currentDate を指定し、エラーは Deny にします。' }],
    async run(learner) {
      const kms = await FakeKms.create();
      const token = await makeToken(kms);
      const result = await authorizeOf(learner)({ type: 'TOKEN', authorizationToken: `Bearer ${token}`, methodArn: METHOD_ARN }, kms.getPublicKey(), NOW);
      expect.ok(isDeny(result), { en: `${title.en}: the authorizer must answer Deny on the method ARN.`, ja: `${title.ja}: オーソライザーはメソッド ARN に対して Deny を返す必要があります。` }, { expected: 'Effect: Deny', actual: result?.policyDocument?.Statement?.[0]?.Effect ?? result });
    },
  };
}

export const authorizerChecks: Check[] = [
  {
    id: 'authorizer.allows-good-token',
    exercise: 3,
    title: { en: 'A good token gets Allow on the method, with the user as principal and in the context', ja: '正しいトークンにはメソッドへの Allow を返し、ユーザーを principal と context に入れる' },
    hints: [
      { en: 'principalId and context.userId both come from the verified token’s sub claim.', ja: 'principalId と context.userId は、どちらも検証済みトークンの sub クレームから取ります。' },
    ],
    async run(learner) {
      const kms = await FakeKms.create();
      const token = await signed(kms, goodClaims);
      const result = await authorizeOf(learner)({ type: 'TOKEN', authorizationToken: `Bearer ${token}`, methodArn: METHOD_ARN }, kms.getPublicKey(), NOW);
      expect.deepEqual(
        result,
        {
          principalId: 'user-42',
          policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: METHOD_ARN }] },
          context: { userId: 'user-42' },
        },
        { en: 'the policy for a good token', ja: '正しいトークンに対するポリシー' },
      );
    },
  },
  attack(
    'denies-expired',
    { en: 'Denies an expired token', ja: '期限切れのトークンを拒否する' },
    { en: 'Compare exp with the simulated clock, not the machine’s clock.', ja: 'exp はマシンの時計ではなく、シミュレーションの時刻と比べます。' },
    (kms) => signed(kms, { ...goodClaims, iat: NOW - SESSION_SECONDS - 10, exp: NOW - 10 }),
  ),
  attack(
    'denies-not-yet-valid',
    { en: 'Denies a token that is not valid yet (nbf in the future)', ja: 'まだ有効になっていないトークン(未来の nbf)を拒否する' },
    { en: 'nbf means "not before": a token used before that moment is invalid.', ja: 'nbf は「この時刻より前は無効」という意味です。' },
    (kms) => signed(kms, { ...goodClaims, nbf: NOW + 3_600 }),
  ),
  attack(
    'denies-wrong-issuer',
    { en: 'Denies a token from another issuer', ja: '別の発行者のトークンを拒否する' },
    { en: 'Only tokens your own auth service issued are acceptable.', ja: '受け入れてよいのは、自分の認証サービスが発行したトークンだけです。' },
    (kms) => signed(kms, { ...goodClaims, iss: 'https://auth.other.example.org' }),
  ),
  attack(
    'denies-wrong-audience',
    { en: 'Denies a token meant for another API', ja: '別の API 向けのトークンを拒否する' },
    { en: 'aud says which API the token was issued for.', ja: 'aud は、そのトークンがどの API 向けに発行されたかを示します。' },
    (kms) => signed(kms, { ...goodClaims, aud: 'https://admin.app.example.com' }),
  ),
  attack(
    'denies-tampered',
    { en: 'Denies a token whose payload was changed after signing', ja: '署名後にペイロードを書き換えたトークンを拒否する' },
    { en: 'Reading the payload is not verifying it: check the signature first.', ja: 'ペイロードを読むことは検証ではありません。まず署名を確かめます。' },
    async (kms) => {
      const [header, , signature] = (await signed(kms, goodClaims)).split('.');
      return `${header}.${encode({ ...goodClaims, sub: 'admin' })}.${signature}`;
    },
  ),
  attack(
    'denies-alg-none',
    { en: 'Denies an unsigned token (alg "none")', ja: '署名のないトークン(alg "none")を拒否する' },
    { en: 'Never let the token choose its own algorithm.', ja: 'アルゴリズムをトークン自身に決めさせてはいけません。' },
    async () => `${encode({ alg: 'none', typ: 'JWT' })}.${encode(goodClaims)}.`,
  ),
  attack(
    'denies-hs256-with-public-key',
    { en: 'Denies an HS256 token "signed" with the public key (algorithm confusion)', ja: '公開鍵で「署名」された HS256 トークンを拒否する(アルゴリズム混同攻撃)' },
    { en: 'The public key is public: anyone can use its bytes as an HMAC secret.', ja: '公開鍵は誰でも持っています。そのバイト列を HMAC の秘密鍵として使うことは誰にでもできます。' },
    async (kms) => {
      const jwk = await kms.exportPublicJwk();
      const secret = await crypto.subtle.importKey('raw', new TextEncoder().encode(JSON.stringify(jwk)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      const input = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(goodClaims)}`;
      const signature = await crypto.subtle.sign('HMAC', secret, new TextEncoder().encode(input));
      return `${input}.${base64url.encode(new Uint8Array(signature))}`;
    },
  ),
  attack(
    'denies-malformed',
    { en: 'Denies a malformed token instead of crashing', ja: '形式の壊れたトークンを、落ちずに拒否する' },
    { en: 'A header that is not base64url JSON must end in Deny, not in an exception.', ja: 'base64url の JSON でないヘッダーも、例外ではなく Deny で終わらせます。' },
    async () => `!!not-a-header!!.${encode(goodClaims)}.c2ln`,
  ),
];
