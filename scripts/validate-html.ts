// `npm run test:html`: every built page must be valid HTML (html-validate's "standard" preset).
// Expressive Code's code frames are taken out first: they put <div> lines inside <code>, which
// the HTML standard does not allow, and that markup belongs to the upstream component.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, formatterFactory } from 'html-validate';
import { ELEMENT_NODE, parse, render, walkSync, type Node } from 'ultrahtml';
import { builtPages, distDir, notFoundPages } from '../tests/e2e/built-site.ts';

const validator = new HtmlValidate(JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')));
const format = formatterFactory('stylish');

const isCodeFrame = (node: Node) =>
  node.type === ELEMENT_NODE &&
  /(^|\s)expressive-code(\s|$)/.test((node.attributes as Record<string, string>).class ?? '');

// Every page, and the not-found pages a host answers a missing address with.
const files = [
  ...builtPages().map((page) => join(distDir, page, 'index.html')),
  ...notFoundPages().map(({ file }) => join(distDir, file)),
];
let failed = 0;
for (const file of files) {
  const tree = parse(readFileSync(file, 'utf8'));
  walkSync(tree, (node) => {
    if (node.children) node.children = node.children.filter((child: Node) => !isCodeFrame(child));
  });
  const report = await validator.validateString(await render(tree), file);
  if (!report.valid) {
    failed += 1;
    console.error(format(report.results));
  }
}
console.log(`${files.length - failed} of ${files.length} pages are valid HTML`);
process.exit(failed ? 1 : 0);
