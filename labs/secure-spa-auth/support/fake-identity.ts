import { SupportError } from '../../kit/support-error.ts';
import type { VirtualClock } from '../../kit/virtual-clock.ts';
import { CREDENTIALS_SECONDS, SESSION_SECONDS } from './session.ts';

/** What signing in gives the SPA: the token its backend vouches for the user with. */
export interface SessionToken {
  token: string;
  /** Virtual-clock milliseconds. */
  expiresAt: number;
}

/** Temporary AWS credentials, as GetCredentialsForIdentity returns them. */
export interface Credentials {
  accessKeyId: string;
  secretKey: string;
  sessionToken: string;
  /** Virtual-clock milliseconds (the real API calls this Expiration). */
  expiresAt: number;
}

/**
 * The talk's sign-in chain on a virtual clock. `login` stands for the SPA's backend vouching for
 * the user (developer authenticated identities, reference row 5.7): a session token that lasts
 * SESSION_SECONDS, the talk's 24 hours. `getCredentialsForIdentity` is the enhanced flow's call
 * (row 5.8): it trades a live session token for STS credentials that last CREDENTIALS_SECONDS.
 */
export class FakeIdentityService {
  readonly #clock: VirtualClock;
  #logins = 0;
  #exchanges = 0;
  #latestSession: SessionToken | undefined;
  /**
   * What it issued, as issued: real tokens and keys are signed, so a made-up one, or one whose
   * expiry was changed after the fact, is refused. The lab's tokens are plain objects; these
   * records stand in for the signatures.
   */
  readonly #sessionExpiry = new Map<string, number>();
  readonly #issuedCredentials = new Map<string, Readonly<Credentials>>();

  constructor(clock: VirtualClock) {
    this.#clock = clock;
  }

  /** Sign-ins so far. */
  get logins(): number {
    return this.#logins;
  }

  /** Credential exchanges so far. */
  get exchanges(): number {
    return this.#exchanges;
  }

  /** The session token issued last, if any. */
  get latestSession(): SessionToken | undefined {
    return this.#latestSession;
  }

  login(userId: string): SessionToken {
    this.#logins += 1;
    this.#latestSession = {
      token: `session-${userId}-${this.#logins}`,
      expiresAt: this.#clock.now() + SESSION_SECONDS * 1000,
    };
    this.#sessionExpiry.set(this.#latestSession.token, this.#latestSession.expiresAt);
    return this.#latestSession;
  }

  /** Whether `credentials` are exactly what this service issued (the API's signature check). */
  issued(credentials: Credentials | undefined): boolean {
    const record = credentials && this.#issuedCredentials.get(credentials.accessKeyId);
    return (
      record !== undefined &&
      record.secretKey === credentials!.secretKey &&
      record.sessionToken === credentials!.sessionToken &&
      record.expiresAt === credentials!.expiresAt
    );
  }

  /** Refuses an expired session token, as Cognito refuses an expired login token (NotAuthorizedException). */
  getCredentialsForIdentity(session: SessionToken): Credentials {
    const now = this.#clock.now();
    if (session && this.#sessionExpiry.get(session.token) !== session.expiresAt) {
      throw new SupportError(
        { en: 'The lab’s fake identity service', ja: 'ラボの ID サービスのフェイク' },
        {
          en: 'NotAuthorizedException: this session token was not issued by the service, or its expiry was changed; use the token service.login returned.',
          ja: 'NotAuthorizedException: このセッショントークンはサービスが発行したものではないか、期限が書き換えられています。service.login が返したトークンを使ってください。',
        },
      );
    }
    if (!session || !(session.expiresAt > now)) {
      const ago = !session
        ? { en: 'is missing', ja: 'がありません' }
        : now - session.expiresAt < 60_000
          ? { en: 'has just expired', ja: 'の期限がちょうど切れました' }
          : {
              en: `expired ${formatDuration(now - session.expiresAt)} ago`,
              ja: `の期限が ${formatDuration(now - session.expiresAt)} 前に切れています`,
            };
      throw new SupportError(
        { en: 'The lab’s fake identity service', ja: 'ラボの ID サービスのフェイク' },
        {
          en: `NotAuthorizedException: the session token ${ago.en}; sign in again (service.login) first.`,
          ja: `NotAuthorizedException: セッショントークン${ago.ja}。先に service.login でサインインし直してください。`,
        },
      );
    }
    this.#exchanges += 1;
    const serial = String(this.#exchanges).padStart(12, '0');
    const credentials: Credentials = {
      accessKeyId: `ASIA${serial}`,
      secretKey: `fake-secret-${serial}`,
      sessionToken: `fake-sts-session-${serial}`,
      expiresAt: now + CREDENTIALS_SECONDS * 1000,
    };
    this.#issuedCredentials.set(credentials.accessKeyId, { ...credentials });
    return credentials;
  }
}

/** What the API answers a request: AWS's error codes for credentials it does not know, or that expired. */
export type ApiAnswer = 'ok' | 'InvalidClientTokenId' | 'ExpiredTokenException';

/**
 * The API, reached with requests signed by STS credentials: like AWS, it rejects a request whose
 * credentials `issuer` never issued (InvalidClientTokenId) or whose credentials have expired
 * (ExpiredTokenException), and remembers what each request carried.
 */
export class FakeApi {
  readonly #clock: VirtualClock;
  readonly #issuer: FakeIdentityService;
  readonly requests: Array<{ at: number; credentials: Credentials; accepted: boolean }> = [];

  constructor(clock: VirtualClock, issuer: FakeIdentityService) {
    this.#clock = clock;
    this.#issuer = issuer;
  }

  call(credentials: Credentials): ApiAnswer {
    const answer: ApiAnswer = !this.#issuer.issued(credentials)
      ? 'InvalidClientTokenId'
      : credentials.expiresAt > this.#clock.now()
        ? 'ok'
        : 'ExpiredTokenException';
    this.requests.push({ at: this.#clock.now(), credentials, accepted: answer === 'ok' });
    return answer;
  }
}

/** "1 h 5 min" from milliseconds: how checks and errors state time on the virtual clock. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  const sign = minutes < 0 ? '-' : '';
  return hours ? `${sign}${hours} h${rest ? ` ${rest} min` : ''}` : `${sign}${rest} min`;
}
