import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lab } from '../../../labs/bigquery-dataflow/lab.ts';
import * as pay from '../../../labs/bigquery-dataflow/solution/pay-for-what-you-read.ts';
import {
  beam,
  compareCodePoints,
  type PCollection,
} from '../../../labs/bigquery-dataflow/support/beam.ts';
import {
  BYTES_PER_TIB,
  USD_PER_TIB,
} from '../../../labs/bigquery-dataflow/support/bigquery-pricing.ts';
import type { ColumnarTable } from '../../../labs/bigquery-dataflow/support/columnar-table.ts';
import { sampleEvents } from '../../../labs/bigquery-dataflow/support/sample-events.ts';
import { labsRoot } from '../../../labs/kit/labs.ts';
import { runChecks } from '../../../labs/kit/run-checks.ts';
import { runFolder } from '../../../labs/kit/run-folder.ts';
import {
  describeUnderManySeeds,
  failingChecks,
  loadLearnerFolder,
  withExportMistake,
} from '../../helpers/lab-checks.ts';

const solution = await loadLearnerFolder('bigquery-dataflow', 'solution');
const SEEDS = [1, 2_017, 482_913];

type Completion = [string, number];

/** The reference autocomplete with its prefixes and tie order replaceable. */
function autocompleteWith(
  prefixesOf: (word: string) => string[],
  tie: (a: string, b: string) => number,
) {
  return (words: PCollection<string>, n: number) =>
    words
      .apply(beam.CountPerElement<string>())
      .apply(
        beam.FlatMap(([word, count]: Completion) =>
          prefixesOf(word).map((prefix): [string, Completion] => [prefix, [word, count]]),
        ),
      )
      .apply(beam.TopPerKey<string, Completion>(n, (a, b) => b[1] - a[1] || tie(a[0], b[0])));
}
const wholeCharacters = (word: string) => {
  const characters = Array.from(word);
  return characters.map((_, index) => characters.slice(0, index + 1).join(''));
};

/** The reference windowed count with the allowed lateness it is given replaced by `lateness`. */
const windowedWith =
  (lateness: (given: number) => number) =>
  (words: PCollection<string>, windowMs: number, allowedLatenessMs: number) =>
    words
      .apply(
        beam.WindowInto<string>(beam.FixedWindows(windowMs), {
          allowedLatenessMs: lateness(allowedLatenessMs),
        }),
      )
      .apply(beam.CountPerElement<string>());

/** A learner who copied the answers for the page's table (seed 2017) from failure messages. */
const pageTable = await sampleEvents();
const memorised = {
  revenue: pay.revenueByCity(await sampleEvents()),
  premium: pay.premiumUsers(await sampleEvents()),
  latest: pay.latestRefunds(await sampleEvents(), 5),
};
/** A cheap query, so the check sees the table was asked. */
const touch = (events: ColumnarTable) => events.query('SELECT is_refund FROM events LIMIT 1');
/** Revenue by city from rows that carry city, amount_yen and is_refund, as the starter adds them up. */
const addUp = (rows: ReturnType<ColumnarTable['query']>['rows']) => {
  const revenue: Record<string, number> = {};
  for (const row of rows)
    if (!row.is_refund)
      revenue[row.city as string] = (revenue[row.city as string] ?? 0) + (row.amount_yen as number);
  return revenue;
};
const revenueFrom = (sql: string) => (events: ColumnarTable) =>
  Object.fromEntries(events.query(sql).rows.map((row) => [row.city, row.revenue]));

/** SELECT * for revenue by city, added up in TypeScript, then `tamper` with the table's records of it. */
const selectStarThen =
  (tamper: (events: ColumnarTable) => void) =>
  (events: ColumnarTable): unknown => {
    const answer = addUp(events.query('SELECT * FROM events').rows);
    tamper(events);
    return answer;
  };

interface WrongSolution {
  mistake: string;
  caughtBy: string;
  file: string;
  exports: Record<string, unknown>;
  /** What the failure must say (English), where the wording is the lesson. */
  says?: RegExp;
}

