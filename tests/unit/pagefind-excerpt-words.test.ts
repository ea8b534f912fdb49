import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  SPLIT_EVERY_TIME,
  splitExcerptWordsOnce,
} from '../../src/integrations/pagefind-excerpt-words.ts';

/**
 * A script shaped like Pagefind's: the word split the integration looks for, inside an excerpt
 * builder that marks the words it was given in place (as Pagefind's does) before slicing them.
 */
const PAGEFIND_LIKE =
  'var word_separators=/[^\\S\\uFEFF]+/g;' +
  'var build_excerpt=(content,start,length,locations)=>{' +
  'let is_zws_delimited=content.includes("\\u200B");' +
  SPLIT_EVERY_TIME +
  'for(let word of locations){fragment_words[word]=`<mark>${fragment_words[word]}</mark>`;}' +
  'return fragment_words.slice(start,start+length).join(is_zws_delimited?"":" ");};';

type BuildExcerpt = (content: string, start: number, length: number, locations: number[]) => string;
const excerptBuilder = (script: string) =>
  new Function(`${script}return build_excerpt;`)() as BuildExcerpt;

const english = 'Lambda cold starts grow with package size and shrink with memory';
const japanese = ['コールド', 'スタート', 'は', 'メモリ', 'で', '短く', 'なる'].join('\u200B');

describe('splitting excerpt words once per page text', () => {
  it('gives every excerpt what splitting the text every time gives, one call after another', () => {
    const everyTime = excerptBuilder(PAGEFIND_LIKE);
    const once = excerptBuilder(splitExcerptWordsOnce(PAGEFIND_LIKE, 'pagefind.js'));
    const calls: Parameters<BuildExcerpt>[] = [
      [english, 0, 4, [0, 1]],
      [english, 2, 5, [3]],
      [english, 0, 11, []],
      [japanese, 0, 4, [0, 1]],
      [japanese, 3, 4, [3]],
      [english, 1, 3, [1, 2]],
    ];
    for (const call of calls) assert.equal(once(...call), everyTime(...call), JSON.stringify(call));
  });

  it('never carries one excerpt’s marks into the next excerpt of the same text', () => {
    const once = excerptBuilder(splitExcerptWordsOnce(PAGEFIND_LIKE, 'pagefind.js'));
    assert.equal(once(english, 0, 2, [0]), '<mark>Lambda</mark> cold');
    assert.equal(once(english, 0, 2, [1]), 'Lambda <mark>cold</mark>');
  });

  it('refuses a Pagefind whose excerpt code it was not written for, and says what to check', () => {
    assert.throws(
      () =>
        splitExcerptWordsOnce('var build_excerpt=(c)=>c.split(" ");', 'dist/pagefind/pagefind.js'),
      /dist\/pagefind\/pagefind\.js: Pagefind's build_excerpt is not the one .* Check the new version's excerpt code/,
    );
  });
});
