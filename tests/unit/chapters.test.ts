import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import yaml from 'js-yaml';

const contentDir = join(import.meta.dirname, '..', '..', 'src', 'content');
const glossaryIds = new Set(
  readdirSync(join(contentDir, 'glossary')).map((file) => file.replace(/\.yaml$/, '')),
);

function chapters(locale: '' | 'ja') {
  const dir = join(contentDir, 'docs', locale, 'chapters');
  return readdirSync(dir).map((file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const frontmatter = yaml.load(/^---\n([\s\S]*?)\n---/.exec(text)![1]) as {
      talk?: { order: number };
    };
    return { file: `${locale ? 'ja/' : ''}chapters/${file}`, text, order: frontmatter.talk?.order };
  });
}

for (const locale of ['', 'ja'] as const) {
  describe(`${locale || 'English'} chapters have every required part`, () => {
    for (const chapter of chapters(locale)) {
      it(`${chapter.file}: takeaways first, a self-check, and a 2017 → now note and diagram where the talk needs them`, () => {
        assert.match(chapter.text, /<Takeaways>/, 'no <Takeaways> block');
        assert.ok(
          chapter.text.indexOf('<Takeaways>') < chapter.text.indexOf('\n## '),
          'the takeaways come before the first section',
        );
        assert.match(chapter.text, /<SelfCheckQuestion\b/, 'no self-check question');
        if (chapter.order && chapter.order >= 2 && chapter.order <= 6)
          assert.match(chapter.text, /<ThenNow\b/, 'no 2017 → now note');
        if (chapter.order && chapter.order >= 3 && chapter.order <= 6)
          assert.match(chapter.text, /<Diagram\b/, 'no architecture diagram');
      });

      it(`${chapter.file}: every glossary link points to a term that exists`, () => {
        const missing = [...chapter.text.matchAll(/\/glossary\/#([\w-]+)/g)]
          .map((match) => match[1])
          .filter((id) => !glossaryIds.has(id));
        assert.deepEqual(missing, [], 'add src/content/glossary/<id>.yaml or fix the link');
      });
    }
  });
}

it('every glossary term has a Japanese explanation', () => {
  const missing = [...glossaryIds].filter(
    (id) =>
      !(
        yaml.load(readFileSync(join(contentDir, 'glossary', `${id}.yaml`), 'utf8')) as {
          ja?: string;
        }
      ).ja,
  );
  assert.deepEqual(missing, []);
  assert.ok(existsSync(join(contentDir, 'docs', 'ja', 'glossary.mdx')));
});
