// `npm run test:html`: every built page must be valid HTML (html-validate's "standard" preset).
// Expressive Code's code frames are taken out first: they put <div> lines inside <code>, which
// the HTML standard does not allow, and that markup belongs to the upstream component.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, formatterFactory } from 'html-validate';
import { ELEMENT_NODE, parse, render, walkSync, type Node } from 'ultrahtml';
import { builtPages, distDir } from '../tests/e2e/built-site.ts';

const validator = new HtmlValidate(JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')));
const format = formatterFactory('stylish');

const isCodeFrame = (node: Node) =>
  node.type === ELEMENT_NODE &&
  /(^|\s)expressive-code(\s|$)/.test((node.attributes as Record<string, string>).class ?? '');

let failed = 0;
for (const page of builtPages()) {
  const file = join(distDir, page, 'index.html');
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
const pages = builtPages().length;
console.log(`${pages - failed} of ${pages} pages are valid HTML`);
process.exit(failed ? 1 : 0);
