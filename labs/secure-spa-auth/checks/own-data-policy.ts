import { CheckFailure } from '../../kit/check-failure.ts';
import { expect } from '../../kit/expect.ts';
import { formatValue } from '../../kit/format-value.ts';
import { randomHex, randomInt } from '../../kit/seeded-random.ts';
import type { Check, LearnerModules, Text } from '../../kit/types.ts';
import {
  AccessDeniedException,
  FakeTable,
  type Order,
  type TableClient,
} from '../support/fake-table.ts';

type OwnData = typeof import('../solution/own-data-policy.ts');
const FILE = 'own-data-policy.ts';
/** Table names a policy may be given; each run draws one, so no policy can name it in advance. */
const TABLE_NAMES = ['Orders', 'orders-prod', 'CoffeeOrders', 'spa-orders', 'OrdersTable'];

/**
 * Two users drawn from the seed (Cognito identity ids look like "<region>:<uuid>"), and the table
 * their orders are in: a drawn account and name, with a second table beside it (its name plus
 * "Archive") that a policy for the first must not open.
 */
function drawUsers(random: () => number) {
  const hex = (length: number) => randomHex(random, length);
  const identity = () => `ap-northeast-1:${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
  const account = String(randomInt(random, 100_000_000_000, 999_999_999_999));
  const tableName = TABLE_NAMES[randomInt(random, 0, TABLE_NAMES.length - 1)];
  const tableArn = `arn:aws:dynamodb:ap-northeast-1:${account}:table/${tableName}`;
  const me = identity();
  const other = identity();
  const orders: Order[] = [
    { userId: me, orderId: 'o-1', item: 'coffee beans' },
    { userId: me, orderId: 'o-2', item: 'filter papers' },
    { userId: other, orderId: 'o-1', item: 'green tea' },
    { userId: other, orderId: 'o-3', item: 'teapot' },
    { userId: other, orderId: 'o-4', item: 'tea cups' },
  ];
  return { me, other, orders, tableName, tableArn, otherTableArn: `${tableArn}Archive` };
}
type Users = ReturnType<typeof drawUsers>;

/** A fresh table (the drawn one unless told), and a client for `who` whose role carries the learner's policy for the drawn one. */
function clientOf(
  learner: LearnerModules,
  users: Users,
  who: string,
  tableArn = users.tableArn,
): TableClient {
  const policy = expect.fn<OwnData['ownItemsPolicy']>(
    learner[FILE],
    'ownItemsPolicy',
    FILE,
  )(users.tableArn);
  return new FakeTable(tableArn, users.orders).clientFor(who, policy);
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
function describeReturned(result: unknown, me: string): string {
  if (result === undefined) return '';
  const orders = (Array.isArray(result) ? result : [result]) as Order[];
  if (!orders.every((order) => typeof order?.userId === 'string'))
    return `, returned ${formatValue(result)}`;
  const others = orders.filter((order) => order.userId !== me).length;
  return `, returned ${orders.length} order${orders.length === 1 ? '' : 's'}, ${others} of them another user’s`;
}

/** Runs a request that must be denied; whatever it returned instead is shown. */
function denied(me: string, what: Text, request: () => unknown, why?: Text): void {
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
      actual: `allowed${describeReturned(result, me)}`,
    },
  );
}

const baseline = (client: TableClient, me: string) =>
  allowed(
    { en: 'First, reading your own order (GetItem)', ja: 'まず、自分の注文の読み取り(GetItem)' },
    () => client.getItem({ userId: me, orderId: 'o-1' }),
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
    run(learner, { random }) {
      const users = drawUsers(random);
      // Both users, each with the same role: the policy is scoped to the caller, not to one identity.
      for (const [who, mine] of [
        [users.me, users.orders.slice(0, 2)],
        [users.other, users.orders.slice(2)],
      ] as const) {
        const client = clientOf(learner, users, who);
        expect.deepEqual(
          allowed({ en: 'GetItem on your own order', ja: '自分の注文への GetItem' }, () =>
            client.getItem({ userId: who, orderId: mine[0].orderId }),
          ),
          mine[0],
          { en: 'GetItem on your own order', ja: '自分の注文への GetItem' },
          { hint: 2 },
        );
        expect.deepEqual(
          allowed({ en: 'Query of your own orders', ja: '自分の注文の Query' }, () =>
            client.query(who),
          ).map((order) => order.orderId),
          mine.map((order) => order.orderId),
          { en: 'Query of your own orders', ja: '自分の注文の Query' },
        );
        expect.equal(
          allowed(
            {
              en: 'BatchGetItem on two of your own orders',
              ja: '自分の注文 2 件への BatchGetItem',
            },
            () =>
              client.batchGetItem(
                mine.slice(0, 2).map(({ userId, orderId }) => ({ userId, orderId })),
              ),
          ).length,
          2,
          {
            en: 'orders returned by BatchGetItem on two of your own',
            ja: '自分の注文 2 件への BatchGetItem が返した件数',
          },
        );
        allowed({ en: 'PutItem of a new order of yours', ja: '自分の新しい注文の PutItem' }, () =>
          client.putItem({ userId: who, orderId: 'o-9', item: 'mug' }),
        );
        allowed({ en: 'DeleteItem on your own order', ja: '自分の注文への DeleteItem' }, () =>
          client.deleteItem({ userId: who, orderId: mine[1].orderId }),
        );
      }
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
        ja: '条件がなければ、このロールはサインインした誰にでも全ユーザーの項目を触らせてしまいます。',
      },
      {
        en: 'BatchGetItem can name several partition keys: ForAnyValue is satisfied by one of yours, ForAllValues needs every one to be yours.',
        ja: 'BatchGetItem は複数のパーティションキーを指定できます。ForAnyValue は 1 つでも自分のものなら成り立ち、ForAllValues はすべてが自分のものである必要があります。',
      },
    ],
    run(learner, { random }) {
      const users = drawUsers(random);
      const { me, other } = users;
      const client = clientOf(learner, users, me);
      baseline(client, me);
      denied(
        me,
        { en: 'GetItem on another user’s order', ja: '他のユーザーの注文への GetItem' },
        () => client.getItem({ userId: other, orderId: 'o-3' }),
      );
      denied(me, { en: 'Query of another user’s orders', ja: '他のユーザーの注文の Query' }, () =>
        client.query(other),
      );
      denied(
        me,
        { en: 'PutItem into another user’s orders', ja: '他のユーザーの注文への PutItem' },
        () => client.putItem({ userId: other, orderId: 'o-5', item: 'forged order' }),
      );
      denied(
        me,
        { en: 'DeleteItem on another user’s order', ja: '他のユーザーの注文への DeleteItem' },
        () => client.deleteItem({ userId: other, orderId: 'o-1' }),
      );
      denied(
        me,
        {
          en: 'BatchGetItem on one of your orders and one of another user’s',
          ja: '自分の注文と他のユーザーの注文をまとめた BatchGetItem',
        },
        () =>
          client.batchGetItem([
            { userId: me, orderId: 'o-1' },
            { userId: other, orderId: 'o-3' },
          ]),
        {
          en: 'Every partition key in the request must be yours.',
          ja: 'リクエスト内のパーティションキーは、すべて自分のものである必要があります。',
        },
      );
      // One table of two: the role names the drawn table, so the same request on another is refused.
      denied(
        me,
        {
          en: `GetItem on your own key in another table (${users.tableName}Archive)`,
          ja: `別のテーブル(${users.tableName}Archive)にある自分のキーへの GetItem`,
        },
        () =>
          clientOf(learner, users, me, users.otherTableArn).getItem({ userId: me, orderId: 'o-1' }),
        {
          en: 'The policy must name the table it was given as Resource, not "*".',
          ja: 'ポリシーの Resource には、渡されたテーブルを指定します。"*" ではいけません。',
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
    run(learner, { random }) {
      const users = drawUsers(random);
      const { me } = users;
      const client = clientOf(learner, users, me);
      baseline(client, me);
      denied(
        me,
        { en: 'Scan of the whole table', ja: 'テーブル全体の Scan' },
        () => client.scan(),
        {
          en: 'A Scan has no partition key, so a LeadingKeys condition with ForAllValues does not stop it; leave dynamodb:Scan out of the actions.',
          ja: 'Scan にはパーティションキーがないため、ForAllValues の LeadingKeys 条件では止まりません。dynamodb:Scan をアクションに入れないでください。',
        },
      );
      denied(me, { en: 'DeleteTable', ja: 'DeleteTable' }, () => client.deleteTable());
    },
  },
];
