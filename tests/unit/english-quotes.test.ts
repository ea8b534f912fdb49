import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

const content = join(import.meta.dirname, '..', '..', 'src', 'content');
const strings = JSON.parse(readFileSync(join(content, 'i18n', 'en.json'), 'utf8')) as Record<
  string,
  string
>;
/** The English pages: their descriptions show on the home page's lab list and in link previews. */
const englishPages = readdirSync(join(content, 'docs'), { recursive: true, encoding: 'utf8' })
  .filter((path) => /\.mdx?$/.test(path) && !path.startsWith('ja/'))
  .map((path) => join(content, 'docs', path));

/**
 * Straight quotes in an English string: a `"` anywhere, or a `'` between letters (an apostrophe).
 * The pages' Markdown sets “ ” and ’, and so do most strings; a straight one beside them reads as
 * a typo in the dialog or notice that shows it.
 */
function straightQuotesIn(text: string): string[] {
  return [...text.matchAll(/.?(?:"|(?<=\p{L})'(?=\p{L})).?/gu)].map(([context]) => context);
}

describe('English UI strings and page descriptions use typographic quotes', () => {
  it('planted straight quotes are caught; typographic ones pass', () => {
    assert.deepEqual(straightQuotesIn('and "Restore my code" brings it back; the lab\'s runtime'), [
      ' "R',
      'e" ',
      "b's",
    ]);
    assert.deepEqual(
      straightQuotesIn('and “Restore my code” brings it back; the lab’s runtime'),
      [],
    );
  });

  it('no string in src/content/i18n/en.json has a straight quote or apostrophe', () => {
    const found = Object.entries(strings).flatMap(([key, text]) =>
      straightQuotesIn(text).map((context) => `${key}: 「${context}」`),
    );
    assert.deepEqual(found, [], 'write “ ” and ’ in English strings');
  });

  it('no English page’s description has a straight quote or apostrophe', () => {
    const found = englishPages.flatMap((file) => {
      const description = /^description: (.*)$/m.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
      return straightQuotesIn(description).map(
        (context) => `${relative(content, file)}: 「${context}」`,
      );
    });
    assert.deepEqual(found, [], 'write “ ” and ’ in page descriptions');
  });
});
