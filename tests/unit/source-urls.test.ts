import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

type Lang = 'en' | 'ja';

interface SourceLink {
  file: string;
  lang: Lang;
  url: string;
}

const repoRoot = join(import.meta.dirname, '..', '..');

/** Locale codes that vendor docs put in a path (`/ja-jp/`, `/hi_in/`, `/ru/`) or in `hl=`. */
const languageCodes = 'ar|cn|cs|de|en|es|fr|gb|hi|id|it|ja|jp|ko|nl|pl|pt|ru|sv|th|tr|tw|uk|vi|zh';
const localeSegment = new RegExp(`^(${languageCodes})([-_][a-z]{2,4})?$`, 'i');
/** The page's own language: English pages link the global or English page, Japanese pages may link the Japanese one. */
const ownLocales: Record<Lang, RegExp> = {
  en: /^en([-_]us)?$/i,
  ja: /^(ja([-_]jp)?|jp|en([-_]us)?)$/i,
};

/**
 * Threads that are the vendor's own announcement of what they cite, with the reason. Any other
 * issue, pull request or discussion is not a source: link the documentation page instead.
 */
const announcementThreads: Record<string, string> = {
  'https://github.com/apex/up/issues/840':
    "Apex Software's own end-of-life notice for all its products; Apex has no documentation page that says so",
};

