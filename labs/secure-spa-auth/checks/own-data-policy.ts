import { expect } from '../../kit/expect.ts';
import type { Check, LearnerModules } from '../../kit/types.ts';
import { evaluate, type AccessRequest } from '../support/policy-evaluator.ts';

type OwnData = typeof import('../solution/own-data-policy.ts');
const FILE = 'own-data-policy.ts';
const TABLE = 'arn:aws:dynamodb:ap-northeast-1:123456789012:table/Orders';
const ME = 'ap-northeast-1:1111aaaa-me';
const OTHER = 'ap-northeast-1:2222bbbb-someone-else';
const policyOf = (learner: LearnerModules) => expect.fn<OwnData['ownItemsPolicy']>(learner[FILE], 'ownItemsPolicy', FILE)(TABLE);

const request = (action: string, leadingKeys?: string[]): AccessRequest => ({
  action,
  resource: TABLE,
  context: { 'cognito-identity.amazonaws.com:sub': ME, ...(leadingKeys ? { 'dynamodb:LeadingKeys': leadingKeys } : {}) },
});

export const ownDataChecks: Check[] = [
  {
    id: 'own-data.only-own-items',
    exercise: 5,
    title: { en: 'Your own items can be read and written; another user’s cannot', ja: '自分のアイテムは読み書きでき、他のユーザーのアイテムはできない' },
    hints: [
      { en: 'The condition key dynamodb:LeadingKeys holds the partition key values a request touches.', ja: '条件キー dynamodb:LeadingKeys には、リクエストが扱うパーティションキーの値が入ります。' },
      { en: 'Compare it with the caller’s identity through the policy variable ${cognito-identity.amazonaws.com:sub}.', ja: 'ポリシー変数 ${cognito-identity.amazonaws.com:sub} を使って、呼び出し元の ID と比べます。' },
      { en: 'Use ForAllValues:StringEquals so a request naming several keys needs every one to be yours.', ja: '複数のキーを扱うリクエストでもすべてが自分のものになるよう、ForAllValues:StringEquals を使います。' },
    ],
    run(learner) {
      const policy = policyOf(learner);
      for (const action of ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']) {
        expect.equal(evaluate(policy, request(action, [ME])), 'Allow', { en: `${action} on my own items`, ja: `自分のアイテムへの ${action}` });
        expect.equal(evaluate(policy, request(action, [OTHER])), 'Deny', { en: `${action} on another user’s items`, ja: `他のユーザーのアイテムへの ${action}` });
        expect.equal(evaluate(policy, request(action, [ME, OTHER])), 'Deny', { en: `${action} on my items and someone else’s together`, ja: `自分と他人のアイテムをまとめて扱う ${action}` });
      }
    },
  },
  {
    id: 'own-data.no-scan-or-admin',
    exercise: 5,
    title: { en: 'A scan of the whole table and table administration are denied', ja: 'テーブル全体のスキャンとテーブルの管理操作は拒否される' },
    hints: [{ en: 'List only the item actions the SPA needs; "dynamodb:*" includes Scan and DeleteTable.', ja: 'SPA に必要なアイテム操作だけを列挙します。"dynamodb:*" には Scan や DeleteTable も含まれます。' }],
    run(learner) {
      const policy = policyOf(learner);
      for (const action of ['dynamodb:Scan', 'dynamodb:DeleteTable', 'dynamodb:UpdateTable']) {
        expect.equal(evaluate(policy, request(action)), 'Deny', { en: action, ja: action });
      }
    },
  },
];