const wrongSolutions: WrongSolution[] = [
  {
    mistake: 'SELECT * for revenue by city, added up in TypeScript',
    caughtBy: 'bytes.revenue-by-city',
    file: 'pay-for-what-you-read.ts',
    exports: {
      revenueByCity: (events: ColumnarTable) => addUp(events.query('SELECT * FROM events').rows),
    },
    says: /processed \d+\.\d+ MiB, over the 1 MiB budget.*SELECT \* references all 10 columns\. The payload column alone is \d+\.\d+ MiB/,
  },
  {
    mistake: 'only the columns it needs, but the adding up done in TypeScript over every row',
    caughtBy: 'bytes.revenue-by-city',
    file: 'pay-for-what-you-read.ts',
    exports: {
      revenueByCity: (events: ColumnarTable) =>
        addUp(events.query('SELECT city, amount_yen, is_refund, user_agent FROM events').rows),
    },
    says: /The user_agent column alone is/,
  },
  {
    mistake: 'revenue without WHERE NOT is_refund, so refunds count as sales',
    caughtBy: 'bytes.revenue-by-city',
    file: 'pay-for-what-you-read.ts',
    exports: {
      revenueByCity: revenueFrom(
        'SELECT city, SUM(amount_yen) AS revenue FROM events GROUP BY city',
      ),
    },
    says: /^the answer of revenueByCity\(events\)/,
  },
  {
    mistake: 'WHERE is_refund = false written as WHERE is_refund, so only refunds count',
    caughtBy: 'bytes.revenue-by-city',
    file: 'pay-for-what-you-read.ts',
    exports: {
      revenueByCity: revenueFrom(
        'SELECT city, SUM(amount_yen) AS revenue FROM events WHERE is_refund GROUP BY city',
      ),
    },
  },
  {
    mistake: 'a misspelled column, amout_yen',
    caughtBy: 'bytes.revenue-by-city',
    file: 'pay-for-what-you-read.ts',
    exports: {
      revenueByCity: revenueFrom(
        'SELECT city, SUM(amout_yen) AS revenue FROM events WHERE NOT is_refund GROUP BY city',
      ),
    },
    says: /Unrecognized name: amout_yen; Did you mean amount_yen\? at \[1:18\]/,
  },
  {
    mistake: 'a column selected beside the aggregate but not grouped',
    caughtBy: 'bytes.revenue-by-city',
    file: 'pay-for-what-you-read.ts',
    exports: {
      revenueByCity: revenueFrom(
        'SELECT city, plan, SUM(amount_yen) AS revenue FROM events WHERE NOT is_refund GROUP BY city',
      ),
    },
    says: /SELECT list expression references column plan which is neither grouped nor aggregated/,
  },
  {
    mistake: 'premium events counted instead of premium users',
    caughtBy: 'bytes.premium-users',
    file: 'pay-for-what-you-read.ts',
    exports: {
      premiumUsers: (events: ColumnarTable) =>
        events.query("SELECT COUNT(user_id) AS users FROM events WHERE plan = 'premium'").rows[0]
          .users,
    },
  },
  {
    mistake: 'the premium filter in double quotes, as BigQuery allows and SQLite reads as a name',
    caughtBy: 'bytes.premium-users',
    file: 'pay-for-what-you-read.ts',
    exports: {
      premiumUsers: (events: ColumnarTable) =>
        events.query('SELECT COUNT(DISTINCT user_id) AS users FROM events WHERE plan = "premium"')
          .rows[0].users,
    },
    says: /a string in double quotes: write 'premium' in single quotes/,
  },
  {
    mistake: 'SELECT * with a LIMIT meant to save bytes, for the latest refunds',
    caughtBy: 'bytes.latest-refunds',
    file: 'pay-for-what-you-read.ts',
    exports: {
      latestRefunds: (events: ColumnarTable, n: number) =>
        events
          .query(`SELECT * FROM events WHERE is_refund ORDER BY event_time DESC LIMIT ${n}`)
          .rows.map((row) => row.event_id),
    },
    says: /LIMIT shortens the result, not the scan/,
  },
  {
    mistake: 'the latest refunds sorted by event_id instead of event_time',
    caughtBy: 'bytes.latest-refunds',
    file: 'pay-for-what-you-read.ts',
    exports: {
      latestRefunds: (events: ColumnarTable, n: number) =>
        events
          .query(`SELECT event_id FROM events WHERE is_refund ORDER BY event_id LIMIT ${n}`)
          .rows.map((row) => row.event_id),
    },
  },
  {
    mistake: 'the free tier taken as 10¹² bytes instead of a TiB',
    caughtBy: 'bytes.on-demand-cost',
    file: 'pay-for-what-you-read.ts',
    exports: {
      onDemandCostUsd: (bytes: number) => (Math.max(0, bytes - 1e12) / BYTES_PER_TIB) * USD_PER_TIB,
    },
  },
  {
    mistake: 'PB converted with 1024⁵',
    caughtBy: 'scan.units',
    file: 'scan-rate.ts',
    exports: {
      toBytes: (amount: number, unit: string) =>
        unit === 'PB'
          ? amount * 1024 ** 5
          : (solution['scan-rate.ts'].toBytes as (a: number, u: string) => number)(amount, unit),
    },
  },
  {
    mistake: 'GB/s divided by 2³⁰ (GiB/s)',
    caughtBy: 'scan.throughput',
    file: 'scan-rate.ts',
    exports: { gigabytesPerSecond: (bytes: number, seconds: number) => bytes / seconds / 2 ** 30 },
  },
  {
    mistake: 'workers rounded to the nearest instead of up',
    caughtBy: 'scan.workers',
    file: 'scan-rate.ts',
    exports: {
      workersNeeded: (bytes: number, seconds: number, rate: number) =>
        Math.round(bytes / seconds / rate),
    },
  },
  {
    mistake: 'workers as floor + 1 (one too many when it divides exactly)',
    caughtBy: 'scan.workers',
    file: 'scan-rate.ts',
    exports: {
      workersNeeded: (bytes: number, seconds: number, rate: number) =>
        bytes === 0 ? 0 : Math.floor(bytes / seconds / rate) + 1,
    },
  },
  {
    mistake: 'prefixes cut with slice, in UTF-16 units',
    caughtBy: 'autocomplete.whole-characters',
    file: 'autocomplete.ts',
    exports: {
      autocomplete: autocompleteWith(
        (word) => Array.from({ length: word.length }, (_, index) => word.slice(0, index + 1)),
        compareCodePoints,
      ),
    },
  },
  {
    mistake: 'ties ordered with localeCompare',
    caughtBy: 'autocomplete.code-point-order',
    file: 'autocomplete.ts',
    exports: { autocomplete: autocompleteWith(wholeCharacters, (a, b) => a.localeCompare(b)) },
  },
  {
    mistake: 'no windowing: everything counted in the global window',
    caughtBy: 'windows.batch-per-window',
    file: 'windowed-counts.ts',
    exports: {
      windowedCounts: (words: PCollection<string>) => words.apply(beam.CountPerElement<string>()),
    },
  },
  {
    mistake: 'the allowed lateness left out',
    caughtBy: 'windows.late-data',
    file: 'windowed-counts.ts',
    exports: { windowedCounts: windowedWith(() => 0) },
  },
  {
    mistake: 'the allowed lateness fixed at the 30 s of the page’s example',
    caughtBy: 'windows.late-data',
    file: 'windowed-counts.ts',
    exports: { windowedCounts: windowedWith(() => 30_000) },
  },
  {
    mistake: 'the allowed lateness rounded to whole seconds',
    caughtBy: 'windows.late-data',
    file: 'windowed-counts.ts',
    exports: { windowedCounts: windowedWith((given) => Math.round(given / 1_000) * 1_000) },
  },
  // Lookup tables, built from what the page and earlier failure messages show.
  {
    mistake:
      'a lookup table of the worker counts the page prints (76,924 for the talk, 0 for nothing)',
    caughtBy: 'scan.workers',
    file: 'scan-rate.ts',
    exports: {
      workersNeeded: (bytes: number) => ({ 0: 0, 1e15: 76_924 })[bytes] ?? 1,
    },
  },
  {
    mistake: 'revenue by city copied from a run on the page’s table (seed 2017)',
    caughtBy: 'bytes.revenue-by-city',
    file: 'pay-for-what-you-read.ts',
    exports: {
      revenueByCity: (events: ColumnarTable) => {
        touch(events);
        return memorised.revenue;
      },
    },
  },
  {
    mistake: 'the premium user count copied from a run on the page’s table',
    caughtBy: 'bytes.premium-users',
    file: 'pay-for-what-you-read.ts',
    exports: {
      premiumUsers: (events: ColumnarTable) => {
        touch(events);
        return memorised.premium;
      },
    },
  },
  {
    mistake: 'the latest refunds copied from a run on the page’s table',
    caughtBy: 'bytes.latest-refunds',
    file: 'pay-for-what-you-read.ts',
    exports: {
      latestRefunds: (events: ColumnarTable) => {
        touch(events);
        return memorised.latest;
      },
    },
  },
  {
    mistake: 'SELECT * with the bytes of the table’s job records set to 0 afterwards',
    caughtBy: 'bytes.revenue-by-city',
    file: 'pay-for-what-you-read.ts',
    exports: {
      revenueByCity: selectStarThen((events) => {
        for (const job of events.jobs)
          (job as { totalBytesProcessed: number }).totalBytesProcessed = 0;
      }),
    },
  },
  {
    mistake: 'SELECT * with the table’s job records replaced by an empty-handed one',
    caughtBy: 'bytes.revenue-by-city',
    file: 'pay-for-what-you-read.ts',
    exports: {
      revenueByCity: selectStarThen((events) => {
        const [job] = events.jobs;
        Object.defineProperty(events, 'jobs', {
          value: [{ ...job, columns: ['city'], star: false, totalBytesProcessed: 0 }],
        });
      }),
    },
  },
];

