import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import yaml from 'js-yaml';

interface Term {
  preferred: string;
  rejected: string[];
  explain?: boolean;
  note: string;
}

interface Hit {
  file: string;
  line: number;
  form: string;
  preferred: string;
}

const repoRoot = join(import.meta.dirname, '..', '..');
const terms = yaml.load(
  readFileSync(join(repoRoot, 'src', 'content', 'terms-ja.yaml'), 'utf8'),
) as Term[];
// ー, the long-vowel mark, is in no script of its own; it is Japanese text all the same.
const japaneseScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/u;

function starts(text: string, form: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) found.push(at);
  return found;
}

/** Rejected forms in one line of Japanese text; a rejected form inside the preferred one (ハンドラ in ハンドラー) is not a hit. */
function rejectedFormsIn(text: string): { form: string; preferred: string }[] {
  const hits: { form: string; preferred: string }[] = [];
  for (const term of terms) {
    const preferredAt = starts(text, term.preferred);
    if (term.explain && preferredAt.length > 0) continue;
    const covered = (at: number, form: string) =>
      preferredAt.some((start) => start <= at && at + form.length <= start + term.preferred.length);
    for (const form of term.rejected) {
      for (const at of starts(text, form))
        if (!covered(at, form)) hits.push({ form, preferred: term.preferred });
    }
  }
  return hits;
}

/** The lines of a file that readers see in Japanese, with their line numbers. */
function japaneseLines(file: string): { line: number; text: string }[] {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .map((text, index) => ({ line: index + 1, text }));
  if (file.endsWith('.yaml')) return lines.filter(({ text }) => /^(ja|termJa):/.test(text));
  if (/\.(ts|astro)$/.test(file)) return lines.filter(({ text }) => japaneseScript.test(text));
  return lines;
}

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .map((path) => join(repoRoot, dir, path))
    .filter(keep);
}

const checkedFiles = [
  ...filesUnder('src/content/docs/ja', (path) => /\.mdx?$/.test(path)),
  ...filesUnder('src/content/glossary', (path) => path.endsWith('.yaml')),
  join(repoRoot, 'src/content/i18n/ja.json'),
  ...filesUnder('src/components', (path) => path.endsWith('.astro')),
  // Every lab file but the tests: messages come from checks, support code and the kit alike.
  ...filesUnder('labs', (path) => path.endsWith('.ts') && !path.endsWith('.test.ts')),
];

/**
 * Places in one line of Japanese text where its punctuation is not the full-width kind Japanese
 * text is set in: an ASCII ? or ! after a Japanese word (`ですか?`), and a ？ or ！ that runs into
 * the next sentence without the full-width space that separates them (`ですか？その` or `ですか？ その`).
 */
function halfWidthMarksIn(text: string): string[] {
  const found: string[] = [];
  // The characters on either side are looked at, not taken, so marks one character apart are both seen.
  for (const match of text.matchAll(/(?<=(.)?)([?!？！])(?=(.)?)/gu)) {
    const [, before = '', mark, after = ''] = match;
    const ascii = mark === '?' || mark === '!';
    if (ascii ? japaneseScript.test(before) : after === ' ' || japaneseScript.test(after))
      found.push(before + mark + after);
  }
  return found;
}

/**
 * Full-width parentheses in one line of Japanese text. The guide's Japanese writes parentheses
 * as ASCII `(…)` throughout (hundreds of pairs, many around code such as `compareWarmUp(…)` or
 * beside ASCII words), so a （…） among them reads as a second typesetter's hand.
 */
function fullWidthParenthesesIn(text: string): string[] {
  return [...text.matchAll(/.?[（）].?/gu)].map(([context]) => context);
}

/** Every place `find` reports in the Japanese lines of the checked files, as `file:line: 「…」`. */
function placesOf(find: (text: string) => string[]): string[] {
  return checkedFiles.flatMap((file) =>
    japaneseLines(file).flatMap(({ line, text }) =>
      find(text).map((place) => `${relative(repoRoot, file)}:${line}: 「${place}」`),
    ),
  );
}

function hitsIn(file: string): Hit[] {
  return japaneseLines(file).flatMap(({ line, text }) =>
    rejectedFormsIn(text).map((hit) => ({ file: relative(repoRoot, file), line, ...hit })),
  );
}

