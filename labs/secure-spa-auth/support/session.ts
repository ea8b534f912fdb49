/** Who issues and who accepts the SPA's session tokens (made-up hosts for the exercises). */
export const TOKEN_ISSUER = 'https://auth.app.example.com';
export const TOKEN_AUDIENCE = 'https://api.app.example.com';

/**
 * The lab's session length, borrowed from the talk's Cognito token, which lasted 24 hours
 * (reference row 5.10); the report gives no lifetime for the team's own JWT.
 */
export const SESSION_SECONDS = 24 * 60 * 60;

/**
 * STS credentials from the identity pool lasted one hour in the talk, and still last at most one
 * hour: GetCredentialsForIdentity has no duration parameter (reference row 5.9).
 */
export const CREDENTIALS_SECONDS = 60 * 60;

/**
 * Model assumption, not an AWS figure: refresh anything with this little time left, so a request
 * that is slow to arrive or is retried still carries valid credentials.
 */
export const REFRESH_MARGIN_MS = 5 * 60_000;
