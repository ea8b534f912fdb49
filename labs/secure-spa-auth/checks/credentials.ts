import { expect } from '../../kit/expect.ts';
import { randomInt } from '../../kit/seeded-random.ts';
import type { Check, LearnerModules, Text } from '../../kit/types.ts';
import { VirtualClock } from '../../kit/virtual-clock.ts';
import {
  FakeApi,
  FakeIdentityService,
  formatDuration,
  type ApiAnswer,
  type Credentials,
} from '../support/fake-identity.ts';
import { REFRESH_MARGIN_MS } from '../support/session.ts';

type CredentialsModule = typeof import('../solution/credentials.ts');
const FILE = 'credentials.ts';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SIMULATED_HOURS = 30;
const MARGIN_MIN = REFRESH_MARGIN_MS / MINUTE;

/** How the last probe of a run sits against the session token's refresh margin: just before it, on it, just after. */
const SESSION_PROBES = [-1, 0, 1] as const;

interface Request {
  at: number;
  credentials: Credentials;
  answer: ApiAnswer;
  /** New credentials or a new sign-in this request triggered, and what was held before. */
  exchanges: number;
  logins: number;
  heldCredentialsLeft?: number;
  heldSessionLeft?: number;
}

/**
 * Runs the learner's credential source through 30 simulated hours against the fakes, for a user
 * drawn from the seed. Requests come every 1 to 15 minutes (seeded), with the laptop closed from
 * 9:00 to 12:10, and probes at the edges: twice a request 1 ms before the held credentials reach
 * the refresh margin and one exactly on it; and, after an evening off, one request at the
 * session token's margin shifted by `sessionProbe` ms, when the credentials held have run out.
 */
function simulate(learner: LearnerModules, random: () => number, sessionProbe: number) {
  const create = expect.fn<CredentialsModule['createCredentialSource']>(
    learner[FILE],
    'createCredentialSource',
    FILE,
  );
  const userId = `user-${randomInt(random, 100, 99_999)}`;
  const clock = new VirtualClock();
  const service = new FakeIdentityService(clock);
  const signedInAs: string[] = [];
  const login = service.login.bind(service);
  service.login = (who: string) => {
    signedInAs.push(who);
    return login(who);
  };
  const api = new FakeApi(clock, service);
  const credentialsForRequest = create(service, clock, userId);
  const requests: Request[] = [];
  const credentialProbesAt = [randomInt(random, 1, 7) * HOUR, randomInt(random, 13, 18) * HOUR];
  let held: Credentials | undefined;
  let pendingEdge: number | undefined;
  let sessionProbed = false;
  for (let at = 0; at <= SIMULATED_HOURS * HOUR;) {
    clock.advanceTo(at);
    const before = {
      exchanges: service.exchanges,
      logins: service.logins,
      session: service.latestSession,
    };
    const credentials = credentialsForRequest();
    const answer = api.call(credentials);
    requests.push({
      at,
      credentials,
      answer,
      exchanges: service.exchanges - before.exchanges,
      logins: service.logins - before.logins,
      heldCredentialsLeft: held && held.expiresAt - at,
      heldSessionLeft: before.session && before.session.expiresAt - at,
    });
    held = credentials;
    const margin = held?.expiresAt - REFRESH_MARGIN_MS;
    const session = service.latestSession;
    if (pendingEdge !== undefined) {
      at = pendingEdge;
      pendingEdge = undefined;
    } else if (credentialProbesAt.length && at >= credentialProbesAt[0] && margin - 1 > at) {
      credentialProbesAt.shift();
      at = margin - 1;
      pendingEdge = margin;
    } else if (!sessionProbed && at >= 19 * HOUR && session) {
      sessionProbed = true;
      at = Math.max(at + 1, session.expiresAt - REFRESH_MARGIN_MS + sessionProbe);
    } else {
      at += randomInt(random, 1, 15) * MINUTE;
      if (at >= 9 * HOUR && at < 12 * HOUR + 10 * MINUTE) at = 12 * HOUR + 10 * MINUTE;
    }
  }
  return { requests, service, userId, signedInAs };
}

