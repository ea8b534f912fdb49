// `npm run test:html`: every built page must be valid HTML (html-validate's "standard" preset).
// Expressive Code's code frames are cut out of the page's text first: they put <div> lines inside
// <code>, which the HTML standard does not allow, and that markup belongs to the upstream
// component. Everything else is validated as written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, formatterFactory } from 'html-validate';
import { parse } from 'parse5';
import {
  attributesOf,
  builtPages,
  distDir,
  elementsUnder,
  notFoundPages,
} from '../tests/e2e/built-site.ts';

const validator = new HtmlValidate(JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')));
const format = formatterFactory('stylish');

/**
 * The page without its code frames: each frame's span of the text (found by the standard's parser,
 * which knows where an element ends however its tags are written) is cut out.
 */
function withoutCodeFrames(html: string): string {
  const frames = [...elementsUnder(parse(html, { sourceCodeLocationInfo: true }))]
    .filter((element) => /(^|\s)expressive-code(\s|$)/.test(attributesOf(element).class ?? ''))
    .map((element) => element.sourceCodeLocation!)
    // Frames do not nest: each one's end comes before the next one's start.
    .sort((a, b) => b.startOffset - a.startOffset);
  return frames.reduce(
    (text, { startOffset, endOffset }) => text.slice(0, startOffset) + text.slice(endOffset),
    html,
  );
}

// Every page, and the not-found pages a host answers a missing address with.
const files = [
  ...builtPages().map((page) => join(distDir, page, 'index.html')),
  ...notFoundPages().map(({ file }) => join(distDir, file)),
];
let failed = 0;
for (const file of files) {
  const report = await validator.validateString(
    withoutCodeFrames(readFileSync(file, 'utf8')),
    file,
  );
  if (!report.valid) {
    failed += 1;
    console.error(format(report.results));
  }
}
console.log(`${files.length - failed} of ${files.length} pages are valid HTML`);
process.exit(failed ? 1 : 0);
