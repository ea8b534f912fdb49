import { randomInt, seededRandom } from '../../kit/seeded-random.ts';
import { ColumnarTable, type ColumnType, type Value } from './columnar-table.ts';
import { sqlEngine } from './sql-engine.ts';
import { preloadRows } from './sqlite-copies.ts';

/**
 * The sample table `events`: purchases in an app, generated from a seed, so every run sees the
 * same 20,000 rows. Like raw event tables often are, it is mostly one wide column: `payload`,
 * the raw JSON of the event, averages about 1 KB a row, while the columns most questions need
 * take a few bytes each. That is what makes the choice of columns matter.
 */
export const EVENTS_SCHEMA: Record<string, ColumnType> = {
  event_id: 'INT64',
  event_time: 'TIMESTAMP',
  user_id: 'INT64',
  city: 'STRING',
  plan: 'STRING',
  amount_yen: 'INT64',
  is_refund: 'BOOL',
  coupon_code: 'STRING',
  user_agent: 'STRING',
  payload: 'STRING',
};

const CITIES = ['東京', '大阪', '名古屋', '福岡', '札幌', '仙台'];
const PLANS = ['free', 'standard', 'premium'];
const COUPONS = ['SPRING17', 'MEETUP2', 'WELCOME'];
const USER_AGENTS = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 10_3 like Mac OS X) AppleWebKit/603.1.30 (KHTML, like Gecko) Mobile/14E277',
  'Mozilla/5.0 (Linux; Android 7.0; SO-01J Build/39.2.B.0.336) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/58.0 Mobile',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/58.0.3029.110 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_12_4) AppleWebKit/603.1.30 (KHTML, like Gecko) Version/10.1 Safari/603.1.30',
];
const SCREENS = ['375x667', '414x736', '1920x1080', '1440x900'];
const FILLER =
  'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor '.repeat(30);
/** Model start time: event times begin here and only move forward (ms since the Unix epoch). */
const FIRST_EVENT_TIME = Date.UTC(2017, 5, 1);

const cache = new Map<string, Record<string, readonly Value[]>>();

/** A fresh `events` table (with its own job history) over the seeded rows. */
export async function sampleEvents(seed = 2017, rowCount = 20_000): Promise<ColumnarTable> {
  return new ColumnarTable(
    'events',
    EVENTS_SCHEMA,
    sampleColumns(seed, rowCount),
    await sqlEngine(),
  );
}

function sampleColumns(seed: number, rowCount: number): Record<string, readonly Value[]> {
  const key = `${seed}:${rowCount}`;
  let columns = cache.get(key);
  if (!columns) {
    columns = generate(seed, rowCount);
    cache.set(key, columns);
  }
  return columns;
}

/** Share of the sample rows each run leaves out of the checks' table. */
const RUN_LEFT_OUT = 0.05;
/** Each run's table also ends earlier, by this many of the latest rows (so "the latest" changes too). */
const RUN_CUT_ROWS = { min: 300, max: 2_000 } as const;

let lastRun:
  { seed: number; columns: Record<string, readonly Value[]>; rows: number[] } | undefined;

// Generated and copied into SQLite as the file is imported: the page starts each run's worker
// ahead of the click on Run, so the rows every run's table is cut from are ready by then.
const allRows = sampleColumns(2017, 20_000);
void sqlEngine().then(
  (engine) => preloadRows(engine, { name: 'events', schema: EVENTS_SCHEMA, base: allRows }),
  () => undefined,
);

/**
 * The checks' `events` table for one run: the sample rows with about one in twenty left out and
 * the last few hundred cut off, chosen by the run's seed. The answers change from run to run, so
 * none can be learnt by heart, while each column's size (what the budget is about) barely moves.
 */
export async function eventsForRun(seed: number): Promise<ColumnarTable> {
  const { columns, rows } = runTable(seed);
  return new ColumnarTable('events', EVENTS_SCHEMA, columns, await sqlEngine(), {
    base: allRows,
    rows,
  });
}

/** The columns of `eventsForRun(seed)`, read without SQL: what the checks work their answers out from. */
export function columnsForRun(seed: number): Readonly<Record<string, readonly Value[]>> {
  return runTable(seed).columns;
}

function runTable(seed: number): NonNullable<typeof lastRun> {
  if (lastRun?.seed !== seed) {
    const random = seededRandom(seed);
    const end = allRows.event_id.length - randomInt(random, RUN_CUT_ROWS.min, RUN_CUT_ROWS.max);
    const rows: number[] = [];
    for (let index = 0; index < allRows.event_id.length; index++)
      if (random() >= RUN_LEFT_OUT && index < end) rows.push(index);
    lastRun = {
      seed,
      rows,
      columns: Object.fromEntries(
        Object.entries(allRows).map(([name, values]) => [
          name,
          Object.freeze(rows.map((index) => values[index])),
        ]),
      ),
    };
  }
  return lastRun;
}

function generate(seed: number, rowCount: number): Record<string, readonly Value[]> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[randomInt(random, 0, items.length - 1)];
  const columns: Record<string, Value[]> = Object.fromEntries(
    Object.keys(EVENTS_SCHEMA).map((name) => [name, []]),
  );
  let time = FIRST_EVENT_TIME;
  for (let index = 0; index < rowCount; index++) {
    time += randomInt(random, 1, 90) * 1_000;
    const row = {
      event_id: index + 1,
      event_time: time,
      user_id: randomInt(random, 1, 3_000),
      city: pick(CITIES),
      plan: pick(PLANS),
      amount_yen: randomInt(random, 1, 120) * 100,
      is_refund: random() < 0.03,
      coupon_code: random() < 0.1 ? pick(COUPONS) : null,
      user_agent: pick(USER_AGENTS),
    };
    const cart = Array.from(
      { length: randomInt(random, 1, 4) },
      () => `{"sku":"SKU-${randomInt(random, 1000, 9999)}","qty":${randomInt(random, 1, 3)}}`,
    );
    const payload =
      `${JSON.stringify(row).slice(0, -1)},"screen":"${pick(SCREENS)}","cart":[${cart.join(',')}],` +
      `"note":"${FILLER.slice(0, randomInt(random, 300, 900))}"}`;
    for (const [name, value] of Object.entries(row)) columns[name].push(value);
    columns.payload.push(payload);
  }
  return Object.fromEntries(
    Object.entries(columns).map(([name, values]) => [name, Object.freeze(values)]),
  );
}
