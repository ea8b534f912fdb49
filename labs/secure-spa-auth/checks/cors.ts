import { expect } from '../../kit/expect.ts';
import type { Check, LearnerModules } from '../../kit/types.ts';
import { API_CORS_POLICY, type CorsPolicy } from '../support/cors-policy.ts';

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
        en: 'Echo the caller’s origin, never "*": the SPA sends credentials.',
        ja: '"*" ではなく呼び出し元のオリジンをそのまま返します。SPA は認証情報を送るからです。',
      },
      {
        en: 'Methods and headers come from the policy, joined with ", "; Max-Age is a string of seconds; the status is 204.',
        ja: 'メソッドとヘッダーはポリシーから ", " でつなぎ、Max-Age は秒数の文字列、ステータスは 204 です。',
      },
    ],
    run(learner) {
      for (const origin of ALLOWED) {
        expect.deepEqual(
          learnerFn(learner, 'preflight')(origin, API_CORS_POLICY),
          {
            status: 204,
            headers: {
              'Access-Control-Allow-Origin': origin,
              'Access-Control-Allow-Credentials': 'true',
              'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE',
              'Access-Control-Allow-Headers': 'Authorization, Content-Type',
              'Access-Control-Max-Age': '600',
              Vary: 'Origin',
            },
          },
          {
            en: `preflight('${origin}', API_CORS_POLICY)`,
            ja: `preflight('${origin}', API_CORS_POLICY)`,
          },
        );
      }
    },
  },
  {
    id: 'cors.actual-response-allowed',
    exercise: 1,
    title: {
      en: 'An actual response to an allowed origin names that origin and allows credentials',
      ja: '許可されたオリジンへの実際のレスポンスは、そのオリジンを示し認証情報を許可する',
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
    run(learner) {
      for (const origin of ALLOWED) {
        expect.deepEqual(
          learnerFn(learner, 'corsHeaders')(origin, API_CORS_POLICY),
          {
            'Access-Control-Allow-Origin': origin,
            'Access-Control-Allow-Credentials': 'true',
            Vary: 'Origin',
          },
          {
            en: `corsHeaders('${origin}', API_CORS_POLICY)`,
            ja: `corsHeaders('${origin}', API_CORS_POLICY)`,
          },
        );
      }
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
        en: 'Compare the whole origin string with the allow-list; a prefix, suffix or "contains" match lets look-alikes in.',
        ja: 'オリジンは文字列全体で許可リストと比べます。前方一致・後方一致・部分一致では似せたドメインが通ってしまいます。',
      },
      {
        en: 'A refused preflight is a 403 whose only header is Vary.',
        ja: '拒否したプリフライトは 403 で、ヘッダーは Vary だけです。',
      },
    ],
    run(learner) {
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
      for (const origin of STRANGERS) {
        const response = preflight(origin, API_CORS_POLICY);
        expect.equal(response.status, 403, {
          en: `preflight status for ${show(origin)}`,
          ja: `${show(origin)} へのプリフライトのステータス`,
        });
        expect.deepEqual(corsNames(response.headers), [], {
          en: `Access-Control-* headers in the preflight for ${show(origin)}`,
          ja: `${show(origin)} へのプリフライトの Access-Control-* ヘッダー`,
        });
        expect.deepEqual(corsNames(corsHeaders(origin, API_CORS_POLICY)), [], {
          en: `Access-Control-* headers on a response to ${show(origin)}`,
          ja: `${show(origin)} へのレスポンスの Access-Control-* ヘッダー`,
        });
      }
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
    run(learner) {
      for (const origin of [...ALLOWED, ...STRANGERS]) {
        expect.equal(
          learnerFn(learner, 'preflight')(origin, API_CORS_POLICY).headers?.Vary,
          'Origin',
          {
            en: `Vary in the preflight for ${show(origin)}`,
            ja: `${show(origin)} へのプリフライトの Vary`,
          },
        );
        expect.equal(learnerFn(learner, 'corsHeaders')(origin, API_CORS_POLICY).Vary, 'Origin', {
          en: `Vary on a response to ${show(origin)}`,
          ja: `${show(origin)} へのレスポンスの Vary`,
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
