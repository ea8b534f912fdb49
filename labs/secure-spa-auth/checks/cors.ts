import { expectCases } from '../../kit/cases.ts';
import { expect } from '../../kit/expect.ts';
import { randomInt } from '../../kit/seeded-random.ts';
import type { Case, Check, CaseKind, LearnerModules } from '../../kit/types.ts';
import { API_CORS_POLICY, type CorsPolicy, type HttpResponse } from '../support/cors-policy.ts';

type Cors = typeof import('../solution/cors.ts');
const FILE = 'cors.ts';
const learnerFn = <K extends keyof Cors>(learner: LearnerModules, name: K) =>
  expect.fn<Cors[K]>(learner[FILE], name, FILE);

const ALLOWED = API_CORS_POLICY.allowedOrigins;
/** Origins that must not get in: look-alikes of the allowed ones, another scheme or port, the opaque "null", no Origin at all. */
const STRANGERS = [
  'https://evil.example.net',
  'https://app.example.com.evil.net',
  'https://evilapp.example.com',
  'http://app.example.com',
  'https://app.example.com:8443',
  'null',
  undefined,
];
const show = (origin: string | undefined) =>
  origin === undefined ? 'a request without Origin' : origin;
const corsNames = (headers: Record<string, string>) =>
  Object.keys(headers ?? {}).filter((name) => /^access-control-/i.test(name));

const WORDS = ['shop', 'admin', 'portal', 'orders', 'beta', 'kiosk', 'partner', 'mobile'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const HEADERS = ['Authorization', 'Content-Type', 'X-Request-Id', 'X-Api-Key'];
const pick = (random: () => number, items: string[]) =>
  items[randomInt(random, 0, items.length - 1)];

/** A second API's policy, drawn from the seed: its own origins, methods, headers, max age and credentials. */
function drawPolicy(random: () => number, allowCredentials = random() < 0.5): CorsPolicy {
  const domain = `${pick(random, WORDS)}-${randomInt(random, 10, 99)}.example.org`;
  const port = random() < 0.5 ? `:${randomInt(random, 3000, 9999)}` : '';
  return {
    allowedOrigins: [`https://${pick(random, WORDS)}.${domain}`, `https://${domain}${port}`],
    allowedMethods: METHODS.filter((_, index) => index === 0 || random() < 0.5),
    allowedHeaders: HEADERS.filter((_, index) => index === 0 || random() < 0.5),
    allowCredentials,
    maxAgeSeconds: randomInt(random, 5, 86_400),
  };
}

/** What a refused origin must get: a 403 (for a preflight) and no Access-Control-* header at all. */
const refusal = (response: HttpResponse) => ({
  status: response?.status,
  accessControlHeaders: corsNames(response?.headers),
});
const REFUSED = { status: 403, accessControlHeaders: [] };

/** Origins that must not get in under `policy`: each allowed origin changed by one character or one part. */
function lookAlikes(origin: string): string[] {
  const { protocol, hostname, port } = new URL(origin);
  return [
    `${origin}/`,
    origin.slice(0, -1),
    `${origin}x`,
    `${protocol === 'https:' ? 'http:' : 'https:'}//${hostname}${port ? `:${port}` : ''}`,
    `${protocol}//${hostname}:${port ? Number(port) + 1 : 8443}`,
    `${protocol}//evil${hostname}${port ? `:${port}` : ''}`,
  ];
}

/** The answer an allowed origin gets under `policy`: the headers the exercise lists, and no others. */
function allowedHeaders(
  origin: string,
  policy: CorsPolicy,
  preflight: boolean,
): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    ...(policy.allowCredentials ? { 'Access-Control-Allow-Credentials': 'true' } : {}),
    ...(preflight
      ? {
          'Access-Control-Allow-Methods': policy.allowedMethods.join(', '),
          'Access-Control-Allow-Headers': policy.allowedHeaders.join(', '),
          'Access-Control-Max-Age': String(policy.maxAgeSeconds),
        }
      : {}),
    Vary: 'Origin',
  };
}

