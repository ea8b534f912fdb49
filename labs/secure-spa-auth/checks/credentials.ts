import { expect } from '../../kit/expect.ts';
import type { Check, LearnerModules } from '../../kit/types.ts';
import { VirtualClock } from '../../kit/virtual-clock.ts';
import { FakeIdentityService } from '../support/fake-identity.ts';

type CredentialsModule = typeof import('../solution/credentials.ts');
const FILE = 'credentials.ts';
const MINUTE = 60_000;
const MARGIN = 5 * MINUTE;
const HOURS = 30;

/** 30 simulated hours of SPA requests, one every 7 minutes; what each request went out with. */
function simulateDay(learner: LearnerModules) {
  const create = expect.fn<CredentialsModule['createCredentialSource']>(learner[FILE], 'createCredentialSource', FILE);
  const clock = new VirtualClock();
  const service = new FakeIdentityService(clock);
  const credentialsFor = create(service, clock, 'user-42');
  const requests: Array<{ at: number; expiresAt: number }> = [];
  while (clock.now() <= HOURS * 60 * MINUTE) {
    requests.push({ at: clock.now(), expiresAt: credentialsFor().expiresAt });
    clock.advance(7 * MINUTE);
  }
  return { requests, service };
}

export const credentialsChecks: Check[] = [
  {
    id: 'credentials.never-expired',
    exercise: 4,
    title: {
      en: 'Over 30 hours, no request goes out with credentials that expire within 5 minutes',
      ja: '30 時間のあいだ、5 分以内に期限が切れる認証情報でリクエストを送らない',
    },
    hints: [
      { en: 'STS credentials last an hour, the session token a day: both run out during 30 hours.', ja: 'STS の認証情報は 1 時間、セッショントークンは 1 日で切れます。30 時間のあいだにどちらも期限を迎えます。' },
      { en: 'Before handing out credentials, check how long they have left; the session token needs the same check before an exchange.', ja: '認証情報を渡す前に残り時間を確かめます。交換の前にはセッショントークンも同じように確かめます。' },
    ],
    run(learner) {
      const { requests } = simulateDay(learner);
      const late = requests.filter((request) => request.expiresAt - request.at < MARGIN);
      expect.ok(
        late.length === 0,
        { en: `${late.length} of ${requests.length} requests carried credentials with less than 5 minutes left.`, ja: `${requests.length} 件中 ${late.length} 件のリクエストが、残り 5 分未満の認証情報を使いました。` },
        { expected: 'at least 5 minutes left on every request', actual: late[0] ? `${(late[0].expiresAt - late[0].at) / MINUTE} min left at minute ${late[0].at / MINUTE}` : '' },
      );
    },
  },
  {
    id: 'credentials.no-needless-refresh',
    exercise: 4,
    title: { en: 'Refreshes no more often than needed: about once an hour, and signs in again once a day', ja: '必要以上に更新しない: 認証情報はほぼ 1 時間に 1 回、サインインは 1 日に 1 回' },
    hints: [{ en: 'Keep the credentials and the session token between calls; reuse them while they have time left.', ja: '認証情報とセッショントークンを呼び出しの間で保持し、残り時間があるうちは使い回します。' }],
    run(learner) {
      const { service } = simulateDay(learner);
      // Credentials last 60 minutes and are refreshed 5 minutes early: at most one exchange per 55 minutes.
      const maxExchanges = Math.ceil((HOURS * 60) / 55) + 1;
      expect.ok(service.exchanges <= maxExchanges, { en: `Too many credential exchanges in ${HOURS} hours.`, ja: `${HOURS} 時間で認証情報の交換が多すぎます。` }, { expected: `≤ ${maxExchanges}`, actual: service.exchanges });
      expect.ok(service.logins <= 2, { en: `Too many sign-ins in ${HOURS} hours (the session token lasts 24).`, ja: `${HOURS} 時間でサインインが多すぎます(セッショントークンは 24 時間有効です)。` }, { expected: '≤ 2', actual: service.logins });
    },
  },
];
