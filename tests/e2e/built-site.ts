import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { TOKEN_CLASSES } from '../../src/lib/code-token-classes.ts';

/** The static build the tests run against (made by `npm run build` before Playwright starts). */
export const distDir = join(import.meta.dirname, '..', '..', 'dist');

/** URL path of every page in the build (`/`, `/chapters/opening/`, `/ja/`…), from the files on disk. */
export function builtPages(): string[] {
  const pages = readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html'))
    .map((file) => `/${relative('.', file).split(sep).slice(0, -1).join('/')}`)
    .map((path) => (path.endsWith('/') ? path : `${path}/`));
  return pages.sort();
}

/**
 * Each not-found page of the build (`404.html`, `ja/404.html`) and an address it answers: one the
 * build has no page for, in the folder the page serves (the nearest `404.html` up the path).
 */
export function notFoundPages(): { file: string; address: string }[] {
  return ['', ...readdirSync(distDir)]
    .map((folder) => (folder ? `${folder}/404.html` : '404.html'))
    .filter((file) => existsSync(join(distDir, file)))
    .map((file) => ({ file, address: `/${file.replace(/404\.html$/, '')}no-such-page/` }));
}

export interface PageLinks {
  page: string;
  ids: Set<string>;
  /** Every same-site href/src on the page, as written. */
  references: string[];
}

type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/**
 * Every element under `node`, in document order, as a browser builds them: parse5 follows the HTML
 * standard's parser, so unquoted attributes and implied end tags read as they do in Chromium.
 */
export function* elementsUnder(node: ParentNode): Generator<Element> {
  for (const child of node.childNodes) {
    if (!('tagName' in child)) continue;
    yield child;
    yield* elementsUnder(
      child.tagName === 'template' ? (child as DefaultTreeAdapterTypes.Template).content : child,
    );
  }
}

/** An element's attributes by name. */
export const attributesOf = (element: Element): Record<string, string> =>
  Object.fromEntries(element.attrs.map(({ name, value }) => [name, value]));

/** The value of attribute `name` on the first element of built `file` (under dist/) that has it. */
export function builtAttribute(file: string, name: string): string | undefined {
  for (const element of elementsUnder(parse(readFileSync(join(distDir, file), 'utf8')))) {
    const value = attributesOf(element)[name];
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Ids and internal references of one built page, read from its HTML (`file`, under dist/). */
export function readPageLinks(page: string, file = join(page, 'index.html')): PageLinks {
  const html = readFileSync(join(distDir, file), 'utf8');
  const ids = new Set<string>();
  const references: string[] = [];
  for (const element of elementsUnder(parse(html))) {
    const attributes = attributesOf(element);
    if (attributes.id) ids.add(attributes.id);
    for (const name of ['href', 'src']) {
      const value = attributes[name];
      if (value && (value.startsWith('/') || value.startsWith('#')) && !value.startsWith('//'))
        references.push(value);
    }
  }
  return { page, ids, references };
}

/**
 * The Expressive Code token styles on a built page, each with the kind of frame it is drawn on
 * (`editor` or `terminal`, whose backgrounds may differ): a token's colours in both themes
 * (`--0:` dark, `--1:` light), written as a class that stands for them or as an inline style, so
 * two tokens with one key look the same.
 */
export function codeTokenStyles(page: string): Set<string> {
  const html = readFileSync(join(distDir, page, 'index.html'), 'utf8');
  const styles = new Set<string>();
  for (const frame of elementsUnder(parse(html))) {
    const frameClass = attributesOf(frame).class ?? '';
    if (frame.tagName !== 'figure' || !/^frame\b/.test(frameClass)) continue;
    const kind = /\bis-terminal\b/.test(frameClass) ? 'terminal' : 'editor';
    // A token's colours are a class standing for a known pair, or an inline style (a pair not in the list).
    for (const span of elementsUnder(frame)) {
      if (span.tagName !== 'span') continue;
      const { style, class: name } = attributesOf(span);
      const colours = style ?? TOKEN_CLASSES.get(name ?? '');
      if (colours && /^--[01]:/.test(colours)) styles.add(`${kind} ${colours}`);
    }
  }
  return styles;
}
