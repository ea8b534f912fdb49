import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { expect } from '../../kit/expect.ts';
import type { Check, LearnerModules } from '../../kit/types.ts';
import { FakeKms } from '../support/fake-kms.ts';
import { SESSION_SECONDS, TOKEN_AUDIENCE, TOKEN_ISSUER } from '../support/session.ts';

type SessionToken = typeof import('../solution/session-token.ts');
const FILE = 'session-token.ts';
const NOW = 1_700_000_000;
const issueOf = (learner: LearnerModules) => expect.fn<SessionToken['issueSessionToken']>(learner[FILE], 'issueSessionToken', FILE);

export const sessionTokenChecks: Check[] = [
  {
    id: 'token.verifies-with-public-key',
    exercise: 2,
    title: { en: 'The token is a JWT that verifies with the KMS key’s public half', ja: 'トークンは JWT で、KMS キーの公開鍵で検証できる' },
    hints: [
      { en: 'KMS signs the exact text "header.payload" (as bytes), not the JSON objects.', ja: 'KMS が署名するのは JSON オブジェクトではなく、"header.payload" という文字列(のバイト列)そのものです。' },
      { en: 'Encode the signature bytes with base64url too, and join the three parts with dots.', ja: '署名のバイト列も base64url でエンコードし、3 つの部分をドットでつなぎます。' },
    ],
    async run(learner) {
      const kms = await FakeKms.create();
      const token = await issueOf(learner)(kms, 'user-42', NOW);
      const verified = await jwtVerify(token, kms.getPublicKey(), {
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        algorithms: ['ES256'],
        currentDate: new Date((NOW + 60) * 1000),
      }).catch((error: Error) => error);
      expect.ok(!(verified instanceof Error), {
        en: `The token did not verify: ${verified instanceof Error ? verified.message : ''}`,
        ja: `トークンを検証できませんでした: ${verified instanceof Error ? verified.message : ''}`,
      });
    },
  },
  {
    id: 'token.claims',
    exercise: 2,
    title: { en: 'Header and claims: ES256 with kid; iss, aud, sub, iat and a 24-hour exp', ja: 'ヘッダーとクレーム: kid 付きの ES256、iss・aud・sub・iat と 24 時間後の exp' },
    hints: [{ en: 'exp is iat + SESSION_SECONDS, both in seconds, not milliseconds.', ja: 'exp は iat + SESSION_SECONDS です。どちらもミリ秒ではなく秒です。' }],
    async run(learner) {
      const kms = await FakeKms.create('alias/test-key');
      const token = await issueOf(learner)(kms, 'user-7', NOW);
      expect.deepEqual(decodeProtectedHeader(token), { alg: 'ES256', typ: 'JWT', kid: 'alias/test-key' }, { en: 'the token header', ja: 'トークンのヘッダー' });
      const payload = decodeJwt(token);
      expect.deepEqual(
        payload,
        { iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, sub: 'user-7', iat: NOW, exp: NOW + SESSION_SECONDS },
        { en: 'the token claims', ja: 'トークンのクレーム' },
      );
    },
  },
];
