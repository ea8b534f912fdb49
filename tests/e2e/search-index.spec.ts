import { expect, test } from './fixtures.ts';
import type { PageAt } from './page-per-path.ts';

/**
 * What the search index holds and how it ranks, asked of Pagefind's own JS API in the page (the
 * search UI on top of it may change): glossary terms answer with their own anchor, code stays out
 * of excerpts, and a term's own chapter or lab outranks pages that only mention it.
 */

interface Hit {
  url: string;
  /** The page's whole text as the index holds it. */
  content: string;
  excerpt: string;
  subResults: { url: string; excerpt: string }[];
}

/** How many results per query a test reads: more than a reader looks at, and bounded on a busy machine. */
const RESULTS_READ = 12;

/** Runs each query through Pagefind on `path`'s language index; results best first, per query. */
async function searchAll(pageAt: PageAt, path: string, queries: string[]): Promise<Hit[][]> {
  const page = await pageAt(path);
  return page.evaluate(
    async ({ texts, limit }) => {
      const pagefind = await import(`${location.origin}/pagefind/pagefind.js`);
      const answers = [];
      for (const text of texts) {
        const { results } = await pagefind.search(text);
        const data = await Promise.all(
          results.slice(0, limit).map((result: { data: () => Promise<unknown> }) => result.data()),
        );
        answers.push(
          data.map(
            (entry: {
              url: string;
              content: string;
              excerpt: string;
              sub_results: { url: string; excerpt: string }[];
            }) => ({
              url: entry.url,
              content: entry.content,
              excerpt: entry.excerpt,
              subResults: entry.sub_results.map(({ url, excerpt }) => ({ url, excerpt })),
            }),
          ),
        );
      }
      return answers;
    },
    { texts: queries, limit: RESULTS_READ },
  );
}

const search = async (pageAt: PageAt, path: string, query: string) =>
  (await searchAll(pageAt, path, [query]))[0]!;

/** Pages that name many terms in passing; they must never answer before a term's own pages. */
const overviewPages = ['/', '/chapters/summary/', '/workshop/', '/glossary/'];
const inLocale = (prefix: string, paths: string[]) =>
  paths.map((path) => `${prefix}${path}`.replace('//', '/'));

const ownPages: Array<{ home: '/' | '/ja/'; query: string; own: string[]; glossaryId?: string }> = [
  {
    home: '/',
    query: 'cold start',
    own: ['/chapters/lambda-tuning/', '/labs/lambda-tuning/'],
    glossaryId: 'cold-start',
  },
  {
    home: '/',
    query: 'Notification Hubs',
    own: ['/chapters/azure-push/', '/labs/azure-push/'],
    glossaryId: 'notification-hubs',
  },
  {
    home: '/',
    query: 'Cognito',
    own: ['/chapters/secure-spa/', '/labs/secure-spa-auth/'],
    glossaryId: 'amazon-cognito',
  },
  {
    home: '/',
    query: 'poison queue',
    own: ['/chapters/azure-push/', '/labs/azure-push/'],
    glossaryId: 'poison-queue',
  },
  {
    home: '/',
    query: 'BigQuery',
    own: ['/chapters/gcp-data/', '/labs/bigquery-dataflow/'],
    glossaryId: 'bigquery',
  },
  {
    home: '/ja/',
    query: 'コールドスタート',
    own: ['/chapters/lambda-tuning/', '/labs/lambda-tuning/'],
    glossaryId: 'cold-start',
  },
  {
    home: '/ja/',
    query: 'Notification Hubs',
    own: ['/chapters/azure-push/', '/labs/azure-push/'],
    glossaryId: 'notification-hubs',
  },
  {
    home: '/ja/',
    query: 'Cognito',
    own: ['/chapters/secure-spa/', '/labs/secure-spa-auth/'],
    glossaryId: 'amazon-cognito',
  },
  {
    home: '/ja/',
    query: 'ポイズンキュー',
    own: ['/chapters/azure-push/', '/labs/azure-push/'],
    glossaryId: 'poison-queue',
  },
  { home: '/ja/', query: 'BigQuery', own: ['/chapters/gcp-data/', '/labs/bigquery-dataflow/'] },
];

for (const { home, query, own, glossaryId } of ownPages) {
  const ownUrls = inLocale(home, own);
  const overviewUrls = inLocale(home, overviewPages);

  test(`"${query}" (${home}) answers first with ${ownUrls.join(' or ')}, and overview pages only below it`, async ({
    pageAt,
  }) => {
    const urls = (await search(pageAt, home, query)).map(({ url }) => url);
    expect(ownUrls, `results: ${urls.join(', ')}`).toContain(urls[0]);
    const firstOwn = urls.findIndex((url) => ownUrls.includes(url));
    for (const overview of overviewUrls.filter((url) => urls.includes(url))) {
      expect(urls.indexOf(overview), `${overview} in ${urls.join(', ')}`).toBeGreaterThan(firstOwn);
    }
  });

  if (glossaryId) {
    test(`"${query}" (${home}) finds the glossary entry at its own anchor, not the top of the glossary`, async ({
      pageAt,
    }) => {
      const glossary = (await search(pageAt, home, query)).find(
        ({ url }) => url === `${home}glossary/`,
      );
      expect(glossary, 'the glossary is among the results').toBeDefined();
      expect(glossary!.subResults.map(({ url }) => url)).toContain(
        `${home}glossary/#${glossaryId}`,
      );
    });
  }
}

