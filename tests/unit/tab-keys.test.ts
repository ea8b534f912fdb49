import assert from 'node:assert/strict';
import { it } from 'node:test';
import { tabAfterKey } from '../../src/lib/lab-workbench/tab-keys.ts';

it('moves between tabs as the ARIA tabs pattern does: arrows wrap round, Home and End jump, other keys stay', () => {
  const cases: Array<[string, number, number | undefined]> = [
    ['ArrowRight', 1, 2],
    ['ArrowRight', 4, 0],
    ['ArrowLeft', 0, 4],
    ['ArrowLeft', 3, 2],
    ['Home', 3, 0],
    ['End', 1, 4],
    ['Enter', 2, undefined],
    ['ArrowDown', 2, undefined],
  ];
  for (const [key, from, to] of cases)
    assert.equal(tabAfterKey(key, from, 5), to, `${key} from tab ${from}`);
});
