import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import yaml from 'js-yaml';
import ts from 'typescript';

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
const repoRoot = join(content, '..', '..');
/** Every lab file learners do not edit: checks, support code and the kit say their messages in them. */
const labFiles = readdirSync(join(repoRoot, 'labs'), { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.ts') && !path.endsWith('.test.ts'))
  .filter((path) => !/(^|\/)(starter|solution)\//.test(path))
  .map((path) => join(repoRoot, 'labs', path));

/**
 * The literal text of every `en:` property in a TypeScript source (a check's title, hint or
 * message), template literals' text between their `${…}` included, with its line.
 */
function englishTextsIn(file: string, source: string): { line: number; text: string }[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const texts: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && node.name.getText(tree) === 'en') {
      const value = node.initializer;
      const parts = ts.isTemplateExpression(value)
        ? [value.head, ...value.templateSpans.map((span) => span.literal)]
        : ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)
          ? [value]
          : [];
      for (const part of parts)
        texts.push({
          line: tree.getLineAndCharacterOfPosition(part.getStart(tree)).line + 1,
          text: part.text,
        });
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return texts;
}

/** Apostrophes between letters (`lab's`): in code, quotes sit beside a letter on one side only (`'Pb'`). */
const straightApostrophesIn = (text: string) =>
  [...text.matchAll(/.?(?<=\p{L})'(?=\p{L}).?/gu)].map(([context]) => context);

/**
 * Straight quotes and apostrophes in English text, each with a character either side. The pages'
 * Markdown sets “ ”, ‘ ’ and ’; text that reaches the reader without it (a string in a dialog, a
 * description on the home page, a glossary definition) must be written that way, or a straight
 * one beside the others reads as a typo.
 */
function straightQuotesIn(text: string): string[] {
  return [...text.matchAll(/.?["'].?/gu)].map(([context]) => context);
}

describe('English UI strings, page descriptions, glossary definitions and lab messages use typographic quotes', () => {
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

  it('a planted lab message with an apostrophe is caught; a quoted code value is not', () => {
    const source = `const hint = { en: \`the lab's \${name} and 'Pb'\`, ja: '…' };`;
    assert.deepEqual(
      englishTextsIn('planted.ts', source).flatMap(({ text }) => straightApostrophesIn(text)),
      ["b's"],
    );
  });

  it('no lab check, hint or message has a straight apostrophe in its English text', () => {
    const found = labFiles.flatMap((file) =>
      englishTextsIn(file, readFileSync(file, 'utf8')).flatMap(({ line, text }) =>
        straightApostrophesIn(text).map(
          (context) => `${relative(repoRoot, file)}:${line}: 「${context}」`,
        ),
      ),
    );
    assert.deepEqual(found, [], 'write ’ in English lab messages');
  });
});
