import { WARM_UP_SEED } from '../kit/seeded-random.ts';
import { eventsForRun } from './support/sample-events.ts';

/**
 * Queries of the shapes learners write in exercise 1 (all columns with a LIMIT, an aggregate by
 * group, a distinct count, the latest rows), but none of its answers.
 */
const WARM_UP_QUERIES = [
  'SELECT * FROM events LIMIT 10',
  'SELECT plan, COUNT(*) AS purchases FROM events WHERE is_refund GROUP BY plan',
  'SELECT COUNT(DISTINCT city) AS cities FROM events',
  'SELECT user_id FROM events ORDER BY event_time DESC LIMIT 5',
];

/**
 * Parses, dry-runs and runs those queries once, so the SQL parser and SQLite are warm (and every
 * sample row is copied into SQLite) by the time the learner's run asks for them.
 */
export async function warmUpQueries(): Promise<void> {
  const events = await eventsForRun(WARM_UP_SEED);
  for (const sql of WARM_UP_QUERIES) {
    events.dryRun(sql);
    events.query(sql);
  }
}