/** The three runs a check looks at: one per session probe, each with its own user. */
const simulations = (learner: LearnerModules, random: () => number) =>
  SESSION_PROBES.map((probe) => simulate(learner, random, probe));

/** Simulated time as hours:minutes since the start (25:30 is the next day). */
const clockTime = (ms: number) =>
  `${Math.floor(ms / HOUR)}:${String(Math.floor((ms % HOUR) / MINUTE)).padStart(2, '0')}`;

/** "25 min left at 12:40", in the reader's language. */
const leftAt = (left: string, at: number) =>
  expect.inWords({
    en: `${left} left at ${clockTime(at)}`,
    ja: `${clockTime(at)} の時点で残り ${left}`,
  });

/** Every request of a run carried credentials with more than the margin left, exchanged with a session token that had too. */
function expectFreshEnough({ requests }: ReturnType<typeof simulate>) {
  const late = requests.filter(
    (request) => !(request.credentials?.expiresAt - request.at > REFRESH_MARGIN_MS),
  );
  const first = late[0];
  expect.ok(
    late.length === 0,
    {
      en: `${late.length} of ${requests.length} requests carried credentials with ${MARGIN_MIN} minutes or less left.`,
      ja: `${requests.length} 件中 ${late.length} 件のリクエストが、残り ${MARGIN_MIN} 分以下の認証情報を使いました。`,
    },
    {
      expected: expect.inWords({
        en: `more than ${MARGIN_MIN} min left on every request`,
        ja: `どのリクエストでも残り ${MARGIN_MIN} 分より多い`,
      }),
      actual:
        first &&
        (first.credentials
          ? leftAt(formatDuration(first.credentials.expiresAt - first.at), first.at)
          : expect.inWords({
              en: `no credentials at ${clockTime(first.at)}`,
              ja: `${clockTime(first.at)} の時点で認証情報なし`,
            })),
    },
  );
  const riskyExchange = requests.find(
    (request) =>
      request.exchanges > 0 &&
      request.logins === 0 &&
      request.heldSessionLeft !== undefined &&
      request.heldSessionLeft <= REFRESH_MARGIN_MS,
  );
  expect.ok(
    !riskyExchange,
    {
      en: `Exchanged a session token with ${MARGIN_MIN} minutes or less left instead of signing in again: it can expire before the exchange reaches the identity service.`,
      ja: `残り ${MARGIN_MIN} 分以下のセッショントークンを、サインインし直さずに交換に使いました。交換が ID サービスに届く前に期限が切れるかもしれません。`,
    },
    {
      expected: expect.inWords({
        en: `sign in again when the session token has ${MARGIN_MIN} min or less left`,
        ja: `セッショントークンの残りが ${MARGIN_MIN} 分以下ならサインインし直す`,
      }),
      actual:
        riskyExchange && leftAt(formatDuration(riskyExchange.heldSessionLeft!), riskyExchange.at),
      hint: 2,
    },
  );
}

/** The API's answers among `rejected`, each once: "ExpiredTokenException, InvalidClientTokenId". */
const rejectedWith = (rejected: Request[]) =>
  [...new Set(rejected.map((request) => request.answer))].join(', ');

/** Why the API refused one request, in the words of its answer. */
function whyRejected(request: Request): Text {
  if (!request.credentials) return { en: 'credentials missing', ja: '認証情報がない' };
  if (request.answer === 'InvalidClientTokenId')
    return {
      en: 'credentials the identity service never issued (or changed after it did): use what service.getCredentialsForIdentity returns',
      ja: 'ID サービスが発行していない(または発行後に変えた)認証情報。service.getCredentialsForIdentity が返したものを使います',
    };
  const ago = formatDuration(request.at - request.credentials.expiresAt);
  return { en: `credentials expired ${ago} earlier`, ja: `${ago} 前に期限が切れた認証情報` };
}