type OriginCase<Output> = Case<[string | undefined, CorsPolicy], Output>;
const policyName = (policy: CorsPolicy) =>
  policy === API_CORS_POLICY ? 'API_CORS_POLICY' : JSON.stringify(policy);
const callText =
  (name: string) =>
  ([origin, policy]: [string | undefined, CorsPolicy]) => {
    const call = `${name}(${origin === undefined ? 'undefined' : `'${origin}'`}, ${policyName(policy)})`;
    return { en: call, ja: call };
  };

/** Allowed origins of the page's policy (worked examples) and of two policies drawn from the seed. */
function allowedCases<Output>(
  random: () => number,
  expected: (origin: string, policy: CorsPolicy) => Output,
  hint?: number,
): Array<OriginCase<Output>> {
  const from = (policy: CorsPolicy, kind: CaseKind) =>
    policy.allowedOrigins.map((origin): OriginCase<Output> => ({
      input: [origin, policy],
      expected: expected(origin, policy),
      kind,
      hint,
    }));
  // One drawn policy with credentials and one without, so both sides of allowCredentials are asked.
  return [
    ...from(API_CORS_POLICY, 'example'),
    ...from(drawPolicy(random, true), 'generated'),
    ...from(drawPolicy(random, false), 'generated'),
  ];
}

