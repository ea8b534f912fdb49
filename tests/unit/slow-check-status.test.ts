import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  NAME_SLOW_CHECK_AFTER_MS,
  slowCheckStatus,
} from '../../src/lib/lab-workbench/slow-check-status.ts';

// The status line is a live region: a check named there is read out, so only the one a learner
// is waiting on may be named, once.
describe('slowCheckStatus', () => {
  const watch = () => {
    const named: string[] = [];
    return { named, status: slowCheckStatus((id) => named.push(id)) };
  };

  it('names a check still running after a second, once', (context) => {
    context.mock.timers.enable({ apis: ['setTimeout'] });
    const { named, status } = watch();
    status.started('quick');
    context.mock.timers.tick(NAME_SLOW_CHECK_AFTER_MS - 1);
    status.started('endless');
    context.mock.timers.tick(NAME_SLOW_CHECK_AFTER_MS * 5);
    assert.deepEqual(named, ['endless']);
  });

  it('names nothing once the run is over', (context) => {
    context.mock.timers.enable({ apis: ['setTimeout'] });
    const { named, status } = watch();
    status.started('last');
    context.mock.timers.tick(NAME_SLOW_CHECK_AFTER_MS - 1);
    status.stop();
    context.mock.timers.tick(NAME_SLOW_CHECK_AFTER_MS);
    assert.deepEqual(named, []);
  });
});