/** Every request of a run was accepted, and every sign-in was the run's own user. */
function expectNoneRejected({ requests, userId, signedInAs }: ReturnType<typeof simulate>) {
  const rejected = requests.filter((request) => request.answer !== 'ok');
  const first = rejected[0];
  expect.ok(
    rejected.length === 0,
    {
      en: `${rejected.length} of ${requests.length} requests were rejected (${rejectedWith(rejected)}).`,
      ja: `${requests.length} 件中 ${rejected.length} 件のリクエストが拒否されました(${rejectedWith(rejected)})。`,
    },
    {
      expected: expect.inWords({
        en: 'every request accepted',
        ja: 'すべてのリクエストが受け付けられる',
      }),
      actual:
        first &&
        expect.inWords({
          en: `first at ${clockTime(first.at)}, ${whyRejected(first).en}`,
          ja: `最初は ${clockTime(first.at)}: ${whyRejected(first).ja}`,
        }),
    },
  );
  const stranger = signedInAs.find((who) => who !== userId);
  expect.ok(
    stranger === undefined,
    {
      en: `This credential source was made for ${userId}, but it signed in as ${stranger}: sign in with the userId createCredentialSource receives.`,
      ja: `この認証情報ソースは ${userId} 用に作られましたが、${stranger} としてサインインしました。createCredentialSource が受け取った userId でサインインします。`,
    },
    { expected: `service.login('${userId}')`, actual: `service.login('${stranger}')`, hint: 3 },
  );
}

export const credentialsChecks: Check[] = [
  {
    id: 'credentials.never-expired',
    exercise: 4,
    title: {
      en: 'Over 30 hours, with idle gaps, no request goes out with expired credentials',
      ja: '休止時間を挟む 30 時間のあいだ、期限切れの認証情報でリクエストを送らない',
    },
    hints: [
      {
        en: 'STS credentials last an hour and the session token a day: during 30 hours both run out, and after a 3-hour pause the credentials you hold are long dead.',
        ja: 'STS の認証情報は 1 時間、セッショントークンは 1 日で切れます。30 時間のあいだにどちらも期限を迎え、3 時間休んだ後に持っている認証情報はとうに切れています。',
      },
      {
        en: 'Before returning credentials, look at their expiresAt against clock.now(); before exchanging, do the same for the session token.',
        ja: '認証情報を返す前に expiresAt を clock.now() と比べます。交換の前にはセッショントークンも同じように確かめます。',
      },
      {
        en: 'Each credential source serves one user: sign in with the userId it was created for, never a fixed one.',
        ja: '認証情報ソースは 1 人のユーザーのためのものです。固定の ID ではなく、作成時に渡された userId でサインインします。',
      },
    ],
    run(learner, { random }) {
      for (const run of simulations(learner, random)) expectNoneRejected(run);
    },
  },
  {
    id: 'credentials.refresh-margin',
    exercise: 4,
    title: {
      en: `Refreshes ahead of expiry: every request’s credentials have more than ${MARGIN_MIN} minutes left`,
      ja: `期限の前に更新する: どのリクエストの認証情報も残り ${MARGIN_MIN} 分より長い`,
    },
    hints: [
      {
        en: 'Waiting until the credentials have expired is too late: a request signed a second before expiry can arrive after it.',
        ja: '期限が切れるまで待つのでは遅すぎます。期限の 1 秒前に署名したリクエストは、期限の後に届くかもしれません。',
      },
      {
        en: 'Treat credentials with REFRESH_MARGIN_MS or less left as used up.',
        ja: '残りが REFRESH_MARGIN_MS 以下の認証情報は、使い切ったものとして扱います。',
      },
    ],
    run(learner, { random }) {
      for (const run of simulations(learner, random)) expectFreshEnough(run);
    },
  },
  {
    id: 'credentials.no-needless-refresh',
    exercise: 4,
    title: {
      en: 'Refreshes no more often than needed: new credentials only when the old ones are used up, a new sign-in only when the session token is',
      ja: '必要以上に更新しない: 認証情報は使い切ったときだけ、サインインはセッショントークンを使い切ったときだけ新しくする',
    },
    hints: [
      {
        en: 'Keep the credentials and the session token in the variables of createCredentialSource, and reuse them while they last beyond the margin.',
        ja: '認証情報とセッショントークンは createCredentialSource の変数に保持し、マージンより長く残っているうちは使い回します。',
      },
      {
        en: 'Sign in again only when an exchange is needed and the session token has REFRESH_MARGIN_MS or less left.',
        ja: 'サインインし直すのは、交換が必要で、かつセッショントークンの残りが REFRESH_MARGIN_MS 以下のときだけです。',
      },
    ],
    run(learner, { random }) {
      for (const run of simulations(learner, random)) expectNoNeedlessRefresh(run);
    },
  },
];

