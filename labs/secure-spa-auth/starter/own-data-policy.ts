// Exercise 5 — Only your own data.
import type { PolicyDocument } from '../support/policy-evaluator.ts';

/**
 * The policy of the identity pool's authenticated role, which every signed-in user's STS
 * credentials carry. The SPA reads and writes the user's orders in the table `tableArn`, whose
 * partition key is the owner's Cognito identity id. It calls dynamodb:GetItem, dynamodb:Query,
 * dynamodb:BatchGetItem, dynamodb:PutItem and dynamodb:DeleteItem, and nothing else.
 *
 * Allow those actions on the table, but only on items whose partition key is the caller's own
 * identity id: the condition key `dynamodb:LeadingKeys` lists the partition keys a request
 * touches, and the policy variable `${cognito-identity.amazonaws.com:sub}` is the caller's
 * identity id. A request may touch several partition keys (BatchGetItem), so use a set
 * operator. Everything else, such as a Scan of the whole table, must end up denied.
 */
export function ownItemsPolicy(tableArn: string): PolicyDocument {
  // TODO: one Allow statement with the actions above, Resource tableArn, and a Condition on
  // dynamodb:LeadingKeys.
  throw new Error('TODO: ownItemsPolicy');
}
