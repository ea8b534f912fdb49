import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeBlockNode as Node } from '../../src/lib/code-block-ast.ts';
import { withoutPlainTokens } from '../../src/lib/plain-code-tokens.ts';

const PLAIN = '--0:#d6deeb;--1:#403f53';
const KEYWORD = '--0:#C792EA;--1:#8844AE';
const STRING = '--0:#ECC48D;--1:#984E4D';
const text = (value: string): Node => ({ type: 'text', value }) as Node;
const span = (style: string, ...children: Node[]): Node => ({
  type: 'element',
  tagName: 'span',
  properties: { style },
  children,
});

/** What a line reads as, with each coloured run in brackets: `[KEYWORD:const] x`. */
const shown = (nodes: Node[]): string =>
  nodes
    .map((node) =>
      node.type === 'text'
        ? String((node as { value?: unknown }).value)
        : `[${node.properties?.style === KEYWORD ? 'KEYWORD' : node.properties?.style === STRING ? 'STRING' : String(node.properties?.style)}:${shown(node.children ?? [])}]`,
    )
    .join('');

describe('code tokens without the colour spans that draw nothing', () => {
  it('keeps every character, in order, and the colour of every character that is not a space', () => {
    const line = [
      span(KEYWORD, text('export')),
      span(PLAIN, text(' ')),
      span(KEYWORD, text('const')),
      text(' '),
      span(PLAIN, text('sql')),
      span(STRING, text('  ')),
      span(STRING, text("'a'")),
      text(' + '),
      span(STRING, text("'b'")),
    ];
    assert.equal(
      shown(withoutPlainTokens(line, PLAIN)),
      "[KEYWORD:export const] sql  [STRING:'a'] + [STRING:'b']",
    );
  });

  it('leaves a span with more than colours, or with other properties, as it is', () => {
    const italic = { ...span('--0:#919F9F;--0fs:italic', text(' ')) };
    const classed: Node = {
      type: 'element',
      tagName: 'span',
      properties: { className: ['indent'] },
      children: [text('  ')],
    };
    assert.deepEqual(withoutPlainTokens([italic, classed], PLAIN), [italic, classed]);
  });
});