export const corsChecks: Check[] = [
  {
    id: 'cors.preflight-allowed',
    exercise: 1,
    title: {
      en: 'A preflight from an allowed origin gets exactly the headers it needs',
      ja: '許可されたオリジンからのプリフライトに、必要なヘッダーを過不足なく返す',
    },
    hints: [
      {
        en: 'Echo the caller’s origin when it is on the list, never "*": "*" would let every site read the answers.',
        ja: '呼び出し元のオリジンが許可リストにあれば、"*" ではなくそのオリジンをそのまま返します。"*" では、どのサイトでも応答を読めてしまいます。',
      },
      {
        en: 'Methods and headers come from the policy, joined with ", "; Max-Age is a string of seconds; the status is 204.',
        ja: 'メソッドとヘッダーはポリシーから ", " でつなぎ、Max-Age は秒数の文字列、ステータスは 204 です。',
      },
    ],
    run(learner, { random }) {
      const preflight = learnerFn(learner, 'preflight');
      return expectCases(
        allowedCases(
          random,
          (origin, policy) => ({ status: 204, headers: allowedHeaders(origin, policy, true) }),
          2,
        ),
        { call: ([origin, policy]) => preflight(origin, policy), what: callText('preflight') },
      );
    },
  },
  {
    id: 'cors.actual-response-allowed',
    exercise: 1,
    title: {
      en: 'An actual response to an allowed origin names that origin, and allows credentials when the policy does',
      ja: '許可されたオリジンへの実際のレスポンスは、そのオリジンを示し、ポリシーが許すときだけ認証情報を許可する',
    },
    hints: [
      {
        en: 'The browser checks Access-Control-Allow-Origin again on the real response, not only on the preflight.',
        ja: 'ブラウザはプリフライトだけでなく、実際のレスポンスでも Access-Control-Allow-Origin を確かめます。',
      },
      {
        en: 'Methods, headers and Max-Age belong to the preflight only.',
        ja: 'メソッド・ヘッダー・Max-Age はプリフライトだけに付けます。',
      },
    ],
    run(learner, { random }) {
      const corsHeaders = learnerFn(learner, 'corsHeaders');
      return expectCases(
        allowedCases(random, (origin, policy) => allowedHeaders(origin, policy, false), 2),
        { call: ([origin, policy]) => corsHeaders(origin, policy), what: callText('corsHeaders') },
      );
    },
  },
  {
    id: 'cors.other-origins-refused',
    exercise: 1,
    title: {
      en: 'Nothing lets another origin in: no Access-Control-* headers for look-alikes, other schemes or ports',
      ja: '他のオリジンは通さない: 似せたドメイン・別のスキーム・別のポートには Access-Control-* ヘッダーを返さない',
    },
    hints: [
      {
        en: 'Compare the whole origin string with the allow-list; a prefix, suffix or “contains” match lets look-alikes in.',
        ja: 'オリジンは文字列全体で許可リストと比べます。前方一致・後方一致・部分一致では似せたドメインが通ってしまいます。',
      },
      {
        en: 'A refused preflight is a 403 whose only header is Vary.',
        ja: '拒否したプリフライトは 403 で、ヘッダーは Vary だけです。',
      },
    ],
    async run(learner, { random }) {
      const preflight = learnerFn(learner, 'preflight');
      const corsHeaders = learnerFn(learner, 'corsHeaders');
      expect.equal(
        preflight(ALLOWED[0], API_CORS_POLICY).headers?.['Access-Control-Allow-Origin'],
        ALLOWED[0],
        {
          en: `First, an allowed origin must get in: Access-Control-Allow-Origin for ${ALLOWED[0]}`,
          ja: `まず、許可されたオリジンは通す必要があります: ${ALLOWED[0]} への Access-Control-Allow-Origin`,
        },
      );
      const drawn = drawPolicy(random);
      const refused = (
        origin: string | undefined,
        policy: CorsPolicy,
        kind: CaseKind,
      ): OriginCase<typeof REFUSED> => ({
        input: [origin, policy],
        expected: REFUSED,
        kind,
        hint: 1,
      });
      const cases = [
        ...STRANGERS.map((origin) => refused(origin, API_CORS_POLICY, 'example')),
        // The edge of "the whole string": one character or one part away from an allowed origin.
        ...ALLOWED.flatMap(lookAlikes).map((origin) =>
          refused(origin, API_CORS_POLICY, 'boundary'),
        ),
        ...drawn.allowedOrigins
          .flatMap(lookAlikes)
          .map((origin) => refused(origin, drawn, 'generated')),
        // A second policy refuses the first one's origins: scoped to its own list, not to every list.
        ...ALLOWED.map((origin) => refused(origin, drawn, 'generated')),
      ];
      await expectCases(cases, {
        call: ([origin, policy]) => refusal(preflight(origin, policy)),
        what: callText('preflight'),
      });
      await expectCases(
        cases.map((testCase) => ({ ...testCase, expected: { accessControlHeaders: [] } })),
        {
          call: ([origin, policy]) => ({
            accessControlHeaders: corsNames(corsHeaders(origin, policy)),
          }),
          what: callText('corsHeaders'),
        },
      );
    },
  },
  {
    id: 'cors.vary-origin',
    exercise: 1,
    title: {
      en: 'Every answer, allowed or refused, says Vary: Origin',
      ja: '許可でも拒否でも、すべての応答に Vary: Origin を付ける',
    },
    hints: [
      {
        en: 'A cache (CloudFront, the browser) must not serve one origin’s answer to another: Vary: Origin tells it the answer depends on that header.',
        ja: 'キャッシュ(CloudFront やブラウザ)が、あるオリジン向けの応答を別のオリジンに返さないよう、Vary: Origin で応答がそのヘッダーで変わることを伝えます。',
      },
    ],
    run(learner, { random }) {
      const drawn = drawPolicy(random);
      const asked: Array<[string | undefined, CorsPolicy]> = [
        ...[...ALLOWED, ...STRANGERS].map((origin): [string | undefined, CorsPolicy] => [
          origin,
          API_CORS_POLICY,
        ]),
        ...[...drawn.allowedOrigins, ...ALLOWED].map((origin): [string | undefined, CorsPolicy] => [
          origin,
          drawn,
        ]),
      ];
      for (const [origin, policy] of asked) {
        const where = policy === API_CORS_POLICY ? '' : ' (a second policy)';
        expect.equal(learnerFn(learner, 'preflight')(origin, policy).headers?.Vary, 'Origin', {
          en: `Vary in the preflight for ${show(origin)}${where}`,
          ja: `${show(origin)} へのプリフライトの Vary${where ? '(2 つ目のポリシー)' : ''}`,
        });
        expect.equal(learnerFn(learner, 'corsHeaders')(origin, policy).Vary, 'Origin', {
          en: `Vary on a response to ${show(origin)}${where}`,
          ja: `${show(origin)} へのレスポンスの Vary${where ? '(2 つ目のポリシー)' : ''}`,
        });
      }
    },
  },
  {
    id: 'cors.no-wildcard-with-credentials',
    exercise: 1,
    title: {
      en: '"*" never goes with credentials: such a policy is refused, and "*" alone answers "*"',
      ja: '"*" と認証情報は組み合わせない: そのポリシーは拒否し、認証情報なしの "*" には "*" を返す',
    },
    hints: [
      {
        en: 'Browsers reject a credentialed response whose Access-Control-Allow-Origin is "*"; echoing every origin instead would let any site call your API as the user.',
        ja: 'ブラウザは、認証情報付きのリクエストに対する Access-Control-Allow-Origin: "*" を拒否します。代わりにどのオリジンでもそのまま返すと、どのサイトでもユーザーとして API を呼べてしまいます。',
      },
      {
        en: 'Check the policy before looking at the origin: "*" in allowedOrigins with allowCredentials true → throw an Error.',
        ja: 'オリジンを見る前にポリシーを確かめます。allowedOrigins に "*" があり allowCredentials が true なら Error を投げます。',
      },
    ],
    run(learner) {
      const preflight = learnerFn(learner, 'preflight');
      const corsHeaders = learnerFn(learner, 'corsHeaders');
      const reflectAll: CorsPolicy = {
        ...API_CORS_POLICY,
        allowedOrigins: ['*'],
        allowCredentials: true,
      };
      // The edge: "*" among listed origins is still "*".
      const listedAndAny: CorsPolicy = { ...reflectAll, allowedOrigins: [ALLOWED[0], '*'] };
      expect.throws(
        () => corsHeaders(ALLOWED[0], listedAndAny),
        {
          en: `corsHeaders('${ALLOWED[0]}') with allowedOrigins ["${ALLOWED[0]}", "*"] and allowCredentials true must throw a configuration error`,
          ja: `allowedOrigins ["${ALLOWED[0]}", "*"] と allowCredentials true のポリシーでは、corsHeaders('${ALLOWED[0]}') は設定エラーを投げる必要があります`,
        },
        undefined,
        { hint: 2 },
      );
      for (const origin of ['https://evil.example.net', ALLOWED[0]]) {
        expect.throws(() => preflight(origin, reflectAll), {
          en: `preflight('${origin}') with allowedOrigins ["*"] and allowCredentials true must throw a configuration error`,
          ja: `allowedOrigins ["*"] と allowCredentials true のポリシーでは、preflight('${origin}') は設定エラーを投げる必要があります`,
        });
        expect.throws(() => corsHeaders(origin, reflectAll), {
          en: `corsHeaders('${origin}') with allowedOrigins ["*"] and allowCredentials true must throw a configuration error`,
          ja: `allowedOrigins ["*"] と allowCredentials true のポリシーでは、corsHeaders('${origin}') は設定エラーを投げる必要があります`,
        });
      }
      const publicApi: CorsPolicy = {
        ...API_CORS_POLICY,
        allowedOrigins: ['*'],
        allowCredentials: false,
      };
      const headers = preflight('https://anyone.example.org', publicApi).headers;
      expect.equal(headers?.['Access-Control-Allow-Origin'], '*', {
        en: 'Access-Control-Allow-Origin for a public API (allowedOrigins ["*"], no credentials)',
        ja: '公開 API(allowedOrigins ["*"]、認証情報なし)の Access-Control-Allow-Origin',
      });
      expect.equal(headers?.['Access-Control-Allow-Credentials'], undefined, {
        en: 'Access-Control-Allow-Credentials for a public API without credentials',
        ja: '認証情報なしの公開 API の Access-Control-Allow-Credentials',
      });
    },
  },
];
