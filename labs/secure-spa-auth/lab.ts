import type { Lab } from '../kit/types.ts';
import { authorizerChecks } from './checks/authorizer.ts';
import { corsChecks } from './checks/cors.ts';
import { credentialsChecks } from './checks/credentials.ts';
import { ownDataChecks } from './checks/own-data-policy.ts';
import { sessionTokenChecks } from './checks/session-token.ts';

export const lab: Lab = {
  slug: 'secure-spa-auth',
  title: { en: 'A secure serverless SPA', ja: 'サーバーレスでセキュアな SPA' },
  packages: ['jose'],
  exercises: [
    {
      number: 1,
      file: 'cors.ts',
      minutes: 8,
      title: { en: 'CORS for the API', ja: 'API の CORS' },
    },
    {
      number: 2,
      file: 'session-token.ts',
      minutes: 8,
      title: { en: 'A session token signed in KMS', ja: 'KMS で署名するセッショントークン' },
    },
    {
      number: 3,
      file: 'authorizer.ts',
      minutes: 12,
      title: { en: 'The Lambda authorizer', ja: 'Lambda オーソライザー' },
    },
    {
      number: 4,
      file: 'credentials.ts',
      minutes: 9,
      title: { en: 'Keep credentials fresh', ja: '認証情報を新しく保つ' },
    },
    {
      number: 5,
      file: 'own-data-policy.ts',
      minutes: 8,
      title: { en: 'Only your own data', ja: '自分のデータだけ' },
    },
  ],
  checks: [
    ...corsChecks,
    ...sessionTokenChecks,
    ...authorizerChecks,
    ...credentialsChecks,
    ...ownDataChecks,
  ],
};