/** A run refreshed nothing early and nothing twice in one call. */
function expectNoNeedlessRefresh({ requests, service }: ReturnType<typeof simulate>) {
  const expired = requests.filter((request) => request.answer !== 'ok').length;
  expect.ok(
    expired === 0,
    {
      en: 'First, every request must go out with valid credentials (see credentials.never-expired): refreshing less is easy if nothing is refreshed.',
      ja: 'まず、すべてのリクエストを有効な認証情報で送る必要があります(credentials.never-expired を参照)。更新を減らすだけなら、一度も更新しなければ済んでしまうからです。',
    },
    {
      expected: 0,
      actual: expect.inWords({
        en: `${expired} requests rejected`,
        ja: `${expired} 件のリクエストが拒否された`,
      }),
    },
  );
  const summary = {
    en: `${service.exchanges} exchanges and ${service.logins} sign-ins for ${requests.length} requests over ${SIMULATED_HOURS} h`,
    ja: `${SIMULATED_HOURS} 時間・${requests.length} 件のリクエストで交換 ${service.exchanges} 回、サインイン ${service.logins} 回`,
  };
  const doubled = requests.find((request) => request.exchanges > 1 || request.logins > 1);
  expect.ok(
    !doubled,
    {
      en: 'One request triggered more than one exchange or sign-in.',
      ja: '1 件のリクエストで、交換またはサインインが 2 回以上起きました。',
    },
    {
      expected: expect.inWords({
        en: 'at most one of each per request',
        ja: '1 件のリクエストにつきそれぞれ 1 回まで',
      }),
      actual:
        doubled &&
        expect.inWords({
          en: `${doubled.exchanges} exchanges, ${doubled.logins} sign-ins at ${clockTime(doubled.at)}`,
          ja: `${clockTime(doubled.at)} に交換 ${doubled.exchanges} 回、サインイン ${doubled.logins} 回`,
        }),
    },
  );
  const early = requests.find(
    (request) =>
      request.exchanges === 1 &&
      request.heldCredentialsLeft !== undefined &&
      request.heldCredentialsLeft > REFRESH_MARGIN_MS,
  );
  expect.ok(
    !early,
    {
      en: `New credentials were fetched while the ones held still had more than ${MARGIN_MIN} minutes left (${summary.en}).`,
      ja: `持っている認証情報がまだ ${MARGIN_MIN} 分より長く残っているのに、新しい認証情報を取得しました(${summary.ja})。`,
    },
    {
      expected: expect.inWords({
        en: `exchange only with ${MARGIN_MIN} min or less left`,
        ja: `残りが ${MARGIN_MIN} 分以下になってから交換する`,
      }),
      actual: early && leftAt(formatDuration(early.heldCredentialsLeft!), early.at),
    },
  );
  const earlyLogin = requests.find(
    (request) =>
      request.logins === 1 &&
      request.heldSessionLeft !== undefined &&
      request.heldSessionLeft > REFRESH_MARGIN_MS,
  );
  expect.ok(
    !earlyLogin,
    {
      en: `Signed in again while the session token still had more than ${MARGIN_MIN} minutes left (${summary.en}).`,
      ja: `セッショントークンがまだ ${MARGIN_MIN} 分より長く残っているのに、サインインし直しました(${summary.ja})。`,
    },
    {
      expected: expect.inWords({
        en: `sign in only with ${MARGIN_MIN} min or less left`,
        ja: `残りが ${MARGIN_MIN} 分以下になってからサインインし直す`,
      }),
      actual: earlyLogin && leftAt(formatDuration(earlyLogin.heldSessionLeft!), earlyLogin.at),
    },
  );
}
