import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';

const specDir = join(import.meta.dirname, '..', 'e2e');
const specs = readdirSync(specDir).filter((file) => file.endsWith('.spec.ts'));

it('every browser spec takes test and expect from tests/e2e/fixtures.ts, so a run keeps one worker', () => {
  const elsewhere = specs.filter((file) => {
    const text = readFileSync(join(specDir, file), 'utf8');
    const fromPlaywright = /^import \{[^}]*\b(test|expect)\b[^}]*\} from '@playwright\/test'/m.test(
      text,
    );
    return fromPlaywright || !/^import \{[^}]*\btest\b[^}]*\} from '\.\/fixtures\.ts'/m.test(text);
  });
  assert.ok(specs.length > 20, `found only ${specs.length} specs in ${specDir}`);
  assert.deepEqual(
    elsewhere,
    [],
    'these specs import test or expect from elsewhere: a worker of another kind would restart the browser mid-run',
  );
});