describe('Japanese terms: one term, one spelling (src/content/terms-ja.yaml)', () => {
  it('every term has a preferred form, at least one rejected form and a note', () => {
    for (const term of terms) {
      assert.ok(
        term.preferred && term.rejected?.length && term.note,
        `incomplete term: ${JSON.stringify(term)}`,
      );
      assert.ok(
        !term.rejected.includes(term.preferred),
        `${term.preferred} is both preferred and rejected`,
      );
    }
  });

  it('a planted line with a rejected form is caught, naming the preferred form', () => {
    assert.deepEqual(rejectedFormsIn('ハンドラの外で初期化し、関数のコピーを再利用する'), [
      { form: 'ハンドラ', preferred: 'ハンドラー' },
      { form: '関数のコピー', preferred: '実行環境' },
    ]);
  });

  it('the preferred form, and a rejected form explained beside it, pass', () => {
    assert.deepEqual(rejectedFormsIn('ハンドラーの外のコードはコンテナーイメージでも同じ'), []);
    assert.deepEqual(
      rejectedFormsIn('ポイズンキュー(Microsoft のドキュメントでは「有害キュー」)'),
      [],
    );
    assert.deepEqual(rejectedFormsIn('有害キューに入った'), [
      { form: '有害キュー', preferred: 'ポイズンキュー' },
    ]);
  });

  it('no Japanese page, glossary entry, UI string, component or lab message uses a rejected form', () => {
    const hits = checkedFiles.flatMap(hitsIn);
    assert.deepEqual(
      hits.map(
        ({ file, line, form, preferred }) =>
          `${file}:${line}: 「${form}」 → write 「${preferred}」`,
      ),
      [],
      'replace each rejected form with the preferred one (see the note in src/content/terms-ja.yaml)',
    );
  });
});

describe('Japanese punctuation: questions and exclamations in full width', () => {
  it('a planted half-width mark, and a full-width one run into the next sentence, are caught', () => {
    assert.deepEqual(halfWidthMarksIn('何を変えますか? その理由は?'), ['か? ', 'は?']);
    assert.deepEqual(halfWidthMarksIn('完了です!'), ['す!']);
    assert.deepEqual(halfWidthMarksIn('どれ?何?'), ['れ?何', '何?']);
    assert.deepEqual(halfWidthMarksIn('置き換えますか？変わるのは'), ['か？変']);
    assert.deepEqual(halfWidthMarksIn('置き換えますか？ 変わるのは'), ['か？ ']);
  });

  it('full-width marks, and ASCII ones in code or English, pass', () => {
    assert.deepEqual(halfWidthMarksIn('何を変えますか？　その理由は？'), []);
    assert.deepEqual(halfWidthMarksIn('「楽しそう！！」と感じた'), []);
    assert.deepEqual(halfWidthMarksIn("if (name !== 'ラーメン') return user?.id;"), []);
    assert.deepEqual(halfWidthMarksIn('Did you mean amount_yen? (amount_yen のことですか？)'), []);
  });

  it('no Japanese page, glossary entry, UI string, component or lab message uses them', () => {
    assert.deepEqual(
      placesOf(halfWidthMarksIn),
      [],
      'write ？ and ！ in Japanese text, with a full-width space before a sentence that follows',
    );
  });
});

describe('Japanese punctuation: one kind of parentheses', () => {
  it('a planted full-width pair is caught, and ASCII parentheses pass', () => {
    assert.deepEqual(fullWidthParenthesesIn('HTTP（暗号化なし）で開かれています'), [
      'P（暗',
      'し）で',
    ]);
    assert.deepEqual(fullWidthParenthesesIn('HTTP(暗号化なし)で開かれています'), []);
  });

  it('no Japanese page, glossary entry, UI string, component or lab message uses （ or ）', () => {
    assert.deepEqual(
      placesOf(fullWidthParenthesesIn),
      [],
      'write parentheses in Japanese text as ASCII ( and ), as the rest of it does',
    );
  });
});

