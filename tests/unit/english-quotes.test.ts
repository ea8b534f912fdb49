import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import yaml from 'js-yaml';

const content = join(import.meta.dirname, '..', '..', 'src', 'content');
const strings = JSON.parse(readFileSync(join(content, 'i18n', 'en.json'), 'utf8')) as Record<
  string,
  string
>;
const glossary = readdirSync(join(content, 'glossary')).map((name) =>
  join(content, 'glossary', name),
);
/** The English pages: their descriptions show on the home page's lab list and in link previews. */
const englishPages = readdirSync(join(content, 'docs'), { recursive: true, encoding: 'utf8' })
  .filter((path) => /\.mdx?$/.test(path) && !path.startsWith('ja/'))
  .map((path) => join(content, 'docs', path));

/**
 * Straight quotes and apostrophes in English text, each with a character either side. The pages'
 * Markdown sets “ ”, ‘ ’ and ’; text that reaches the reader without it (a string in a dialog, a
 * description on the home page, a glossary definition) must be written that way, or a straight
 * one beside the others reads as a typo.
 */
function straightQuotesIn(text: string): string[] {
  return [...text.matchAll(/.?["'].?/gu)].map(([context]) => context);
}

describe('English UI strings, page descriptions and glossary definitions use typographic quotes', () => {
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

  it('no glossary entry’s English definition has a straight quote or apostrophe', () => {
    const found = glossary.flatMap((file) => {
      const { en } = yaml.load(readFileSync(file, 'utf8')) as { en: string };
      return straightQuotesIn(en).map((context) => `${relative(content, file)}: 「${context}」`);
    });
    assert.deepEqual(found, [], 'write “ ” and ’ in glossary definitions');
  });
});
