import type { Text } from '../../labs/kit/types.ts';
import { parseProgressFile, type LabCatalog } from './progress-file.ts';
import { labEntryKey, progressIn, STORAGE_PREFIX } from './stored-progress.ts';

/**
 * The facilitator's view of the room, built from the progress files learners export: one row per
 * learner, one cell per exercise. Runs in the facilitator's browser on files they drop; nothing
 * is sent anywhere. Pure functions, so the page and the tests share them.
 */

/** What the board needs to know of one lab (build time, from its lab.ts). */
export interface BoardLab {
  slug: string;
  title: Text;
  exercises: Array<{ number: number; title: Text; file: string }>;
  checks: Array<{ id: string; exercise: number; title: Text }>;
}

/** Where a learner stands on one exercise. `solution`: its checks pass only on the untouched reference solution. */
export type CellState = 'done' | 'solution' | 'in-progress' | 'not-started';

export interface BoardCell {
  state: CellState;
  /** Checks passing at the learner's latest run, when the file says. */
  passed?: number;
  total?: number;
}

export interface BoardRow {
  /** The name the learner typed when exporting, or the file's name when they typed none. */
  learner: string;
  fileName: string;
  exportedAt: string;
  /** By column key (`<lab>:<exercise>`). */
  cells: Record<string, BoardCell>;
  /** Check ids failing at the latest run, by column key. */
  failing: Record<string, string[]>;
}

/** One column's totals, and the check most learners are stuck on. */
export interface ColumnSummary {
  counts: Record<CellState, number>;
  mostFailing?: { checkId: string; learners: number };
}

export const columnKey = (lab: string, exercise: number) => `${lab}:${exercise}`;

export function boardCatalog(labs: BoardLab[]): LabCatalog {
  return Object.fromEntries(
    labs.map((lab) => [lab.slug, [...new Set(lab.exercises.map((exercise) => exercise.file))]]),
  );
}

/**
 * One learner's row. Throws the import's `ProgressFileError` for a file that is not a progress file
 * of this guide, so the page can say why in the reader's language.
 */
export function readLearnerFile(fileName: string, text: string, labs: BoardLab[]): BoardRow {
  const file = parseProgressFile(text, boardCatalog(labs));
  const progressText = file.entries[`${STORAGE_PREFIX}progress`];
  const progress = progressText ? progressIn(JSON.parse(progressText)) : {};
  const edited = (lab: string, name: string) =>
    file.entries[labEntryKey(lab, 'file', name)] !== undefined;
  const row: BoardRow = {
    learner: file.learner || fileName.replace(/\.json$/i, ''),
    fileName,
    exportedAt: file.exportedAt,
    cells: {},
    failing: {},
  };
  for (const lab of labs) {
    const labProgress = progress[lab.slug];
    const results = labProgress?.exercises ?? {};
    const checkIds = new Set(lab.checks.map((check) => check.id));
    for (const exercise of lab.exercises) {
      const key = columnKey(lab.slug, exercise.number);
      const result = results[exercise.number];
      if (result) {
        const allPass = result.passed === result.total;
        const state: CellState = allPass
          ? result.solution
            ? 'solution'
            : 'done'
          : result.passed > 0 || edited(lab.slug, exercise.file)
            ? 'in-progress'
            : 'not-started';
        row.cells[key] = { state, passed: result.passed, total: result.total };
        const failing = (result.failing ?? []).filter((id) => checkIds.has(id));
        if (failing.length && !allPass) row.failing[key] = failing;
      } else if (labProgress?.done) {
        // A lab finished before per-exercise results were kept: every exercise passed.
        row.cells[key] = { state: 'done' };
      } else {
        row.cells[key] = { state: edited(lab.slug, exercise.file) ? 'in-progress' : 'not-started' };
      }
    }
  }
  return row;
}

/** Per column: how many learners are in each state, and the failing check most of them share. */
export function summarizeColumns(
  rows: BoardRow[],
  labs: BoardLab[],
): Record<string, ColumnSummary> {
  const summaries: Record<string, ColumnSummary> = {};
  for (const lab of labs) {
    for (const exercise of lab.exercises) {
      const key = columnKey(lab.slug, exercise.number);
      const counts: Record<CellState, number> = {
        done: 0,
        solution: 0,
        'in-progress': 0,
        'not-started': 0,
      };
      const failingBy = new Map<string, number>();
      for (const row of rows) {
        counts[row.cells[key]?.state ?? 'not-started']++;
        for (const id of row.failing[key] ?? []) failingBy.set(id, (failingBy.get(id) ?? 0) + 1);
      }
      // Most learners first; among equals, the check that comes first in the lab.
      const order = lab.checks.map((check) => check.id);
      const [top] = [...failingBy].sort(
        ([a, countA], [b, countB]) => countB - countA || order.indexOf(a) - order.indexOf(b),
      );
      summaries[key] = {
        counts,
        ...(top ? { mostFailing: { checkId: top[0], learners: top[1] } } : {}),
      };
    }
  }
  return summaries;
}
