/**
 * A small IAM policy evaluator for the exercise: implicit deny by default, an explicit Deny wins
 * over any Allow, `*` wildcards in actions and resources, `${…}` policy variables taken from the
 * request context, and the condition operators StringEquals and ForAllValues:StringEquals
 * (docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
 */
export interface PolicyStatement {
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
  /** Context keys such as `cognito-identity.amazonaws.com:sub` and `dynamodb:LeadingKeys`. */
  context: Record<string, string | string[]>;
}

export type Decision = 'Allow' | 'Deny';

export function evaluate(policy: PolicyDocument, request: AccessRequest): Decision {
  const matching = policy.Statement.filter((statement) => applies(statement, request));
  if (matching.some((statement) => statement.Effect === 'Deny')) return 'Deny';
  return matching.some((statement) => statement.Effect === 'Allow') ? 'Allow' : 'Deny';
}

const list = (value: string | string[]) => (Array.isArray(value) ? value : [value]);
const wildcard = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);

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
  if (!list(statement.Action).some((action) => wildcard(action).test(request.action))) return false;
  if (!list(statement.Resource).some((resource) => wildcard(resource).test(request.resource))) return false;
  for (const [operator, conditions] of Object.entries(statement.Condition ?? {})) {
    for (const [key, expected] of Object.entries(conditions)) {
      const allowedValues = list(expected).map((value) => substitute(value, request.context)).filter((value): value is string => value !== undefined);
      const actual = request.context[key];
      if (operator === 'StringEquals') {
        if (typeof actual !== 'string' || !allowedValues.includes(actual)) return false;
      } else if (operator === 'ForAllValues:StringEquals') {
        // Every value in the request must be allowed. (IAM treats an absent key as matching, too.)
        if (actual !== undefined && !list(actual).every((value) => allowedValues.includes(value))) return false;
      } else {
        throw new Error(`This evaluator does not know the condition operator "${operator}".`);
      }
    }
  }
  return true;
}
