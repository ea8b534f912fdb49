import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PICKER_COMPONENTS, SELECT_IMPORT } from '../../src/integrations/picker-select.ts';

const root = join(import.meta.dirname, '..', '..');
const starlight = join(root, 'node_modules', '@astrojs', 'starlight', 'dist', 'components');

describe('the pickers’ select', () => {
  it('is what Starlight’s pickers still import, where picker-select.ts gives them ours', () => {
    for (const component of PICKER_COMPONENTS) {
      const source = readFileSync(join(starlight, `${component}.astro`), 'utf8');
      const line = `import Select from '${SELECT_IMPORT}';`;
      assert.ok(source.includes(line), `${component}.astro no longer has: ${line}`);
    }
  });
});
