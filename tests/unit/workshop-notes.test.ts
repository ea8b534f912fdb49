import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(import.meta.dirname, '..', '..');
const checkSources = readdirSync(join(root, 'labs'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'kit')
  .flatMap((lab) => {
    const dir = join(root, 'labs', lab.name, 'checks');
    try {
      return readdirSync(dir).map((file) => readFileSync(join(dir, file), 'utf8'));
    } catch {
      return [];
    }
  })
  .join('\n');

/** Check ids the facilitator notes name: in parentheses or a list, as `lab-part.what` (`x.pick-*` for a family). */
function namedCheckIds(page: string): string[] {
  const text = readFileSync(join(root, 'src/content/docs', page), 'utf8');
  return [...text.matchAll(/[(、,]\s?`([a-z-]+\.[a-z*-]+)`/g)].map((match) => match[1]).sort();
}

describe('the workshop page’s facilitator notes', () => {
  it('tie every common mistake to a check id that a lab defines', () => {
    const ids = namedCheckIds('workshop.mdx');
    assert.ok(ids.length >= 10, `only ${ids.length} check ids found in workshop.mdx`);
    for (const id of ids) {
      const present = id.endsWith('*')
        ? checkSources.includes(id.slice(0, -1))
        : checkSources.includes(`'${id}'`);
      assert.ok(
        present,
        `workshop.mdx names the check ${id}, which no labs/*/checks/*.ts defines: rename it to the check's id.`,
      );
    }
  });

  it('name the same checks in English and Japanese', () => {
    assert.deepEqual(namedCheckIds('ja/workshop.mdx'), namedCheckIds('workshop.mdx'));
  });
});
