import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import yaml from 'js-yaml';
import { getTalkPeople, type NotRecordedKey } from '../../src/lib/talk-people.ts';
import type { Talk } from '../../src/lib/schemas.ts';

const contentDir = join(import.meta.dirname, '..', '..', 'src', 'content');
const jaStrings = JSON.parse(readFileSync(join(contentDir, 'i18n', 'ja.json'), 'utf8')) as Record<
  string,
  string
>;
const jaT = (key: NotRecordedKey) => jaStrings[key] ?? `(missing ja string ${key})`;

/**
 * English sentences, not names: text with no Japanese script and at least two lower-case words
 * ("Not recorded in the report"). Names stay Latin in Japanese too ("Hands Lab", "Section-9",
 * "Tune Up AWS Lambda"), so they pass.
 */
function isLatinOnlyProse(text: string): boolean {
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return false;
  return (text.match(/(?<![\p{L}-])\p{Ll}{2,}(?![\p{L}-])/gu) ?? []).length >= 2;
}

/** The talk metadata a reader sees in a chapter header and on the programme, field by field. */
function shownTalkMeta(talk: Talk): Record<string, string> {
  const people = getTalkPeople(talk, jaT);
  return { speaker: people.speaker, affiliation: people.affiliation ?? '', title: talk.title };
}

const jaChapters = readdirSync(join(contentDir, 'docs', 'ja', 'chapters')).map((file) => {
  const text = readFileSync(join(contentDir, 'docs', 'ja', 'chapters', file), 'utf8');
  const talk = (yaml.load(/^---\n([\s\S]*?)\n---/.exec(text)![1]) as { talk?: Talk }).talk;
  return { file: `src/content/docs/ja/chapters/${file}`, talk };
});

describe('talk metadata on a Japanese page is not English prose', () => {
  it('the check tells English sentences from names', () => {
    assert.equal(isLatinOnlyProse('Not recorded in the report'), true);
    assert.equal(isLatinOnlyProse('Azure customer (company not named in the report)'), true);
    for (const name of [
      'Hands Lab',
      'Section-9',
      'Tune Up AWS Lambda',
      '吉田真吾 (Shingo Yoshida)',
      'レポートに記載なし',
    ]) {
      assert.equal(isLatinOnlyProse(name), false, name);
    }
  });

  it('a speaker the report leaves out is shown in Japanese', () => {
    const shown = shownTalkMeta({
      speaker: 'not-recorded',
      affiliation: 'not-recorded',
      title: 'LT',
      order: 7,
    });
    assert.deepEqual(shown, { speaker: 'レポートに記載なし', affiliation: '', title: 'LT' });
  });

  it('a planted English affiliation is caught', () => {
    const shown = shownTalkMeta({
      speaker: '東聡志 (Satoshi Azuma)',
      affiliation: 'Not recorded in the report',
      title: 'x',
      order: 4,
    });
    assert.equal(isLatinOnlyProse(shown.affiliation), true);
  });

  for (const { file, talk } of jaChapters.filter((chapter) => chapter.talk)) {
    it(`${file}: speaker, affiliation and title read as Japanese or as names`, () => {
      const english = Object.entries(shownTalkMeta(talk!)).filter(([, value]) =>
        isLatinOnlyProse(value),
      );
      assert.deepEqual(
        english.map(([field, value]) => `talk.${field}: "${value}"`),
        [],
        `${file} shows English prose in its talk block; write \`not-recorded\` for what the report leaves out`,
      );
    });
  }
});