describe('bigquery-dataflow: wrong solutions, each caught by a named check', () => {
  it('builds its lookup tables from the page’s own table', () => {
    assert.equal(pageTable.numRows, 20_000);
  });

  for (const wrong of wrongSolutions.filter((wrong) => wrong.says)) {
    it(`${wrong.caughtBy} tells a BigQuery user what is wrong with ${wrong.mistake}`, async () => {
      const check = lab.checks.find((check) => check.id === wrong.caughtBy)!;
      const report = await runChecks(
        { ...lab, checks: [check] },
        withExportMistake(solution, wrong.file, wrong.exports),
        { seed: SEEDS[0] },
      );
      assert.match(report.results[0].message?.en ?? '', wrong.says!);
    });
  }

  for (const wrong of wrongSolutions) {
    it(`${wrong.caughtBy} catches ${wrong.mistake}`, async () => {
      for (const seed of SEEDS) {
        const failing = await failingChecks(
          lab,
          withExportMistake(solution, wrong.file, wrong.exports),
          seed,
          wrong.caughtBy,
        );
        assert.ok(
          failing.includes(wrong.caughtBy),
          `seed ${seed}: ${wrong.caughtBy} passed; failing: ${failing.join(', ') || 'none'}`,
        );
      }
    });
  }
});

