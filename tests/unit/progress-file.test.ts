import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyImport,
  exportProgress,
  parseProgressFile,
  previewImport,
  ProgressFileError,
  undoImport,
} from '../../src/lib/progress-file.ts';
import { hintsShownIn, MAX_TEXT_CHARS, progressIn } from '../../src/lib/stored-progress.ts';
import { memoryStorage } from '../helpers/memory-storage.ts';

const catalog = { 'lambda-tuning': ['concurrency.ts', 'memory.ts'], 'azure-push': ['batches.ts'] };
const FORMAT = 'serverless-meetup-tokyo-2/progress';
const fileWith = (entries: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: FORMAT,
    version: 1,
    exportedAt: '2026-11-29T00:00:00.000Z',
    entries,
    ...extra,
  });
const done = JSON.stringify({ 'lambda-tuning': { done: true, at: '2026-11-29T00:00:00.000Z' } });

describe('progress files', () => {
  it('carry the guide’s entries, and only those, to another browser', () => {
    const source = memoryStorage({
      'smt2:progress': done,
      'smt2:lab:lambda-tuning:file:memory.ts': 'code',
      'smt2:lab:lambda-tuning:history:memory.ts': '[]',
      'smt2:lab:x:file:a.ts': 'a lab this build does not have',
      other: 'keep out',
    });
    const file = exportProgress(source, new Date('2026-11-29T00:00:00Z'), catalog);
    assert.deepEqual(Object.keys(file.entries).sort(), [
      'smt2:lab:lambda-tuning:file:memory.ts',
      'smt2:progress',
    ]);

    const target = memoryStorage();
    applyImport(target, parseProgressFile(JSON.stringify(file), catalog));
    assert.deepEqual(target.snapshot(), {
      'smt2:progress': done,
      'smt2:lab:lambda-tuning:file:memory.ts': 'code',
    });
  });

  it('carry the code a button replaced, so Restore my code works on the other laptop', () => {
    const version = (text: string, label: string, at: string) => ({ text, label, at });
    const history = (...versions: ReturnType<typeof version>[]) => JSON.stringify(versions);
    const source = memoryStorage({
      // Use solution replaced the learner's attempt; History kept it, and an older autosave.
      'smt2:lab:lambda-tuning:file:memory.ts': 'the solution',
      'smt2:lab:lambda-tuning:history:memory.ts': history(
        version('my attempt', 'before-solution', '2026-11-29T10:00:00.000Z'),
        version('my first lines', 'autosave', '2026-11-29T09:00:00.000Z'),
      ),
      // Reset replaced this one, and the learner has typed since: the attempt is still kept.
      'smt2:lab:lambda-tuning:file:concurrency.ts': 'typed after Reset',
      'smt2:lab:lambda-tuning:history:concurrency.ts': history(
        version('typed after Reset, half', 'autosave', '2026-11-29T11:00:00.000Z'),
        version('before the reset', 'before-reset', '2026-11-29T10:30:00.000Z'),
      ),
      // Restore my code put the attempt back: nothing to carry.
      'smt2:lab:azure-push:file:batches.ts': 'restored',
      'smt2:lab:azure-push:history:batches.ts': history(
        version('restored', 'before-solution', '2026-11-29T12:00:00.000Z'),
      ),
    });
    const file = exportProgress(source, new Date('2026-11-29T13:00:00Z'), catalog);
    assert.equal(file.entries['smt2:lab:lambda-tuning:own:memory.ts'], 'my attempt');
    assert.equal(file.entries['smt2:lab:lambda-tuning:own:concurrency.ts'], 'before the reset');
    assert.equal(file.entries['smt2:lab:azure-push:own:batches.ts'], undefined);
    assert.equal(
      Object.keys(file.entries).filter((key) => key.includes(':history:')).length,
      0,
      'History itself stays in its browser',
    );

    // A copy an older build kept under `own` goes as it was, not replaced by History's.
    const older = memoryStorage({
      'smt2:lab:lambda-tuning:own:memory.ts': 'kept by an older build',
      'smt2:lab:lambda-tuning:history:memory.ts': history(
        version('my attempt', 'before-solution', '2026-11-29T10:00:00.000Z'),
      ),
    });
    assert.equal(
      exportProgress(older, new Date(), catalog).entries['smt2:lab:lambda-tuning:own:memory.ts'],
      'kept by an older build',
    );
  });

  const rejected: Array<[string, string, ProgressFileError['code']]> = [
    ['text that is not JSON', 'hello', 'not-json'],
    ['JSON from somewhere else', '{"name":"package"}', 'not-progress'],
    ['the JSON value null', 'null', 'not-progress'],
    ['a file from a newer guide', fileWith({}, { version: 9 }), 'newer-version'],
    ['version -1', fileWith({}, { version: -1 }), 'bad-version'],
    ['version "1" (a string)', fileWith({}, { version: '1' }), 'bad-version'],
    ['version 1.5', fileWith({}, { version: 1.5 }), 'bad-version'],
    ['entries that are a list', fileWith({}, { entries: [] }), 'bad-entry'],
    [
      'an entry outside the guide’s keys',
      fileWith({ 'smt2:progress': '{}', token: 'x' }),
      'bad-entry',
    ],
    ['another lab’s file', fileWith({ 'smt2:lab:not-a-lab:file:a.ts': 'x' }), 'bad-entry'],
    [
      'a file name that climbs out with ../',
      fileWith({ 'smt2:lab:lambda-tuning:file:../memory.ts': 'x' }),
      'bad-entry',
    ],
    [
      'a file the lab does not have',
      fileWith({ 'smt2:lab:lambda-tuning:file:batches.ts': 'x' }),
      'bad-entry',
    ],
    [
      'a key with an extra part',
      fileWith({ 'smt2:lab:lambda-tuning:file:memory.ts:x': 'x' }),
      'bad-entry',
    ],
    [
      'a history entry (history stays in its browser)',
      fileWith({ 'smt2:lab:lambda-tuning:history:memory.ts': '[]' }),
      'bad-entry',
    ],
    [
      'a lab name from Object.prototype',
      fileWith({ 'smt2:lab:constructor:hints': '{}' }),
      'bad-entry',
    ],
    ['hints that are not JSON', fileWith({ 'smt2:lab:lambda-tuning:hints': '{' }), 'bad-value'],
    [
      'hints with a negative count',
      fileWith({ 'smt2:lab:lambda-tuning:hints': '{"m1":-1}' }),
      'bad-value',
    ],
    ['hints that are a list', fileWith({ 'smt2:lab:lambda-tuning:hints': '[1]' }), 'bad-value'],
    ['progress null', fileWith({ 'smt2:progress': 'null' }), 'bad-value'],
    [
      'progress of a lab this guide does not have',
      fileWith({ 'smt2:progress': '{"nope":{"done":true,"at":"2026-11-29T00:00:00Z"}}' }),
      'bad-value',
    ],
    [
      'progress without a date',
      fileWith({ 'smt2:progress': '{"lambda-tuning":{"done":true}}' }),
      'bad-value',
    ],
    [
      'code that is not text',
      fileWith({ 'smt2:lab:lambda-tuning:file:memory.ts': 42 }),
      'bad-value',
    ],
    [
      'a huge entry in the middle',
      fileWith({
        'smt2:progress': done,
        'smt2:lab:lambda-tuning:file:memory.ts': 'x'.repeat(MAX_TEXT_CHARS + 1),
        'smt2:lab:azure-push:hints': '{}',
      }),
      'bad-value',
    ],
  ];
  for (const [what, text, code] of rejected) {
    it(`rejects ${what} with a clear error (${code}) before changing anything`, () => {
      assert.throws(
        () => parseProgressFile(text, catalog),
        (error: unknown) =>
          error instanceof ProgressFileError && error.code === code && error.message.length > 20,
      );
    });
  }

  it('names the entry at fault', () => {
    assert.throws(
      () => parseProgressFile(fileWith({ 'smt2:lab:lambda-tuning:hints': '{' }), catalog),
      (error: unknown) =>
        error instanceof ProgressFileError &&
        error.key === 'smt2:lab:lambda-tuning:hints' &&
        error.message.includes('smt2:lab:lambda-tuning:hints'),
    );
  });

  it('writes all entries or none: a storage that fills up midway is put back as it was', () => {
    const before = { 'smt2:lab:lambda-tuning:file:memory.ts': 'mine', 'smt2:progress': done };
    const storage = memoryStorage(before, 200);
    const file = parseProgressFile(
      fileWith({
        'smt2:lab:lambda-tuning:file:memory.ts': 'theirs',
        'smt2:lab:lambda-tuning:file:concurrency.ts': 'y'.repeat(300),
        'smt2:lab:azure-push:hints': '{}',
      }),
      catalog,
    );
    assert.throws(
      () => applyImport(storage, file),
      (error: unknown) => error instanceof ProgressFileError && error.code === 'storage-full',
    );
    assert.deepEqual(storage.snapshot(), before);
  });

  it('keeps the progress of labs the file does not mention: an import replaces only its own labs', () => {
    const mine = {
      'azure-push': { done: false, at: '2026-11-30T00:00:00.000Z', exercises: {} },
      'lambda-tuning': { done: false, at: '2026-11-30T00:00:00.000Z' },
    };
    const before = { 'smt2:progress': JSON.stringify(mine) };
    const storage = memoryStorage(before);
    const file = parseProgressFile(fileWith({ 'smt2:progress': done }), catalog);
    assert.deepEqual(
      previewImport(storage, file, catalog).map(({ key, replaces }) => ({ key, replaces })),
      [{ key: 'smt2:progress', replaces: true }],
    );
    const undo = applyImport(storage, file);
    assert.deepEqual(JSON.parse(storage.getItem('smt2:progress')!), {
      'azure-push': mine['azure-push'],
      'lambda-tuning': JSON.parse(done)['lambda-tuning'],
    });
    undoImport(storage, undo);
    assert.deepEqual(storage.snapshot(), before);
  });

  it('undoes an import: replaced values come back, new ones go', () => {
    const before = { 'smt2:lab:lambda-tuning:file:memory.ts': 'mine' };
    const storage = memoryStorage(before);
    const undo = applyImport(
      storage,
      parseProgressFile(
        fileWith({ 'smt2:lab:lambda-tuning:file:memory.ts': 'theirs', 'smt2:progress': done }),
        catalog,
      ),
    );
    assert.equal(storage.getItem('smt2:lab:lambda-tuning:file:memory.ts'), 'theirs');
    undoImport(storage, undo);
    assert.deepEqual(storage.snapshot(), before);
  });
});

