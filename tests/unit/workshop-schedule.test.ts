import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clockTime, scheduleTrack, SESSION } from '../../src/lib/workshop-schedule.ts';
import type { AgendaItem } from '../../src/lib/workshop.ts';

const step = (kind: AgendaItem['kind'], minutes: number): AgendaItem => ({
  kind,
  minutes,
  title: `${kind} ${minutes}`,
  href: '/',
});
const items = [
  step('chapter', 20),
  step('lab', 50),
  step('chapter', 15),
  step('lab', 45),
  step('chapter', 10),
  step('lab', 40),
];

describe('scheduleTrack', () => {
  it('starts with the intro at the session start and ends with the wrap-up, each row starting where the last ended', () => {
    for (const track of ['fullDay', 'halfDay'] as const) {
      const rows = scheduleTrack(items, track);
      assert.equal(rows[0].kind, 'intro');
      assert.equal(rows[0].start, SESSION.start);
      assert.equal(rows.at(-1)!.kind, 'wrapUp');
      for (let index = 1; index < rows.length; index++)
        assert.equal(rows[index].start, rows[index - 1].start + rows[index - 1].minutes);
    }
  });

  it('runs every step in the full day, and only the labs in the half day', () => {
    const steps = (track: 'fullDay' | 'halfDay') =>
      scheduleTrack(items, track)
        .filter((row) => row.item)
        .map((row) => row.item);
    assert.deepEqual(steps('fullDay'), items);
    assert.deepEqual(
      steps('halfDay'),
      items.filter((item) => item.kind === 'lab'),
    );
  });

  it('never lets more work than the break interval plus one step run without a pause', () => {
    const rows = scheduleTrack(items, 'fullDay');
    let sincePause = 0;
    for (const row of rows) {
      if (row.kind === 'break' || row.kind === 'lunch') sincePause = 0;
      else if (row.item) sincePause += row.minutes;
      assert.ok(
        sincePause < SESSION.workBetweenBreaks + 50,
        `${sincePause} minutes without a pause at ${clockTime(row.start)}`,
      );
    }
  });

  it('gives the full day one lunch from 12:00 on, and the half day none', () => {
    const lunches = scheduleTrack(items, 'fullDay').filter((row) => row.kind === 'lunch');
    assert.equal(lunches.length, 1);
    assert.ok(lunches[0].start >= SESSION.lunchFrom);
    assert.equal(scheduleTrack(items, 'halfDay').filter((row) => row.kind === 'lunch').length, 0);
  });
});

describe('clockTime', () => {
  it('writes minutes after midnight as a 24-hour clock', () => {
    assert.equal(clockTime(545), '09:05');
    assert.equal(clockTime(13 * 60 + 30), '13:30');
  });
});
