import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { labsRoot, listLabSlugs, loadLab } from '../../labs/kit/labs.ts';
import type { Exercise, Lang } from '../../labs/kit/types.ts';

const slugs = await listLabSlugs();
const docs = join(labsRoot, '..', 'src', 'content', 'docs');
const pageOf: Record<Lang, (slug: string) => string> = {
  en: (slug) => join(docs, 'labs', `${slug}.mdx`),
  ja: (slug) => join(docs, 'ja', 'labs', `${slug}.mdx`),
};

/**
 * The heading that opens an exercise's instructions, as the page must write it. The lab's title
 * for the exercise is what the plan above the workbench, the results and the class board show,
 * so the heading below them says the same words, typographic quotes included: the page's
 * Markdown turns "…" into “…” in a heading, but not in the plan.
 */
function exerciseHeading(exercise: Exercise, lang: Lang): string {
  const optional = exercise.optional ? { en: ' (optional)', ja: '(任意)' }[lang] : '';
  const label = { en: `Exercise ${exercise.number}`, ja: `演習 ${exercise.number}` }[lang];
  return `${label}${optional}: ${exercise.title[lang]}`;
}

/** The page's `## Exercise N…` / `## 演習 N…` headings, as written in its source. */
function exerciseHeadingsIn(source: string): string[] {
  return [...source.matchAll(/^## ((?:Exercise|演習) \d+.*)$/gm)].map(([, heading]) => heading);
}

describe('every lab page heads each exercise with the title its plan and results show', () => {
  it('a planted heading that differs from the title (straight quotes) is caught', () => {
    const exercise: Exercise = {
      number: 2,
      file: 'scan-rate.ts',
      minutes: 8,
      title: { en: 'How fast is “1 PB in 130 s”?', ja: '「1 PB を 130 秒」はどれほど速いか' },
    };
    const source =
      '## Exercise 2: How fast is "1 PB in 130 s"?\n\n## 演習 2: 「1 PB を 130 秒」はどれほど速いか\n';
    assert.notEqual(exerciseHeadingsIn(source)[0], exerciseHeading(exercise, 'en'));
    assert.equal(exerciseHeadingsIn(source)[1], exerciseHeading(exercise, 'ja'));
  });

  for (const slug of slugs) {
    for (const lang of ['en', 'ja'] as const) {
      it(`${slug} (${lang})`, async () => {
        const lab = await loadLab(slug);
        for (const { title } of lab.exercises)
          assert.doesNotMatch(
            title[lang],
            /["']/,
            `labs/${slug}/lab.ts: write the title ${title[lang]} with typographic quotes (“ ” ’), as the page's heading shows it`,
          );
        assert.deepEqual(
          exerciseHeadingsIn(readFileSync(pageOf[lang](slug), 'utf8')),
          lab.exercises.map((exercise) => exerciseHeading(exercise, lang)),
          `the headings of ${pageOf[lang](slug)} and the titles in labs/${slug}/lab.ts differ: make them say the same`,
        );
      });
    }
  }
});
