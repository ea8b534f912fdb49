import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';

const { tooOld } = createRequire(import.meta.url)('../../scripts/check-node.cjs') as {
  tooOld(version: string): boolean;
};

describe('the Node.js check before install, build, serve and test', () => {
  it('refuses a Node that cannot run the TypeScript scripts (npm test, npm run lab, pack, bench)', () => {
    // Node runs .ts files without a flag from 22.18 and, on the 23 line, from 23.6.
    for (const version of ['18.20.4', '20.19.0', '22.12.0', '22.17.1', '23.0.0', '23.5.0'])
      assert.equal(tooOld(version), true, `Node ${version} must be refused`);
  });

  it('accepts a Node that strips types by default', () => {
    for (const version of ['22.18.0', '22.21.1', '23.6.0', '24.0.0', '25.2.1'])
      assert.equal(tooOld(version), false, `Node ${version} must be accepted`);
  });
});