/** Why a link is not the canonical official page for a reader of `lang`; empty when it is. */
export function problemsWith(url: string, lang: Lang): string[] {
  const problems: string[] = [];
  const { hostname, pathname, searchParams } = new URL(url);
  const host = hostname.toLowerCase();
  // Vendors put the locale first (learn.microsoft.com/ja-jp/, repost.aws/es/) or second
  // (docs.aws.amazon.com/hi_in/); deeper segments are topic names (cosmos-db/mongodb/ru/ is "request units").
  for (const segment of pathname.split('/').slice(1, 3)) {
    if (localeSegment.test(segment) && !ownLocales[lang].test(segment)) {
      problems.push(
        `locale "${segment}" in the path: link the ${lang === 'en' ? 'global (English)' : 'Japanese or global'} page`,
      );
    }
  }
  const hl = searchParams.get('hl');
  if (hl && !ownLocales[lang].test(hl))
    problems.push(`hl=${hl}: link the page without another language's parameter`);
  if (/\.md(\.txt)?$/i.test(pathname))
    problems.push('a raw .md/.md.txt rendition: link the rendered docs page');
  if (/(^|\.)amazonaws\.cn$/.test(host) || /(^|\.)azure\.cn$/.test(host)) {
    problems.push('a China-partition mirror: link the global docs page');
  }
  if (host === 'pypi.org')
    problems.push("a PyPI package page: link the vendor's documentation or release notes");
  if (host === 'github.com' && /\/commits?\//.test(pathname))
    problems.push('a commit: link the documentation page it changed');
  if (host === 'github.com' && /\/pull\/\d+\.(diff|patch)$/.test(pathname)) {
    problems.push('a raw pull-request diff: link the documentation page it changed');
  } else if (
    host === 'github.com' &&
    /\/(issues|pull|discussions)\/\d+/.test(pathname) &&
    !announcementThreads[url]
  ) {
    problems.push(
      'an issue, pull request or discussion thread: link the documented page (or list a vendor announcement in announcementThreads with why)',
    );
  }
  return problems;
}

function filesIn(dir: string, pattern: RegExp): string[] {
  return readdirSync(join(repoRoot, dir))
    .filter((file) => pattern.test(file))
    .map((file) => `${dir}/${file}`);
}

/** `sources={[...]}` of every ThenNow, and every external Markdown link. */
function linksInPage(file: string, lang: Lang): SourceLink[] {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  const fromSources = [...text.matchAll(/sources=\{\[([\s\S]*?)\]\}/g)].flatMap((block) =>
    [...block[1].matchAll(/['"`](https?:\/\/[^'"`]+)['"`]/g)].map((match) => match[1]),
  );
  const fromLinks = [...text.matchAll(/\]\((https?:\/\/[^)\s]+)\)/g)].map((match) => match[1]);
  return [...fromSources, ...fromLinks].map((url) => ({ file, lang, url }));
}

function linksInGlossary(file: string): SourceLink[] {
  const source = /^source:\s*(\S+)/m.exec(readFileSync(join(repoRoot, file), 'utf8'));
  return source ? [{ file, lang: 'en', url: source[1] }] : [];
}

const links: SourceLink[] = [
  ...['chapters', 'labs'].flatMap((section) => [
    ...filesIn(`src/content/docs/${section}`, /\.mdx$/).flatMap((file) => linksInPage(file, 'en')),
    ...filesIn(`src/content/docs/ja/${section}`, /\.mdx$/).flatMap((file) =>
      linksInPage(file, 'ja'),
    ),
  ]),
  ...filesIn('src/content/glossary', /\.yaml$/).flatMap(linksInGlossary),
];

describe('sources link the canonical official page in the page language', () => {
  describe('planted bad links are caught', () => {
    const bad: [string, Lang, RegExp][] = [
      [
        'https://docs.aws.amazon.com/hi_in/cognito/latest/developerguide/role-based-access-control.html',
        'en',
        /locale "hi_in"/,
      ],
      [
        'https://aws.amazon.com/ru/premiumsupport/knowledge-center/lambda-concurrency-limit-increase/',
        'ja',
        /locale "ru"/,
      ],
      [
        'https://docs.aws.amazon.com/es_es/apigateway/latest/developerguide/http-api-cors.html',
        'en',
        /locale "es_es"/,
      ],
      ['https://learn.microsoft.com/es-es/azure/app-service/overview', 'ja', /locale "es-es"/],
      ['https://docs.aws.amazon.com/ja_jp/lambda/latest/dg/snapstart.html', 'en', /locale "ja_jp"/],
      [
        'https://aws.amazon.com/jp/about-aws/whats-new/2024/06/amazon-api-gateway-integration-timeout-limit-29-seconds/',
        'en',
        /locale "jp"/,
      ],
      ['https://cloud.google.com/bigquery/pricing?hl=es', 'en', /hl=es/],
      ['https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.md', 'en', /\.md/],
      ['https://firebase.google.com/docs/firestore/rtdb-vs-firestore.md.txt', 'ja', /\.md/],
      ['https://docs.amazonaws.cn/en_us/lambda/latest/dg/configuration-memory.html', 'en', /China/],
      ['https://docs.azure.cn/en-us/event-hubs/apache-kafka-developer-guide', 'ja', /China/],
      ['https://pypi.org/project/lamvery/', 'en', /PyPI/],
      ['https://github.com/MicrosoftDocs/architecture-center/commit/7521d30186', 'en', /commit/],
      ['https://github.com/Azure/azure-webjobs-sdk/issues/2624', 'ja', /thread/],
      ['https://github.com/awsdocs/aws-lambda-developer-guide/pull/326.diff', 'en', /diff/],
    ];
    for (const [url, lang, why] of bad) {
      it(`${lang}: ${url}`, () => assert.match(problemsWith(url, lang).join('; '), why));
    }
  });

  it('canonical pages pass: global on English pages, Japanese or global on Japanese pages', () => {
    for (const [url, lang] of [
      ['https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html', 'en'],
      ['https://docs.aws.amazon.com/ja_jp/lambda/latest/dg/lambda-concurrency.html', 'ja'],
      ['https://learn.microsoft.com/en-us/azure/azure-functions/functions-versions', 'en'],
      ['https://learn.microsoft.com/ja-jp/azure/azure-functions/functions-versions', 'ja'],
      ['https://cloud.google.com/pubsub/docs/bigquery?hl=ja', 'ja'],
      ['https://developer.apple.com/jp/news/upcoming-requirements/?id=03312021a', 'ja'],
      ['https://github.com/apex/up/issues/840', 'en'],
      [
        'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_lambda_event_sources.html?lang=java',
        'en',
      ],
      ['https://pkg.go.dev/github.com/apache/beam/sdks/go/examples', 'en'],
      ['https://learn.microsoft.com/en-us/azure/cosmos-db/mongodb/ru/introduction', 'en'],
    ] as [string, Lang][]) {
      assert.deepEqual(problemsWith(url, lang), [], url);
    }
  });

  it('every ThenNow source and official link in chapters, lab pages and the glossary is canonical', () => {
    assert.ok(
      links.length > 100,
      `found only ${links.length} links: has the ThenNow or link syntax changed?`,
    );
    const offending = [
      ...new Set(
        links.flatMap(({ file, lang, url }) =>
          problemsWith(url, lang).map((why) => `${file}: ${url}\n    ${why}`),
        ),
      ),
    ];
    if (offending.length > 0)
      assert.fail(
        `fix these ${offending.length} links (file: URL, then why):\n${offending.join('\n')}`,
      );
  });
});
