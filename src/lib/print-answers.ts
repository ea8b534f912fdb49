/**
 * On paper a question should not show its answer right under it: the printable guide lists each
 * chapter's self-check questions numbered in place and gathers their answers at the chapter's end.
 * Works on the HTML a chapter renders to (see `SelfCheckQuestion.astro` for the markup it expects).
 */
const QUESTION =
  /<details data-self-check-question[^>]*>\s*<summary[^>]*>([\s\S]*?)<\/summary>\s*<div data-self-check-answer[^>]*>([\s\S]*?)<\/div>\s*<\/details>/g;

export interface PrintedSelfCheck {
  /** The chapter's HTML with each question numbered and its answer taken out. */
  html: string;
  /** The answers, in question order, as HTML. */
  answers: string[];
}

export function separateAnswers(html: string, anchorPrefix: string): PrintedSelfCheck {
  const answers: string[] = [];
  const withoutAnswers = html.replace(QUESTION, (_, question: string, answer: string) => {
    answers.push(answer.trim());
    const number = answers.length;
    return (
      `<p class="printed-question" id="${anchorPrefix}-q${number}">` +
      `<a class="printed-question-number" href="#${anchorPrefix}-a${number}">${number}.</a> ${question}</p>`
    );
  });
  return { html: withoutAnswers, answers };
}
