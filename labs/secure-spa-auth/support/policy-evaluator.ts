/**
 * A small IAM policy evaluator, enough for the exercise and faithful to IAM's rules where it
 * reaches (docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
 * - deny by default: a request no statement allows is denied;
 * - an explicit Deny wins over any Allow;
 * - `*` wildcards in Action and Resource;
 * - policy variables `${key}` in condition values, taken from the request context (a variable
 *   whose key is absent makes the value match nothing);
 * - condition operators StringEquals (single-valued keys) and ForAllValues:StringEquals /
 *   ForAnyValue:StringEquals (multivalued keys such as dynamodb:LeadingKeys). As IAM documents,
 *   ForAllValues is true when the key is absent from the request, ForAnyValue is false
 *   (reference_policies_condition-single-vs-multi-valued-context-keys.html).
 * Anything else (NotAction, other operators) is refused with an error rather than guessed.
 */
import { SupportError } from '../../kit/support-error.ts';

const EVALUATOR = { en: 'The lab’s policy evaluator', ja: 'ラボのポリシー評価器' };

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}
export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}
export interface AccessRequest {
  action: string;
  resource: string;
  /** Context keys such as `cognito-identity.amazonaws.com:sub` (one value) and `dynamodb:LeadingKeys` (a list). */
  context: Record<string, string | string[]>;
}

export type Decision = 'Allow' | 'Deny';

export function evaluate(policy: PolicyDocument, request: AccessRequest): Decision {
  const statements = list(policy?.Statement ?? []);
  const matching = statements.filter((statement) => applies(statement, request));
  if (matching.some((statement) => statement.Effect === 'Deny')) return 'Deny';
  return matching.some((statement) => statement.Effect === 'Allow') ? 'Allow' : 'Deny';
}

function list<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

const wildcard = (pattern: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);

/** Fills `${key}` from the context; undefined when a key is missing or multivalued (IAM allows only single-valued keys as variables). */
function substitute(value: string, context: AccessRequest['context']): string | undefined {
  let missing = false;
  const result = value.replace(/\$\{([^}]+)\}/g, (_, key: string) => {
    const found = context[key];
    if (typeof found !== 'string') missing = true;
    return typeof found === 'string' ? found : '';
  });
  return missing ? undefined : result;
}

function applies(statement: PolicyStatement, request: AccessRequest): boolean {
  for (const field of ['Action', 'Resource'] as const) {
    if (statement[field] === undefined) {
      throw new SupportError(EVALUATOR, {
        en: `Policy statement ${JSON.stringify(statement)} has no ${field}; this evaluator needs both Action and Resource.`,
        ja: `ポリシーのステートメント ${JSON.stringify(statement)} に ${field} がありません。この評価器には Action と Resource の両方が必要です。`,
      });
    }
  }
  if (!list(statement.Action).some((action) => wildcard(action).test(request.action))) return false;
  if (!list(statement.Resource).some((resource) => wildcard(resource).test(request.resource)))
    return false;
  for (const [operator, conditions] of Object.entries(statement.Condition ?? {})) {
    for (const [key, expected] of Object.entries(conditions)) {
      const allowed = list(expected)
        .map((value) => substitute(value, request.context))
        .filter((value): value is string => value !== undefined);
      if (!conditionHolds(operator, key, allowed, request.context[key])) return false;
    }
  }
  return true;
}

function conditionHolds(
  operator: string,
  key: string,
  allowed: string[],
  actual: string | string[] | undefined,
): boolean {
  switch (operator) {
    case 'StringEquals':
      if (Array.isArray(actual)) {
        throw new SupportError(EVALUATOR, {
          en: `"${key}" can hold several values in a request: IAM needs a set operator for it (ForAllValues:StringEquals or ForAnyValue:StringEquals), not StringEquals.`,
          ja: `"${key}" はリクエストの中で複数の値を持てます。IAM ではこのキーに StringEquals ではなく集合演算子(ForAllValues:StringEquals か ForAnyValue:StringEquals)が必要です。`,
        });
      }
      return actual !== undefined && allowed.includes(actual);
    case 'ForAllValues:StringEquals':
      return actual === undefined || list(actual).every((value) => allowed.includes(value));
    case 'ForAnyValue:StringEquals':
      return actual !== undefined && list(actual).some((value) => allowed.includes(value));
    default:
      throw new SupportError(EVALUATOR, {
        en: `This evaluator does not know the condition operator "${operator}" (it knows StringEquals, ForAllValues:StringEquals and ForAnyValue:StringEquals).`,
        ja: `この評価器は条件演算子 "${operator}" を扱えません(扱えるのは StringEquals、ForAllValues:StringEquals、ForAnyValue:StringEquals です)。`,
      });
  }
}
