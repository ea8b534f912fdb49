import type { VirtualClock } from '../../kit/virtual-clock.ts';
import { CREDENTIALS_SECONDS, SESSION_SECONDS } from './session.ts';

export interface SessionToken {
  token: string;
  expiresAt: number;
}
export interface Credentials {
  accessKeyId: string;
  expiresAt: number;
}

/**
 * Cognito identity pool and STS on a virtual clock: signing in through the SPA's backend gives a
 * session token that lasts 24 hours, which the enhanced flow exchanges for STS credentials that
 * last one hour (the talk's figures; see the reference for today's defaults).
 */
export class FakeIdentityService {
  readonly #clock: VirtualClock;
  logins = 0;
  exchanges = 0;

  constructor(clock: VirtualClock) {
    this.#clock = clock;
  }

  login(userId: string): SessionToken {
    this.logins += 1;
    return { token: `session-${userId}-${this.logins}`, expiresAt: this.#clock.now() + SESSION_SECONDS * 1000 };
  }

  /** GetCredentialsForIdentity: refuses an expired session token, as the real service does. */
  getCredentials(session: SessionToken): Credentials {
    if (session.expiresAt <= this.#clock.now()) {
      throw new Error(`The session token expired ${(this.#clock.now() - session.expiresAt) / 1000} s ago; sign in again.`);
    }
    this.exchanges += 1;
    return { accessKeyId: `ASIA${String(this.exchanges).padStart(12, '0')}`, expiresAt: this.#clock.now() + CREDENTIALS_SECONDS * 1000 };
  }
}
