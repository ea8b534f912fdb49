/** Who issues and who accepts the SPA's session tokens. */
export const TOKEN_ISSUER = 'https://auth.app.example.com';
export const TOKEN_AUDIENCE = 'https://api.app.example.com';

/** The talk's session length: the Cognito token lasted 24 hours. */
export const SESSION_SECONDS = 24 * 60 * 60;

/** STS credentials obtained with the session token lasted one hour (the talk's figure). */
export const CREDENTIALS_SECONDS = 60 * 60;
