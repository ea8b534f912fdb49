import { CheckFailure } from '../../kit/check-failure.ts';
import { expect } from '../../kit/expect.ts';
import { formatValue } from '../../kit/format-value.ts';
import type { Check, LearnerModules, Text } from '../../kit/types.ts';
import {
  AccessDeniedException,
  FakeTable,
  type Order,
  type TableClient,
} from '../support/fake-table.ts';

type OwnData = typeof import('../solution/own-data-policy.ts');
const FILE = 'own-data-policy.ts';
const TABLE_ARN = 'arn:aws:dynamodb:ap-northeast-1:123456789012:table/Orders';
/** Cognito identity ids look like "<region>:<uuid>". */
const ME = 'ap-northeast-1:1111aaaa-2222-3333-4444-555566667777';
const OTHER = 'ap-northeast-1:9999ffff-8888-7777-6666-555544443333';
const ORDERS: Order[] = [
  { userId: ME, orderId: 'o-1', item: 'coffee beans' },
  { userId: ME, orderId: 'o-2', item: 'filter papers' },
  { userId: OTHER, orderId: 'o-1', item: 'green tea' },
  { userId: OTHER, orderId: 'o-3', item: 'teapot' },
  { userId: OTHER, orderId: 'o-4', item: 'tea cups' },
];

/** A fresh table, and a client for ME whose role carries the learner's policy. */
function myClient(learner: LearnerModules): TableClient {
  const policy = expect.fn<OwnData['ownItemsPolicy']>(
    learner[FILE],
    'ownItemsPolicy',
    FILE,
  )(TABLE_ARN);
  return new FakeTable(TABLE_ARN, ORDERS).clientFor(ME, policy);
}

/** Runs a request that must be allowed; an AccessDeniedException fails the check with its message. */
function allowed<T>(what: Text, request: () => T): T {
  try {
    return request();
  } catch (error) {
    if (!(error instanceof AccessDeniedException)) throw error;
    throw new CheckFailure(
      {
        en: `${what.en}: denied, but it must be allowed.`,
        ja: `${what.ja}: 拒否されましたが、許可される必要があります。`,
      },
      { expected: 'allowed', actual: error.message },
    );
  }
}

/** ", returned 5 orders, 3 of them another user's": what a request that got through gave away. */
function describeReturned(result: unknown): string {
  if (result === undefined) return '';
  const orders = (Array.isArray(result) ? result : [result]) as Order[];
  if (!orders.every((order) => typeof order?.userId === 'string'))
    return `, returned ${formatValue(result)}`;
  const others = orders.filter((order) => order.userId !== ME).length;
  return `, returned ${orders.length} order${orders.length === 1 ? '' : 's'}, ${others} of them another user’s`;
}

/** Runs a request that must be denied; whatever it returned instead is shown. */
function denied(what: Text, request: () => unknown, why?: Text): void {
  let result: unknown;
  try {
    result = request();
  } catch (error) {
    if (error instanceof AccessDeniedException) return;
    throw error;
  }
  throw new CheckFailure(
    {
      en: `${what.en}: allowed, but it must be denied.${why ? ` ${why.en}` : ''}`,
      ja: `${what.ja}: 許可されましたが、拒否される必要があります。${why?.ja ?? ''}`,
    },
    {
      expected: 'AccessDeniedException',
      actual: `allowed${describeReturned(result)}`,
    },
  );
}

const baseline = (client: TableClient) =>
  allowed(
    { en: 'First, reading your own order (GetItem)', ja: 'まず、自分の注文の読み取り(GetItem)' },
    () => client.getItem({ userId: ME, orderId: 'o-1' }),
  );

