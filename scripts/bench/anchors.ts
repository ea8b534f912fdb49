import type { LabPageFigures } from './lab-page.ts';
import type { LighthouseScores } from './lighthouse-scores.ts';
import type { OfflineVisitFigures } from './offline-visit.ts';
import type { PageWeight } from './page-weight.ts';
import type { SearchTiming } from './search-timing.ts';

/** Figures from shared/reference/performance-anchors.md and the targets of issue 15 (KB = 1,024 bytes). */
const ANCHORS = {
  stockChapterCssJsKb: 190,
  stockLighthouse: 99,
  tutorialKitLighthouse: 91,
  tutorialKitLessonKb: 1572,
  guideFirstVisitGzipKb: 3475,
  guideReturningKb: 3431,
  pagefindFirstQueryMs: 143,
  pagefindLaterQueryMs: 2,
};

interface Row {
  figure: string;
  ours: number;
  anchor: number | undefined;
  anchorName: string;
  target: string;
  met: boolean;
  unit: 'KB' | 'ms' | '';
}

const atMost = (
  figure: string,
  ours: number,
  limit: number,
  unit: Row['unit'],
  anchor?: number,
  anchorName = '–',
): Row => ({
  figure,
  ours,
  anchor,
  anchorName,
  target: `≤ ${format(limit, unit)}`,
  met: ours <= limit,
  unit,
});

const atLeast = (
  figure: string,
  ours: number,
  limit: number,
  anchor: number,
  anchorName: string,
): Row => ({
  figure,
  ours,
  anchor,
  anchorName,
  target: limit === 100 ? '100' : `≥ ${limit}`,
  met: ours >= limit,
  unit: '',
});

const format = (value: number, unit: Row['unit']) =>
  unit === 'KB' ? `${(value / 1024).toFixed(1)} KB` : unit === 'ms' ? `${value} ms` : String(value);

/** One line per figure of the table: ours, the anchor, ours ÷ anchor, the target and whether it is met. */
export function printAgainstAnchors(results: {
  weights: Record<string, PageWeight>;
  scores: Record<string, LighthouseScores>;
  search: SearchTiming[];
  labs: Array<LabPageFigures & { htmlBytes: number }>;
  offline: OfflineVisitFigures;
}): Row[] {
  const { weights, scores, search, labs, offline } = results;
  const cssJs = (name: string) => weights[name].bytes.css + weights[name].bytes.js;
  const KB = 1024;
  const rows: Row[] = [
    ...['chapter', 'chapter ja'].map((name) =>
      atMost(
        `${name}: CSS + JS decoded`,
        cssJs(name),
        152 * KB,
        'KB',
        ANCHORS.stockChapterCssJsKb * KB,
        'stock Starlight page',
      ),
    ),
    ...['chapter', 'chapter ja'].map((name) =>
      atLeast(
        `${name}: Lighthouse perf, median of ${scores[name].performanceRuns.join('/')}`,
        scores[name].performance,
        100,
        ANCHORS.stockLighthouse,
        'stock Starlight page',
      ),
    ),
    atLeast(
      `lab lambda-tuning: Lighthouse perf, median of ${scores.lab.performanceRuns.join('/')}`,
      scores.lab.performance,
      97,
      ANCHORS.tutorialKitLighthouse,
      'TutorialKit lesson',
    ),
    ...labs.flatMap((lab) => [
      atMost(
        `lab ${lab.slug}: bytes until the editor is ready`,
        lab.editorReady.bytes,
        472 * KB,
        'KB',
        ANCHORS.tutorialKitLessonKb * KB,
        'TutorialKit lesson',
      ),
      atMost(`lab ${lab.slug}: page HTML`, lab.htmlBytes, 60 * KB, 'KB'),
      atMost(`lab ${lab.slug}: Run → results, median`, lab.runMedianMs, 300, 'ms'),
    ]),
    atMost(
      'first visit, service worker included: gzip sent',
      offline.firstVisit.sentBytes,
      1024 * KB,
      'KB',
      ANCHORS.guideFirstVisitGzipKb * KB,
      'this guide, 1 Dec 2026',
    ),
    atMost(
      'returning reader after a one-sentence rebuild',
      offline.returningReader.sentBytes,
      250 * KB,
      'KB',
      ANCHORS.guideReturningKb * KB,
      'this guide, 1 Dec 2026',
    ),
    ...search.flatMap((timing) => [
      atMost(
        `search (${timing.lang}): first query`,
        timing.firstQueryMs,
        300,
        'ms',
        ANCHORS.pagefindFirstQueryMs,
        'Pagefind, small site',
      ),
      atMost(
        `search (${timing.lang}): first query, a later page`,
        timing.firstQueryLaterPageMs,
        300,
        'ms',
        ANCHORS.pagefindFirstQueryMs,
        'Pagefind, small site',
      ),
      atMost(
        `search (${timing.lang}): later queries, median`,
        timing.medianQueryMs,
        50,
        'ms',
        ANCHORS.pagefindLaterQueryMs,
        'Pagefind, small site',
      ),
    ]),
  ];
  console.log('\nAgainst the anchors (ratio = ours ÷ anchor)');
  console.log(
    `${'figure'.padEnd(56)} ${'ours'.padStart(11)}  ${'anchor'.padStart(11)} ${'(of)'.padEnd(24)} ${'ratio'.padStart(6)}  ${'target'.padEnd(10)} met`,
  );
  for (const row of rows) {
    const ratio = row.anchor ? (row.ours / row.anchor).toFixed(2) : '–';
    console.log(
      `${row.figure.padEnd(56)} ${format(row.ours, row.unit).padStart(11)}  ${(row.anchor === undefined ? '–' : format(row.anchor, row.unit)).padStart(11)} ${row.anchorName.padEnd(24)} ${ratio.padStart(6)}  ${row.target.padEnd(10)} ${row.met ? 'yes' : 'NO'}`,
    );
  }
  return rows;
}
