/**
 * The event API Gateway sends a TOKEN Lambda authorizer, and the policy it expects back
 * (docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html).
 */
export interface TokenAuthorizerEvent {
  type: 'TOKEN';
  /** The Authorization header: "Bearer <jwt>". */
  authorizationToken: string;
  methodArn: string;
}

export interface AuthorizerResult {
  principalId: string;
  policyDocument: {
    Version: '2012-10-17';
    Statement: Array<{ Action: 'execute-api:Invoke'; Effect: 'Allow' | 'Deny'; Resource: string }>;
  };
  context?: Record<string, string | number | boolean>;
}
