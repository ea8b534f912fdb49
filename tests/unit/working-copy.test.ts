import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { LabStorage } from '../../src/lib/lab-workbench/lab-storage.ts';
import { WorkingCopy } from '../../src/lib/lab-workbench/working-copy.ts';
import { memoryStorage } from '../helpers/memory-storage.ts';

describe('a button that replaces a file another tab changed', () => {
  beforeEach(() => {
    Object.defineProperty(globalThis, 'localStorage', {
      value: memoryStorage(),
      configurable: true,
    });
  });
  const copyOf = () =>
    new WorkingCopy(new LabStorage('lambda-tuning'), {
      starter: { 'memory.ts': 'starter' },
      isSolution: (_file, text) => text === 'solution',
    });

  it('keeps the other tab’s text, then this tab’s, and settles the change', () => {
    const copy = copyOf();
    copy.edit('memory.ts', 'mine');
    copy.otherTabSaved('memory.ts', 'theirs');
    assert.equal(copy.keepBeforeReplacing('memory.ts', 'before-solution'), true);
    assert.deepEqual(
      new LabStorage('lambda-tuning').history('memory.ts').map(({ text, label }) => [text, label]),
      [
        ['mine', 'before-solution'],
        ['theirs', 'other-tab'],
      ],
    );
    assert.deepEqual(copy.changedElsewhere(), []);
  });

  it('refuses, keeping the change unsettled, when storage cannot hold the other tab’s text', () => {
    const copy = copyOf();
    copy.edit('memory.ts', 'mine');
    Object.defineProperty(globalThis, 'localStorage', {
      value: memoryStorage({ 'smt2:lab:lambda-tuning:file:memory.ts': 'mine' }, 60),
      configurable: true,
    });
    copy.otherTabSaved('memory.ts', 'theirs, long enough not to fit in what is left');
    assert.equal(copy.keepBeforeReplacing('memory.ts', 'before-solution'), false);
    assert.deepEqual(copy.changedElsewhere(), ['memory.ts']);
  });
});