/** Starter code and English code comments that used to surface as excerpts. */
const CODE_IN_EXCERPT = /throw new Error|TODO:|\/\/ |\/\*|\*\//;

test('no excerpt of a Japanese search quotes lab code or an English code comment', async ({
  pageAt,
}) => {
  const queries = [
    'preflight',
    'TODO',
    'throw',
    'handler',
    'コールドスタート',
    'CORS',
    'KMS',
    'バッチサイズ',
  ];
  const answers = await searchAll(pageAt, '/ja/', queries);
  const quoted: string[] = [];
  for (const [index, query] of queries.entries()) {
    for (const hit of answers[index]!) {
      for (const { url, excerpt } of [hit, ...hit.subResults]) {
        if (CODE_IN_EXCERPT.test(excerpt)) quoted.push(`${query} → ${url}: ${excerpt}`);
      }
    }
  }
  expect(quoted).toEqual([]);
});

test('an English search for a lab function finds prose, not its starter code', async ({
  pageAt,
}) => {
  const quoted = (await search(pageAt, '/', 'preflight'))
    .flatMap((hit) => [hit, ...hit.subResults])
    .filter(({ excerpt }) => CODE_IN_EXCERPT.test(excerpt))
    .map(({ url, excerpt }) => `${url}: ${excerpt}`);
  expect(quoted).toEqual([]);
});

/**
 * Text the page shows that is not what the page says, and labels that must not run into what
 * they label (the index reads a label and its value as one word when no space parts them: "2017 →
 * nowProvisioned", "SpeakerSatoshi"), per language. Pagefind parts Japanese words with zero-width
 * spaces; they are taken out before reading.
 */
const indexedText = [
  {
    home: '/',
    queries: [
      'HTTPS',
      'Speaker',
      '2017',
      'Export progress',
      'learner',
      'memory',
      'Event Hubs',
      'minutes in all',
      'Perl',
    ],
    notSaid: [
      'do not work at this address', // the not-secure notice, hidden on every page
      'This lab cannot pass at this address',
      'Undo import', // the import preview and its undo, hidden until a file is chosen
      'This file has:',
      // header cells of the tables drawn by components, run together
      'StartsStep',
      'StageCount',
      'MemoryDuration',
      'storedPer',
      'networkReading',
      'Tune Up AWS LambdaServerless', // the class board's header row, which lists every exercise
      // a lab's list of exercises, each item run into the next (an index built from minified
      // pages, whose list items have no end tags)
      'in allPay',
      'in allHow much',
      'in allSend',
      'in allCORS',
      // the workshop page's sizes, which the build writes in after Pagefind has read the page
      '{{offline-size',
      // the home page's programme: a talk's title, speaker, title as given and lab badge, run together
      'Perl東聡志',
      'in the reportAll',
      // the source links under a "2017 → now" note: addresses, not prose to quote
      'amazon.com ›',
    ],
    labels: ['Speaker', 'Talk title as given', '2017 → now'],
  },
  {
    home: '/ja/',
    queries: ['HTTPS', '登壇者', '2017', '進捗を書き出す'],
    notSaid: [
      'このアドレスでは',
      '読み込みを取り消す',
      'このファイルの内容:',
      '{{offline-size',
      'amazon.com ›',
    ],
    // Not 登壇者 (speaker): Japanese prose runs it into the next word, as the language is written.
    labels: ['発表タイトル(原題)', '2017年 → 現在'],
  },
];

for (const { home, queries, notSaid, labels } of indexedText) {
  test(`${home}: the index holds what each page says: no hidden notice or control, and no label run into its value`, async ({
    pageAt,
  }) => {
    const pages = new Map<string, string>();
    for (const hits of await searchAll(pageAt, home, queries)) {
      for (const { url, content } of hits) pages.set(url, content.replaceAll('\u200b', ''));
    }
    expect(pages.size, 'pages read').toBeGreaterThan(8);
    const found: string[] = [];
    for (const [url, text] of pages) {
      for (const words of notSaid) if (text.includes(words)) found.push(`${url}: "${words}"`);
      for (const label of labels) {
        for (let at = text.indexOf(label); at >= 0; at = text.indexOf(label, at + 1)) {
          const next = text.charAt(at + label.length);
          // A space or a full stop parts them; "Speakers" is another word, not a join.
          if (!/[\s.:s]/.test(next))
            found.push(`${url}: "${text.slice(at, at + label.length + 12)}"`);
        }
      }
    }
    expect(found).toEqual([]);
  });
}
