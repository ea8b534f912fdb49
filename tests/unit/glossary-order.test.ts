import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import yaml from 'js-yaml';
import {
  groupGlossary,
  indexLabelOf,
  indexLabels,
  type GlossaryTermNames,
} from '../../src/lib/glossary-index.ts';
import { glossaryTermSchema } from '../../src/lib/schemas.ts';

const glossaryDir = join(import.meta.dirname, '..', '..', 'src', 'content', 'glossary');
const terms = readdirSync(glossaryDir).map((file) => ({
  id: file.replace(/\.yaml$/, ''),
  data: yaml.load(readFileSync(join(glossaryDir, file), 'utf8')) as GlossaryTermNames,
}));
const startsLatin = (text: string) => /^[A-Za-z]/.test(text);

describe('glossary readings', () => {
  it('every term has a reading the schema accepts', () => {
    const failures = terms.flatMap(({ id, data }) => {
      const result = glossaryTermSchema.safeParse(data);
      return result.success
        ? []
        : [
            `${id}.yaml: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
          ];
    });
    assert.deepEqual(failures, []);
  });

  it('a reading is in kana exactly when the Japanese headword starts in kana or kanji', () => {
    const mismatched = terms
      .filter(({ data }) => startsLatin(data.reading) !== startsLatin(data.termJa ?? data.term))
      .map(
        ({ id, data }) =>
          `${id}.yaml: headword "${data.termJa ?? data.term}", reading "${data.reading}"`,
      );
    assert.deepEqual(mismatched, []);
  });

  it('a Latin reading starts with the same letter as the Japanese headword', () => {
    const mismatched = terms
      .filter(
        ({ data }) =>
          startsLatin(data.reading) &&
          data.reading[0]!.toUpperCase() !== (data.termJa ?? data.term)[0]!.toUpperCase(),
      )
      .map(
        ({ id, data }) =>
          `${id}.yaml: headword "${data.termJa ?? data.term}", reading "${data.reading}"`,
      );
    assert.deepEqual(mismatched, []);
  });
});

describe('the Japanese glossary order', () => {
  const groups = groupGlossary(terms, 'ja');
  const filed = groups.flatMap((group) =>
    group.terms.map((term) => ({ ...term, label: group.label })),
  );

  it('lists every term once', () => {
    assert.deepEqual(filed.map(({ id }) => id).sort(), terms.map(({ id }) => id).sort());
  });

  it('follows the readings: the kana rows in gojūon order, then Latin headwords A–Z', () => {
    const readings = filed.map(({ data }) => data.reading);
    const kana = readings.filter((reading) => !startsLatin(reading));
    const latin = readings.filter(startsLatin);
    assert.deepEqual(readings, [...kana, ...latin], 'kana readings come before Latin ones');
    assert.deepEqual(kana, [...kana].sort(new Intl.Collator('ja').compare));
    assert.deepEqual(latin, [...latin].sort(new Intl.Collator('ja').compare));
  });

  it('files each term under the kana row or letter its reading starts with', () => {
    assert.deepEqual(
      [
        'こーるどすたーと',
        'ばっちさいず',
        'ぽいずんきゅー',
        'じっこうかんきょう',
        'ゆーざーぷーる',
        'IAM ぽりしー',
      ].map(indexLabelOf),
      ['か', 'は', 'は', 'さ', 'や', 'I'],
    );
    for (const { label, data } of filed)
      assert.equal(indexLabelOf(data.reading), label, data.reading);
  });

  it('heads a term with its Japanese form and gives the English term beside it, never twice', () => {
    const coldStart = filed.find(({ id }) => id === 'cold-start');
    assert.deepEqual([coldStart?.headword, coldStart?.english], ['コールドスタート', 'Cold start']);
    const doubled = filed.filter(
      ({ headword, english }) => english !== undefined && english === headword,
    );
    assert.deepEqual(doubled, []);
  });

  it('offers the kana rows あ to わ, then A–Z, in the index bar', () => {
    assert.deepEqual(indexLabels('ja').slice(0, 10), [
      'あ',
      'か',
      'さ',
      'た',
      'な',
      'は',
      'ま',
      'や',
      'ら',
      'わ',
    ]);
    assert.equal(indexLabels('ja').at(-1), 'Z');
  });
});

describe('the English glossary order', () => {
  it('sorts by the English term, A–Z, with no Japanese beside it', () => {
    const filed = groupGlossary(terms, 'en').flatMap((group) => group.terms);
    const names = filed.map(({ headword }) => headword);
    assert.deepEqual(
      names,
      [...names].sort(new Intl.Collator('en', { sensitivity: 'base' }).compare),
    );
    assert.ok(filed.every(({ english }) => english === undefined));
  });
});
