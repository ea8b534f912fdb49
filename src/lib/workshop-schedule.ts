import type { AgendaItem } from './workshop.ts';

/** A session's fixed parts, in minutes: the one place to change the day's shape. */
export const SESSION = {
  /** 10:00, as minutes after midnight. */
  start: 10 * 60,
  introMinutes: 15,
  breakMinutes: 15,
  /** A break falls at the first step boundary once this much work has run since the last pause. */
  workBetweenBreaks: 75,
  lunchMinutes: 60,
  /** Lunch takes the first step boundary from 12:00 on (full day only) instead of a break. */
  lunchFrom: 12 * 60,
  wrapUpMinutes: 15,
};

export type Track = 'fullDay' | 'halfDay';

export interface ScheduleRow {
  kind: AgendaItem['kind'] | 'intro' | 'break' | 'lunch' | 'wrapUp';
  /** The chapter or lab; absent for the session's own parts. */
  item?: AgendaItem;
  /** Minutes after midnight. */
  start: number;
  minutes: number;
}

/**
 * The day as a room lives it. The full day works through every chapter and lab, with lunch; the
 * half day does the labs only, with the chapters read beforehand.
 */
export function scheduleTrack(items: AgendaItem[], track: Track, session = SESSION): ScheduleRow[] {
  const steps = track === 'fullDay' ? items : items.filter((item) => item.kind === 'lab');
  const rows: ScheduleRow[] = [];
  let clock = session.start;
  const add = (row: Omit<ScheduleRow, 'start'>) => {
    rows.push({ ...row, start: clock });
    clock += row.minutes;
  };
  add({ kind: 'intro', minutes: session.introMinutes });
  let sincePause = 0;
  let hadLunch = track === 'halfDay';
  steps.forEach((item, index) => {
    add({ kind: item.kind, item, minutes: item.minutes });
    sincePause += item.minutes;
    if (index === steps.length - 1) return;
    if (!hadLunch && clock >= session.lunchFrom) {
      add({ kind: 'lunch', minutes: session.lunchMinutes });
      hadLunch = true;
      sincePause = 0;
    } else if (sincePause >= session.workBetweenBreaks) {
      add({ kind: 'break', minutes: session.breakMinutes });
      sincePause = 0;
    }
  });
  add({ kind: 'wrapUp', minutes: session.wrapUpMinutes });
  return rows;
}

/** "09:05" for 545 minutes after midnight. */
export const clockTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
