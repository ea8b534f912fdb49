import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  columnKey,
  readLearnerFile,
  summarizeColumns,
  type BoardLab,
} from '../../src/lib/class-board.ts';
import { ProgressFileError } from '../../src/lib/progress-file.ts';

const text = (en: string) => ({ en, ja: en });
const labs: BoardLab[] = [
  {
    slug: 'lambda-tuning',
    title: text('Tune Lambda'),
    exercises: [
      { number: 1, title: text('Concurrency'), file: 'concurrency.ts' },
      { number: 2, title: text('Memory'), file: 'memory.ts' },
    ],
    checks: [
      { id: 'concurrency.a', exercise: 1, title: text('a') },
      { id: 'concurrency.b', exercise: 1, title: text('b') },
      { id: 'memory.a', exercise: 2, title: text('m') },
    ],
  },
];

const progressFile = (
  learner: string | undefined,
  progress: unknown,
  files: Record<string, string> = {},
) =>
  JSON.stringify({
    format: 'serverless-meetup-tokyo-2/progress',
    version: 1,
    exportedAt: '2026-12-02T10:00:00.000Z',
    ...(learner === undefined ? {} : { learner }),
    entries: {
      ...(progress === undefined ? {} : { 'smt2:progress': JSON.stringify(progress) }),
      ...Object.fromEntries(
        Object.entries(files).map(([file, code]) => [`smt2:lab:lambda-tuning:file:${file}`, code]),
      ),
    },
  });
const at = '2026-12-02T09:00:00.000Z';

describe('the class board', () => {
  it('gives each exercise its state: done, solved with the solution, in progress, not started', () => {
    const row = readLearnerFile(
      'aiko.json',
      progressFile('Aiko', {
        'lambda-tuning': {
          done: false,
          at,
          exercises: {
            1: { passed: 2, total: 2, solution: true },
            2: { passed: 0, total: 1, failing: ['memory.a'] },
          },
        },
      }),
      labs,
    );
    assert.equal(row.learner, 'Aiko');
    assert.deepEqual(row.cells[columnKey('lambda-tuning', 1)], {
      state: 'solution',
      passed: 2,
      total: 2,
    });
    assert.equal(row.cells[columnKey('lambda-tuning', 2)].state, 'not-started');

    const own = readLearnerFile(
      'b.json',
      progressFile(
        'Ben',
        {
          'lambda-tuning': {
            done: false,
            at,
            exercises: { 1: { passed: 2, total: 2 }, 2: { passed: 0, total: 1 } },
          },
        },
        { 'memory.ts': 'export const x = 1;' },
      ),
      labs,
    );
    assert.equal(own.cells[columnKey('lambda-tuning', 1)].state, 'done');
    assert.equal(
      own.cells[columnKey('lambda-tuning', 2)].state,
      'in-progress',
      'an edited file with no passing check yet is in progress',
    );
  });

  it('reads files from before exercises were tracked, and names a learner by the file when they typed no name', () => {
    const old = readLearnerFile(
      'team-3.json',
      progressFile(undefined, { 'lambda-tuning': { done: true, at } }),
      labs,
    );
    assert.equal(old.learner, 'team-3');
    assert.deepEqual(
      Object.values(old.cells).map((cell) => cell.state),
      ['done', 'done'],
    );
    const untouched = readLearnerFile('c.json', progressFile('   Chie \n Sato  ', undefined), labs);
    assert.equal(untouched.learner, 'Chie Sato');
    assert.deepEqual(
      Object.values(untouched.cells).map((cell) => cell.state),
      ['not-started', 'not-started'],
    );
  });

  it('reads a room of 30, refuses the two files that are not progress files, and names the check most learners fail', () => {
    const files = Array.from({ length: 28 }, (_, index) => {
      const stuck =
        index % 3 === 0
          ? ['concurrency.b']
          : index % 3 === 1
            ? ['concurrency.a', 'concurrency.b']
            : [];
      const exercises = {
        1: { passed: 2 - stuck.length, total: 2, failing: stuck },
        2: { passed: index % 2, total: 1 },
      };
      return {
        name: `learner-${index + 1}.json`,
        text: progressFile(`Learner ${index + 1}`, {
          'lambda-tuning': { done: false, at, exercises },
        }),
      };
    });
    files.push(
      { name: 'notes.txt', text: 'not json at all' },
      { name: 'package.json', text: '{"name":"x"}' },
    );
    const rows = [];
    const refused: string[] = [];
    for (const file of files) {
      try {
        rows.push(readLearnerFile(file.name, file.text, labs));
      } catch (error) {
        assert.ok(error instanceof ProgressFileError);
        refused.push(`${file.name}: ${error.code}`);
      }
    }
    assert.equal(rows.length, 28);
    assert.deepEqual(refused, ['notes.txt: not-json', 'package.json: not-progress']);
    const summary = summarizeColumns(rows, labs);
    const first = summary[columnKey('lambda-tuning', 1)];
    assert.deepEqual(first.counts, { done: 9, solution: 0, 'in-progress': 10, 'not-started': 9 });
    assert.deepEqual(first.mostFailing, { checkId: 'concurrency.b', learners: 19 });
    assert.deepEqual(summary[columnKey('lambda-tuning', 2)].counts, {
      done: 14,
      solution: 0,
      'in-progress': 0,
      'not-started': 14,
    });
    assert.equal(summary[columnKey('lambda-tuning', 2)].mostFailing, undefined);
  });

  it('ignores failing check ids the lab does not have, and an exercise entry that is not well formed', () => {
    const row = readLearnerFile(
      'd.json',
      progressFile('D', {
        'lambda-tuning': {
          done: false,
          at,
          exercises: {
            1: { passed: 1, total: 2, failing: ['concurrency.a', 'rm -rf'] },
            2: { passed: 0, total: 1, failing: [42] },
          },
        },
      }),
      labs,
    );
    assert.deepEqual(row.failing[columnKey('lambda-tuning', 1)], ['concurrency.a']);
    assert.deepEqual(row.cells[columnKey('lambda-tuning', 2)], { state: 'not-started' });
  });
});
