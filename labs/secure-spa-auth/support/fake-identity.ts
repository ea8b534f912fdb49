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
    return this.#latestSession;
  }

  /** Refuses an expired session token, as Cognito refuses an expired login token (NotAuthorizedException). */
  getCredentialsForIdentity(session: SessionToken): Credentials {
    const now = this.#clock.now();
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
    return {
      accessKeyId: `ASIA${serial}`,
      secretKey: `fake-secret-${serial}`,
      sessionToken: `fake-sts-session-${serial}`,
      expiresAt: now + CREDENTIALS_SECONDS * 1000,
    };
  }
}

/**
 * The API, reached with requests signed by STS credentials: like AWS, it rejects a request whose
 * credentials have expired (ExpiredTokenException) and remembers what each request carried.
 */
export class FakeApi {
  readonly #clock: VirtualClock;
  readonly requests: Array<{ at: number; credentials: Credentials; accepted: boolean }> = [];

  constructor(clock: VirtualClock) {
    this.#clock = clock;
  }

  call(credentials: Credentials): 'ok' | 'ExpiredTokenException' {
    const accepted = credentials !== undefined && credentials.expiresAt > this.#clock.now();
    this.requests.push({ at: this.#clock.now(), credentials, accepted });
    return accepted ? 'ok' : 'ExpiredTokenException';
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
