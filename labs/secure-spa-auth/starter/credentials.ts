// Exercise 4 — Keep credentials fresh.
import type { VirtualClock } from '../../kit/virtual-clock.ts';
import type { Credentials, FakeIdentityService, SessionToken } from '../support/fake-identity.ts';
import { REFRESH_MARGIN_MS } from '../support/session.ts';

/**
 * Returns the function the SPA calls before every API request; it returns the STS credentials
 * to sign that request with. STS credentials last one hour and the session token a day, so over
 * a long session both run out. Read the time from `clock.now()` (virtual milliseconds).
 *
 * The margin: every request must go out with credentials that have more than
 * REFRESH_MARGIN_MS (5 minutes) left, never with expired ones; and the session token you
 * exchange for them must have more than REFRESH_MARGIN_MS left too (sign in again first when it
 * has not), or it can expire on its way to the identity service.
 *
 * "No more often than needed":
 * - get new credentials (service.getCredentialsForIdentity) only when you have none yet, or the
 *   ones you hold have REFRESH_MARGIN_MS or less left, and at most once per call;
 * - sign in again (service.login) only when you have no session token yet, or the one you hold
 *   has REFRESH_MARGIN_MS or less left.
 * So over 30 hours of use you exchange about once every 55 minutes of activity and sign in
 * about once a day.
 */
export function createCredentialSource(
  service: FakeIdentityService,
  clock: VirtualClock,
  userId: string,
): () => Credentials {
  let session: SessionToken | undefined;
  let credentials: Credentials | undefined;
  return () => {
    // TODO: reuse what you hold while it lasts beyond the margin; otherwise sign in (if the
    // session token is too old) and exchange it for new credentials.
    throw new Error('TODO: createCredentialSource');
  };
}
