import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withLowPriorityScripts } from '../../src/lib/low-priority-scripts.ts';

describe('component scripts at low priority', () => {
  it('lowers module scripts loaded from a file and leaves the rest as they are', () => {
    const page = [
      '<script>document.documentElement.dataset.theme = "dark";</script>',
      '<script type="module" src="/_astro/page.js"></script>',
      '<script type="module">import "/_astro/inline.js";</script>',
      '<script type="module" src="/_astro/first.js" fetchpriority="high"></script>',
      '<script src="/classic.js"></script>',
      '<script type="application/json" id="data">{"src":"x"}</script>',
    ].join('');
    assert.equal(
      withLowPriorityScripts(page),
      [
        '<script>document.documentElement.dataset.theme = "dark";</script>',
        '<script type="module" src="/_astro/page.js" fetchpriority="low"></script>',
        '<script type="module">import "/_astro/inline.js";</script>',
        '<script type="module" src="/_astro/first.js" fetchpriority="high"></script>',
        '<script src="/classic.js"></script>',
        '<script type="application/json" id="data">{"src":"x"}</script>',
      ].join(''),
    );
  });

  it('does not touch text that only mentions a script tag', () => {
    const prose = '<p>Write <code>&lt;script type="module" src="x"&gt;</code> in the page.</p>';
    assert.equal(withLowPriorityScripts(prose), prose);
  });
});
