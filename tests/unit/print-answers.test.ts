import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { separateAnswers } from '../../src/lib/print-answers.ts';

const question = (summary: string, answer: string) =>
  `<details data-self-check-question><summary>${summary}</summary><div data-self-check-answer><p>${answer}</p></div></details>`;

describe('the printable guide separates self-check answers from their questions', () => {
  it('numbers each question in place and keeps its answer, in order, for the chapter end', () => {
    const html = `<h2>Check</h2>${question('Why?', 'Because <code>x</code>.')}<p>between</p>${question('How?', 'Like so.')}`;
    const { html: printed, answers } = separateAnswers(html, 'opening');
    assert.deepEqual(answers, ['<p>Because <code>x</code>.</p>', '<p>Like so.</p>']);
    assert.doesNotMatch(printed, /Because|Like so|<details/);
    assert.match(
      printed,
      /<p class="printed-question" id="opening-q1"><a [^>]*href="#opening-a1">1\.<\/a> Why\?<\/p><p>between<\/p>/,
    );
    assert.match(printed, /id="opening-q2".*2\.<\/a> How\?/);
  });

  it('leaves a chapter without a self-check as it was', () => {
    const html = '<details><summary>Aside</summary><div>kept</div></details>';
    assert.deepEqual(separateAnswers(html, 'summary'), { html, answers: [] });
  });
});
