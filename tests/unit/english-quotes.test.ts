import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const strings = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'src', 'content', 'i18n', 'en.json'), 'utf8'),
) as Record<string, string>;

/**
 * Straight quotes in an English string: a `"` anywhere, or a `'` between letters (an apostrophe).
 * The pages' Markdown sets “ ” and ’, and so do most strings; a straight one beside them reads as
 * a typo in the dialog or notice that shows it.
 */
function straightQuotesIn(text: string): string[] {
  return [...text.matchAll(/.?(?:"|(?<=\p{L})'(?=\p{L})).?/gu)].map(([context]) => context);
}

describe('English UI strings use typographic quotes', () => {
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
});
