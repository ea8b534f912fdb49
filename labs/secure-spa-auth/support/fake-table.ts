import { evaluate, type PolicyDocument } from './policy-evaluator.ts';

/** One order in the SPA's table: partition key `userId` (the owner's Cognito identity id), sort key `orderId`. */
export interface Order {
  userId: string;
  orderId: string;
  item: string;
}
export type OrderKey = Pick<Order, 'userId' | 'orderId'>;

/** What DynamoDB answers when the caller's role policy does not allow a request. */
export class AccessDeniedException extends Error {
  constructor(action: string, resource: string, leadingKeys: string[] | undefined) {
    const keys = leadingKeys
      ? ` with partition keys ${JSON.stringify(leadingKeys)}`
      : ' (no partition key: dynamodb:LeadingKeys is absent)';
    super(`AccessDeniedException: not authorized to perform ${action} on ${resource}${keys}.`);
    this.name = 'AccessDeniedException';
  }
}

/** The calls the SPA can make with a user's credentials, each checked against the role's policy first. */
export interface TableClient {
  getItem(key: OrderKey): Order | undefined;
  query(userId: string): Order[];
  batchGetItem(keys: OrderKey[]): Order[];
  putItem(order: Order): void;
  deleteItem(key: OrderKey): void;
  scan(): Order[];
  deleteTable(): void;
}

/**
 * A DynamoDB table behind IAM. Every request is evaluated against the role policy with the
 * context IAM would build: `cognito-identity.amazonaws.com:sub` is the caller's identity id, and
 * `dynamodb:LeadingKeys` lists the partition key values the request touches
 * (docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html). Scan and
 * table operations name no partition key, so this model leaves that key out of their context.
 */
export class FakeTable {
  readonly tableArn: string;
  readonly #orders: Order[];

  constructor(tableArn: string, orders: Order[]) {
    this.tableArn = tableArn;
    this.#orders = orders.map((order) => ({ ...order }));
  }

  /** A client whose requests carry `identityId`'s credentials from a role with `policy`. */
  clientFor(identityId: string, policy: PolicyDocument): TableClient {
    const authorize = (action: string, leadingKeys?: string[]) => {
      const context: Record<string, string | string[]> = {
        'cognito-identity.amazonaws.com:sub': identityId,
      };
      if (leadingKeys) context['dynamodb:LeadingKeys'] = [...new Set(leadingKeys)];
      if (
        evaluate(policy, { action: `dynamodb:${action}`, resource: this.tableArn, context }) ===
        'Deny'
      ) {
        throw new AccessDeniedException(`dynamodb:${action}`, this.tableArn, leadingKeys);
      }
    };
    const find = (key: OrderKey) =>
      this.#orders.find((order) => order.userId === key.userId && order.orderId === key.orderId);
    const copy = (order: Order | undefined) => (order ? { ...order } : undefined);
    return {
      getItem: (key) => {
        authorize('GetItem', [key.userId]);
        return copy(find(key));
      },
      query: (userId) => {
        authorize('Query', [userId]);
        return this.#orders
          .filter((order) => order.userId === userId)
          .map((order) => ({ ...order }));
      },
      batchGetItem: (keys) => {
        authorize(
          'BatchGetItem',
          keys.map((key) => key.userId),
        );
        return keys
          .map(find)
          .filter((order): order is Order => order !== undefined)
          .map((order) => ({ ...order }));
      },
      putItem: (order) => {
        authorize('PutItem', [order.userId]);
        const existing = find(order);
        if (existing) Object.assign(existing, order);
        else this.#orders.push({ ...order });
      },
      deleteItem: (key) => {
        authorize('DeleteItem', [key.userId]);
        const index = this.#orders.findIndex(
          (order) => order.userId === key.userId && order.orderId === key.orderId,
        );
        if (index >= 0) this.#orders.splice(index, 1);
      },
      scan: () => {
        authorize('Scan');
        return this.#orders.map((order) => ({ ...order }));
      },
      deleteTable: () => {
        authorize('DeleteTable');
        this.#orders.length = 0;
      },
    };
  }
}
