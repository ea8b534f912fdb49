// Exercise 4 — Keep credentials fresh.
import type { VirtualClock } from '../../kit/virtual-clock.ts';
import type { Credentials, FakeIdentityService, SessionToken } from '../support/fake-identity.ts';

/** Refresh anything that would expire within this margin: a request can take a while. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * Returns a function the SPA calls before every API request. It hands out STS credentials that
 * stay valid for at least REFRESH_MARGIN_MS more, and it does only the work needed:
 * - new credentials only when the current ones are missing or expire within the margin;
 * - a new sign-in (service.login) only when the session token is missing or expires within the margin.
 */
export function createCredentialSource(service: FakeIdentityService, clock: VirtualClock, userId: string): () => Credentials {
  let session: SessionToken | undefined;
  let credentials: Credentials | undefined;
  const fresh = (expiresAt: number | undefined) => expiresAt !== undefined && expiresAt - clock.now() > REFRESH_MARGIN_MS;
  return () => {
    if (fresh(credentials?.expiresAt)) return credentials!;
    if (!fresh(session?.expiresAt)) session = service.login(userId);
    credentials = service.getCredentials(session!);
    return credentials;
  };
}