// 、。「」 and the full-width forms are in no script of their own: Japanese punctuation.
const japanesePunctuation = /[\u3000-\u303f\uff01-\uff60]/u;
const isJapanese = (character: string) =>
  japaneseScript.test(character) || japanesePunctuation.test(character);
/** A line that starts a block of its own (a list item, heading, fence, component, table, note), not a paragraph's next line. */
const blockStart = /^(```|:::|[-*+] |#|<|\||\d+\. |`\}|\{)/;

/** Whether the pages' Japanese text writes these two characters with no space between them. */
function writtenTogether(left: string, right: string): boolean {
  if (japanesePunctuation.test(left)) return true;
  if (isJapanese(left)) return isJapanese(right) || right === '(';
  return left === ')' && isJapanese(right);
}

/**
 * Line breaks inside a paragraph of a Japanese page that the page would show as a stray space,
 * as `line: 「…」` (the line that ends at the break). Markdown keeps a line break inside a
 * paragraph, and Chrome and Safari show it as a space where the pages' own text has none:
 * between two Japanese characters (「ので、 チェックは」), after Japanese punctuation
 * (「PHP、 Bash」), and between Japanese and a parenthesis (「対応しています (」). A break between
 * a Japanese and an ASCII word is the space the text has anyway. Front matter and fenced code
 * keep their lines.
 */
function japaneseLineBreaksIn(text: string): string[] {
  const lines = text.split('\n');
  const frontMatterEnd = lines[0] === '---' ? lines.indexOf('---', 1) : -1;
  const found: string[] = [];
  let fenced = false;
  lines.forEach((current, index) => {
    if (index <= frontMatterEnd) return;
    if (current.trimStart().startsWith('```')) fenced = !fenced;
    const next = lines[index + 1]?.trimStart();
    if (fenced || !next || blockStart.test(next)) return;
    const end = [...current.trimEnd()];
    const last = end.at(-1) ?? '';
    if (writtenTogether(last, [...next][0]))
      found.push(`${index + 1}: 「${end.slice(-8).join('')}⏎${[...next].slice(0, 8).join('')}」`);
  });
  return found;
}

describe('Japanese pages: no line break that shows as a stray space', () => {
  it('a planted break between two Japanese characters or after Japanese punctuation is caught, and other breaks pass', () => {
    assert.deepEqual(japaneseLineBreaksIn('負荷が高いので、\nチェックは'), [
      '1: 「負荷が高いので、⏎チェックは」',
    ]);
    assert.deepEqual(japaneseLineBreaksIn('- 項目です。\n  続きの行'), [
      '1: 「- 項目です。⏎続きの行」',
    ]);
    assert.deepEqual(japaneseLineBreaksIn('Node.js、C#、PHP、\nBash などが使えました'), [
      '1: 「、C#、PHP、⏎Bash などが」',
    ]);
    assert.deepEqual(japaneseLineBreaksIn('対応しています\n([出典](https://example.com))。'), [
      '1: 「対応しています⏎([出典](ht」',
    ]);
    assert.deepEqual(japaneseLineBreaksIn('Store(Gen1)\nは廃止'), ['1: 「re(Gen1)⏎は廃止」']);
    assert.deepEqual(japaneseLineBreaksIn('段落です。\n\n次の段落です。'), []);
    assert.deepEqual(japaneseLineBreaksIn('手順は次のとおりです。\n1. 作る\n- 項目'), []);
    assert.deepEqual(japaneseLineBreaksIn('---\ndescription: 説明です。\nsidebar:\n---\n本文'), []);
    assert.deepEqual(japaneseLineBreaksIn('AWS Lambda\nの関数と `code`\nです'), []);
    assert.deepEqual(japaneseLineBreaksIn('```text\n結果です\n次の行\n```'), []);
  });

  it("no Japanese page breaks a paragraph's line between two Japanese characters or after Japanese punctuation", () => {
    const pages = checkedFiles.filter((file) => /\.mdx?$/.test(file));
    assert.deepEqual(
      pages.flatMap((file) =>
        japaneseLineBreaksIn(readFileSync(file, 'utf8')).map(
          (place) => `${relative(repoRoot, file)}:${place}`,
        ),
      ),
      [],
      'join the lines: the browser shows the break as a space between Japanese words',
    );
  });
});
