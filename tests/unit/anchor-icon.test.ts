import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { withCssAnchorIcons } from '../../src/lib/anchor-icon.ts';

const root = join(import.meta.dirname, '..', '..');
const starlightIcons = readFileSync(
  join(root, 'node_modules', '@astrojs', 'starlight', 'dist', 'components-internals', 'Icons.js'),
  'utf8',
);
const siteCss = readFileSync(join(root, 'src', 'styles', 'site.css'), 'utf8');

/** A heading as Starlight renders it, with `icon` inside the link's icon span. */
const heading = (icon: string) =>
  '<div class="sl-heading-wrapper level-h2"><h2 id="step">Step</h2><a class="sl-anchor-link" href="#step">' +
  `<span aria-hidden="true" class="sl-anchor-icon">${icon}</span>` +
  '<span class="sr-only" data-pagefind-ignore>Section titled “Step”</span></a></div>';

describe('heading-link icons drawn by CSS', () => {
  it('draws the path of the icon Starlight’s heading links use', () => {
    const path = /"link-alt": "<path d=\\"([^\\]+)\\"\/>"/.exec(starlightIcons)?.[1];
    assert.ok(path, 'Starlight’s link-alt icon is a single path');
    const mask =
      /\.sl-anchor-icon:empty::before \{[^}]*mask: url\("data:image\/svg\+xml,[^"]*d='([^']+)'/.exec(
        siteCss,
      );
    assert.equal(mask?.[1], path);
  });

  it('leaves every heading’s icon span empty and the rest of the page as it was', () => {
    const svg =
      '<svg width="16" height="16" viewBox="0 0 24 24" fill="currentColor"><path d="m1 2z"></path></svg>';
    const page = `<p>Before</p>${heading(svg)}<p><svg class="diagram"><path d="m3 4z"></path></svg></p>${heading(svg)}`;
    assert.equal(
      withCssAnchorIcons(page),
      `<p>Before</p>${heading('')}<p><svg class="diagram"><path d="m3 4z"></path></svg></p>${heading('')}`,
    );
  });
});
