import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { HISTORY_LIMIT, LabStorage } from '../../src/lib/lab-workbench/lab-storage.ts';
import { memoryStorage } from '../helpers/memory-storage.ts';

describe('a file’s History at its limit', () => {
  beforeEach(() => {
    Object.defineProperty(globalThis, 'localStorage', {
      value: memoryStorage(),
      configurable: true,
    });
  });

  const minute = (n: number) => new Date(Date.UTC(2026, 11, 6, 10, n));

  it('lets autosaves give way before the code Use solution or Reset replaced', () => {
    const storage = new LabStorage('lambda-tuning');
    storage.remember('memory.ts', 'my attempt', 'before-solution', minute(0));
    // Forty minutes of tinkering with the solution, an autosave every two.
    for (let n = 1; n <= HISTORY_LIMIT; n++)
      storage.remember('memory.ts', `tinkering ${n}`, 'autosave', minute(2 * n));
    storage.remember('memory.ts', 'the solution again', 'before-reset', minute(50));

    const versions = storage.history('memory.ts');
    assert.equal(versions.length, HISTORY_LIMIT);
    assert.deepEqual(
      versions.filter((version) => version.label !== 'autosave').map((version) => version.text),
      ['the solution again', 'my attempt'],
    );
    // The oldest autosaves went; the newest stayed, newest first.
    assert.equal(versions[1].text, `tinkering ${HISTORY_LIMIT}`);
    assert.equal(versions.at(-2)!.text, 'tinkering 3');
  });

  it('drops the oldest version when there is no autosave left to drop', () => {
    const storage = new LabStorage('lambda-tuning');
    for (let n = 0; n <= HISTORY_LIMIT; n++)
      storage.remember('memory.ts', `attempt ${n}`, 'before-solution', minute(n));
    const versions = storage.history('memory.ts');
    assert.equal(versions.length, HISTORY_LIMIT);
    assert.equal(versions[0].text, `attempt ${HISTORY_LIMIT}`);
    assert.equal(versions.at(-1)!.text, 'attempt 1');
  });

  it('on a nearly full storage, lets autosaves give way first too', () => {
    // Room for about eight versions of this size besides the keys.
    const version = (text: string) => text.padEnd(1_000, '.');
    Object.defineProperty(globalThis, 'localStorage', {
      value: memoryStorage({}, 8_800),
      configurable: true,
    });
    const storage = new LabStorage('lambda-tuning');
    assert.ok(storage.remember('memory.ts', version('my attempt'), 'before-solution', minute(0)));
    for (let n = 1; n <= 12; n++)
      assert.ok(storage.remember('memory.ts', version(`tinkering ${n}`), 'autosave', minute(n)));

    const versions = storage.history('memory.ts');
    assert.ok(versions.length >= 4, `${versions.length} versions kept`);
    assert.ok(versions.length < 13, 'the storage could not hold them all');
    assert.equal(versions[0].text, version('tinkering 12'));
    assert.equal(versions.at(-1)!.text, version('my attempt'), 'the code Use solution replaced');
    assert.equal(versions.at(-1)!.label, 'before-solution');
  });
});