export const ownDataChecks: Check[] = [
  {
    id: 'own-data.own-items-allowed',
    exercise: 5,
    title: {
      en: 'You can read, list, write and delete your own orders',
      ja: '自分の注文は読み取り・一覧・書き込み・削除ができる',
    },
    hints: [
      {
        en: 'List the five actions the SPA calls, on Resource tableArn.',
        ja: 'SPA が呼ぶ 5 つのアクションを、Resource tableArn に対して並べます。',
      },
      {
        en: 'The condition compares dynamodb:LeadingKeys with the policy variable ${cognito-identity.amazonaws.com:sub}; write it literally inside a normal string, not a template literal.',
        ja: '条件では dynamodb:LeadingKeys をポリシー変数 ${cognito-identity.amazonaws.com:sub} と比べます。テンプレートリテラルではなく普通の文字列にそのまま書きます。',
      },
    ],
    run(learner) {
      const client = myClient(learner);
      expect.deepEqual(
        allowed({ en: 'GetItem on your own order', ja: '自分の注文への GetItem' }, () =>
          client.getItem({ userId: ME, orderId: 'o-1' }),
        ),
        ORDERS[0],
        { en: 'GetItem on your own order', ja: '自分の注文への GetItem' },
      );
      expect.deepEqual(
        allowed({ en: 'Query of your own orders', ja: '自分の注文の Query' }, () =>
          client.query(ME),
        ).map((order) => order.orderId),
        ['o-1', 'o-2'],
        { en: 'Query of your own orders', ja: '自分の注文の Query' },
      );
      expect.equal(
        allowed(
          { en: 'BatchGetItem on two of your own orders', ja: '自分の注文 2 件への BatchGetItem' },
          () =>
            client.batchGetItem([
              { userId: ME, orderId: 'o-1' },
              { userId: ME, orderId: 'o-2' },
            ]),
        ).length,
        2,
        {
          en: 'orders returned by BatchGetItem on two of your own',
          ja: '自分の注文 2 件への BatchGetItem が返した件数',
        },
      );
      allowed({ en: 'PutItem of a new order of yours', ja: '自分の新しい注文の PutItem' }, () =>
        client.putItem({ userId: ME, orderId: 'o-9', item: 'mug' }),
      );
      allowed({ en: 'DeleteItem on your own order', ja: '自分の注文への DeleteItem' }, () =>
        client.deleteItem({ userId: ME, orderId: 'o-2' }),
      );
    },
  },
  {
    id: 'own-data.other-users-denied',
    exercise: 5,
    title: {
      en: 'Another user’s orders are denied, even mixed in with your own',
      ja: '他のユーザーの注文は、自分の注文に混ぜても拒否される',
    },
    hints: [
      {
        en: 'Without a condition, the role lets every signed-in user reach every user’s items.',
        ja: '条件がなければ、このロールはサインインした誰にでも全ユーザーのアイテムを触らせてしまいます。',
      },
      {
        en: 'BatchGetItem can name several partition keys: ForAnyValue is satisfied by one of yours, ForAllValues needs every one to be yours.',
        ja: 'BatchGetItem は複数のパーティションキーを指定できます。ForAnyValue は 1 つでも自分のものなら成り立ち、ForAllValues はすべてが自分のものである必要があります。',
      },
    ],
    run(learner) {
      const client = myClient(learner);
      baseline(client);
      denied({ en: 'GetItem on another user’s order', ja: '他のユーザーの注文への GetItem' }, () =>
        client.getItem({ userId: OTHER, orderId: 'o-3' }),
      );
      denied({ en: 'Query of another user’s orders', ja: '他のユーザーの注文の Query' }, () =>
        client.query(OTHER),
      );
      denied(
        { en: 'PutItem into another user’s orders', ja: '他のユーザーの注文への PutItem' },
        () => client.putItem({ userId: OTHER, orderId: 'o-5', item: 'forged order' }),
      );
      denied(
        { en: 'DeleteItem on another user’s order', ja: '他のユーザーの注文への DeleteItem' },
        () => client.deleteItem({ userId: OTHER, orderId: 'o-1' }),
      );
      denied(
        {
          en: 'BatchGetItem on one of your orders and one of another user’s',
          ja: '自分の注文と他のユーザーの注文をまとめた BatchGetItem',
        },
        () =>
          client.batchGetItem([
            { userId: ME, orderId: 'o-1' },
            { userId: OTHER, orderId: 'o-3' },
          ]),
        {
          en: 'Every partition key in the request must be yours.',
          ja: 'リクエスト内のパーティションキーは、すべて自分のものである必要があります。',
        },
      );
    },
  },
  {
    id: 'own-data.scan-denied',
    exercise: 5,
    title: {
      en: 'A scan of the whole table, and table administration, are denied',
      ja: 'テーブル全体のスキャンとテーブルの管理操作は拒否される',
    },
    hints: [
      {
        en: 'A Scan names no partition key, so dynamodb:LeadingKeys is absent, and ForAllValues with an absent key is true: the condition cannot stop it.',
        ja: 'Scan はパーティションキーを指定しないため dynamodb:LeadingKeys がありません。キーがないとき ForAllValues は true になるので、条件では止められません。',
      },
      {
        en: 'So list only the actions the SPA needs; "dynamodb:*" includes Scan and DeleteTable.',
        ja: 'だから SPA に必要なアクションだけを並べます。"dynamodb:*" には Scan や DeleteTable も含まれます。',
      },
    ],
    run(learner) {
      const client = myClient(learner);
      baseline(client);
      denied({ en: 'Scan of the whole table', ja: 'テーブル全体の Scan' }, () => client.scan(), {
        en: 'A Scan has no partition key, so a LeadingKeys condition with ForAllValues does not stop it; leave dynamodb:Scan out of the actions.',
        ja: 'Scan にはパーティションキーがないため、ForAllValues の LeadingKeys 条件では止まりません。dynamodb:Scan をアクションに入れないでください。',
      });
      denied({ en: 'DeleteTable', ja: 'DeleteTable' }, () => client.deleteTable());
    },
  },
];
