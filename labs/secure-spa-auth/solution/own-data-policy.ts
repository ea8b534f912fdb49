// Exercise 5 — Only your own data.
import type { PolicyDocument } from '../support/policy-evaluator.ts';

/** The DynamoDB actions the SPA needs on a user's own items. Scan reads everyone's: never. */
export const ITEM_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query'];

/**
 * The policy for the identity pool's authenticated role: the ITEM_ACTIONS on `tableArn`, but
 * only on items whose partition key is the caller's own Cognito identity id. Use the condition
 * key `dynamodb:LeadingKeys` and the policy variable `${cognito-identity.amazonaws.com:sub}`.
 */
export function ownItemsPolicy(tableArn: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ITEM_ACTIONS,
        Resource: tableArn,
        Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${cognito-identity.amazonaws.com:sub}'] } },
      },
    ],
  };
}