describe('readers of stored values', () => {
  it('read progress null, a list or bad entries as no progress, keeping the good entries', () => {
    assert.deepEqual(progressIn(null), {});
    assert.deepEqual(progressIn([]), {});
    assert.deepEqual(
      progressIn({
        a: null,
        b: { done: 'yes', at: 'x' },
        c: { done: true, at: '2026-11-29T00:00:00Z' },
      }),
      {
        c: { done: true, at: '2026-11-29T00:00:00Z' },
      },
    );
  });

  it('read per-exercise progress and the solution mark, dropping malformed exercises but not the lab', () => {
    const at = '2026-12-02T00:00:00Z';
    assert.deepEqual(
      progressIn({
        a: {
          done: false,
          at,
          solution: true,
          exercises: { 1: { passed: 2, total: 2, solution: true }, 2: { passed: 1, total: 3 } },
        },
        b: {
          done: false,
          at,
          exercises: {
            1: { passed: 5, total: 2 },
            x: { passed: 0, total: 1 },
            2: { passed: 0, total: 1 },
          },
        },
      }),
      {
        a: {
          done: false,
          at,
          solution: true,
          exercises: { 1: { passed: 2, total: 2, solution: true }, 2: { passed: 1, total: 3 } },
        },
        b: { done: false, at, exercises: { 2: { passed: 0, total: 1 } } },
      },
    );
  });

  it('import a progress file from before exercises were tracked', () => {
    const catalog = { lab: ['one.ts'] };
    const file = {
      format: 'serverless-meetup-tokyo-2/progress',
      version: 1,
      exportedAt: '2026-11-30T00:00:00Z',
      entries: {
        'smt2:progress': JSON.stringify({ lab: { done: true, at: '2026-11-30T00:00:00Z' } }),
      },
    };
    const parsed = parseProgressFile(JSON.stringify(file), catalog);
    assert.deepEqual(progressIn(JSON.parse(parsed.entries['smt2:progress'])), {
      lab: { done: true, at: '2026-11-30T00:00:00Z' },
    });
  });

  it('read hints that are not an object of counts as none shown', () => {
    assert.deepEqual(hintsShownIn('{'), {});
    assert.deepEqual(hintsShownIn(null), {});
    assert.deepEqual(hintsShownIn({ m1: 2, m2: 'two', m3: -1 }), { m1: 2 });
  });
});