describeUnderManySeeds(lab);

describe('bigquery-dataflow: a SQL syntax error in the learner’s file', () => {
  it('is reported at its line and column in that file, in English and Japanese', async () => {
    const solutionDir = join(labsRoot, 'bigquery-dataflow', 'solution');
    const text = await readFile(join(solutionDir, 'pay-for-what-you-read.ts'), 'utf8');
    const broken = text.replace('SUM(amount_yen) AS revenue', 'SUM(amount_yen AS revenue');
    const at = broken.indexOf('AS revenue');
    const lines = broken.slice(0, at).split('\n');
    const position = `${lines.length}:${lines[lines.length - 1].length + 1}`;
    // Beside starter/ and solution/, so the file's `../support/` imports resolve as they do there.
    const dir = await mkdtemp(join(labsRoot, 'bigquery-dataflow', 'wrong-'));
    try {
      await writeFile(join(dir, 'pay-for-what-you-read.ts'), broken);
      const report = await runFolder({ ...lab, checks: lab.checks.slice(0, 1) }, dir, { seed: 1 });
      const { message } = report.results[0];
      assert.match(
        message?.en ?? '',
        new RegExp(
          `^pay-for-what-you-read\\.ts:${position}: Syntax error: Unexpected "AS" at \\[2:`,
        ),
      );
      assert.match(
        message?.ja ?? '',
        new RegExp(`^pay-for-what-you-read\\.ts:${position}: 構文エラー`),
      );
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
