import { expect } from '../../kit/expect.ts';
import type { Check, LearnerModules } from '../../kit/types.ts';
import { API_CORS_POLICY } from '../support/cors-policy.ts';

type Cors = typeof import('../solution/cors.ts');
const FILE = 'cors.ts';
const learnerFn = <K extends keyof Cors>(learner: LearnerModules, name: K) => expect.fn<Cors[K]>(learner[FILE], name, FILE);
const allowed = API_CORS_POLICY.allowedOrigins[0];
const strangers = ['https://evil.example.net', 'https://app.example.com.evil.net', 'null', undefined];
const corsNames = (headers: Record<string, string>) => Object.keys(headers).filter((name) => /^access-control-/i.test(name));

export const corsChecks: Check[] = [
  {
    id: 'cors.preflight-allowed',
    exercise: 1,
    title: { en: 'A preflight from an allowed origin gets exactly the headers it needs', ja: '許可されたオリジンからのプリフライトに、必要なヘッダーをそのまま返す' },
    hints: [
      { en: 'Echo the caller’s origin, never "*": the SPA sends credentials.', ja: '"*" ではなく呼び出し元のオリジンをそのまま返します。SPA は認証情報を送るからです。' },
      { en: 'Methods and headers come from the policy, joined with ", "; Max-Age is a string of seconds.', ja: 'メソッドとヘッダーはポリシーから ", " でつなぎ、Max-Age は秒数の文字列です。' },
    ],
    run(learner) {
      const response = learnerFn(learner, 'preflight')(allowed, API_CORS_POLICY);
      expect.deepEqual(
        response,
        {
          status: 204,
          headers: {
            'Access-Control-Allow-Origin': allowed,
            'Access-Control-Allow-Credentials': 'true',
            'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE',
            'Access-Control-Allow-Headers': 'Authorization, Content-Type',
            'Access-Control-Max-Age': '600',
            Vary: 'Origin',
          },
        },
        { en: `preflight('${allowed}')`, ja: `preflight('${allowed}')` },
      );
    },
  },
  {
    id: 'cors.other-origins-refused',
    exercise: 1,
    title: { en: 'Nothing lets another origin in: no Access-Control-* headers for strangers', ja: '他のオリジンは通さない: 許可外のオリジンには Access-Control-* ヘッダーを返さない' },
    hints: [
      { en: 'Compare the whole origin string with the allow-list; a prefix or suffix match lets look-alikes in.', ja: 'オリジンは文字列全体で許可リストと比べます。前方一致や後方一致では似せたドメインが通ってしまいます。' },
    ],
    run(learner) {
      for (const origin of strangers) {
        const response = learnerFn(learner, 'preflight')(origin, API_CORS_POLICY);
        expect.equal(response.status, 403, { en: `preflight status for ${origin}`, ja: `${origin} へのプリフライトのステータス` });
        expect.deepEqual(corsNames(response.headers), [], { en: `CORS headers in the preflight for ${origin}`, ja: `${origin} へのプリフライトの CORS ヘッダー` });
        expect.deepEqual(corsNames(learnerFn(learner, 'corsHeaders')(origin, API_CORS_POLICY)), [], {
          en: `CORS headers on a response to ${origin}`,
          ja: `${origin} へのレスポンスの CORS ヘッダー`,
        });
      }
    },
  },
  {
    id: 'cors.vary-and-no-wildcard',
    exercise: 1,
    title: { en: 'Every answer says Vary: Origin, and no answer pairs "*" with credentials', ja: 'すべての応答に Vary: Origin を付け、"*" と認証情報を組み合わせない' },
    hints: [{ en: 'A cache must not serve one origin’s answer to another: that is what Vary: Origin says.', ja: 'ある オリジン向けの応答をキャッシュが別のオリジンに返さないよう、Vary: Origin を付けます。' }],
    run(learner) {
      for (const origin of [allowed, ...strangers]) {
        for (const headers of [learnerFn(learner, 'preflight')(origin, API_CORS_POLICY).headers, learnerFn(learner, 'corsHeaders')(origin, API_CORS_POLICY)]) {
          expect.equal(headers.Vary, 'Origin', { en: `Vary header for ${origin}`, ja: `${origin} の Vary ヘッダー` });
          expect.ok(
            !(headers['Access-Control-Allow-Origin'] === '*' && headers['Access-Control-Allow-Credentials'] === 'true'),
            { en: 'A response allows any origin ("*") together with credentials; browsers reject it and it would be unsafe.', ja: 'すべてのオリジン("*")と認証情報を同時に許可しています。ブラウザは拒否し、安全でもありません。' },
          );
        }
      }
      expect.deepEqual(learnerFn(learner, 'corsHeaders')(allowed, API_CORS_POLICY), {
        'Access-Control-Allow-Origin': allowed,
        'Access-Control-Allow-Credentials': 'true',
        Vary: 'Origin',
      }, { en: `corsHeaders('${allowed}')`, ja: `corsHeaders('${allowed}')` });
    },
  },
];
