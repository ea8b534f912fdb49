import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportProgress, importProgress, ProgressFileError } from '../../src/lib/progress-file.ts';

/** An in-memory stand-in for localStorage. */
function memoryStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    get length() {
      return map.size;
    },
    key: (index: number) => [...map.keys()][index] ?? null,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    snapshot: () => Object.fromEntries(map),
  };
}

describe('progress files', () => {
  it('carry the guide’s entries, and only those, to another browser', () => {
    const source = memoryStorage({ 'smt2:progress': '{"lambda-tuning":{"done":true}}', 'smt2:lab:x:a.ts': 'code', other: 'keep out' });
    const file = exportProgress(source, new Date('2026-11-29T00:00:00Z'));
    assert.deepEqual(Object.keys(file.entries).sort(), ['smt2:lab:x:a.ts', 'smt2:progress']);

    const target = memoryStorage();
    assert.equal(importProgress(target, JSON.stringify(file)), 2);
    assert.deepEqual(target.snapshot(), { 'smt2:progress': '{"lambda-tuning":{"done":true}}', 'smt2:lab:x:a.ts': 'code' });
  });

  const rejected: Array<[string, string, ProgressFileError['code']]> = [
    ['text that is not JSON', 'hello', 'not-json'],
    ['JSON from somewhere else', '{"name":"package"}', 'not-progress'],
    ['a file from a newer guide', JSON.stringify({ format: 'serverless-meetup-tokyo-2/progress', version: 9, entries: {} }), 'newer-version'],
    [
      'an entry outside the guide’s keys',
      JSON.stringify({ format: 'serverless-meetup-tokyo-2/progress', version: 1, entries: { 'smt2:progress': '{}', token: 'x' } }),
      'bad-entry',
    ],
  ];
  for (const [what, text, code] of rejected) {
    it(`rejects ${what} with a clear error and changes nothing`, () => {
      const storage = memoryStorage({ 'smt2:progress': 'before' });
      assert.throws(
        () => importProgress(storage, text),
        (error: unknown) => error instanceof ProgressFileError && error.code === code && error.message.length > 20,
      );
      assert.deepEqual(storage.snapshot(), { 'smt2:progress': 'before' });
    });
  }
});
