import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { minifiedPage } from '../../src/integrations/minified-pages.ts';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;

/**
 * A page with what the guide's pages hold where a minifier could go wrong: addresses ending in a
 * slash, a JSON script and JSON in an attribute, code whose spaces matter, text that shows a
 * character reference, implied end tags, a selected option, an SVG title, Japanese text.
 */
const PAGE = `<!DOCTYPE html><html lang="ja" dir="ltr" data-theme="dark" data-has-toc><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><title>ラボ: AWS Lambda | Serverless Meetup Tokyo #2</title><link rel="canonical" href="https://example.test/ja/labs/lambda-tuning/"/><script>
  // The theme before the first paint.
  window.theme = (() => {
    const stored = null;
    return stored || 'dark';
  })();
</script></head><body><a href="/ja/" class="site-title sl-flex">ホーム</a><site-search data-strings="{&quot;oneResult&quot;:&quot;「{{term}}」の結果 1 件&quot;}" hidden=""></site-search><select autocomplete="off"><option value="dark">ダーク</option><option value="auto" selected>自動</option></select><ul><li><a href="/ja/labs/">ラボ</a></li><li><a href="#x" aria-current="page">x</a></li></ul><p>I&amp;#x2F;O と I/O &lt;script&gt; &amp; “引用”</p><p>二段落目</p><script type="application/json" data-workbench-data>{"urls":{"start":"/lab-data/a.json"},"text":"a &amp; b </p>"}</script><div class="expressive-code" data-pagefind-ignore=""><pre data-language="ts" class="wrap" style="--ecMaxLine:74ch"><code><div class="ec-line" style="--ecIndent:2ch"><div class="code"><span class="indent">  </span><span class="t2">return</span>  a  +  b;</div></div></code></pre></div><svg aria-hidden="true" class="icon" data-icon="laptop" width="16" height="16" style="--sl-icon-size: 1em"></svg><svg role="img" viewBox="0 0 640 322"><title id="t">メモリ: I/O 中心</title></svg><input type="file" accept="application/json,.json" data-import></body></html>`;

/** What the browser builds from `html`: parse5 follows the HTML standard's parser. */
function tree(html: string) {
  const scripts: string[] = [];
  const shape = (node: Node): unknown => {
    if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
    if (node.nodeName === '#comment') return null;
    const element = node as DefaultTreeAdapterTypes.Element;
    const attributes = (element.attrs ?? []).map(({ name, value }) => `${name}=${value}`).sort();
    const isCode = element.tagName === 'script' && !attributes.includes('type=application/json');
    const children = ('childNodes' in node ? node.childNodes : []).map(shape);
    if (isCode) scripts.push(String(children[0] ?? ''));
    return [node.nodeName, attributes, isCode ? 'script' : children.filter((c) => c !== null)];
  };
  return { document: shape(parse(html)), scripts };
}

describe('a minified page', () => {
  it('is the same document to the browser, every attribute and text as before', async () => {
    const before = tree(PAGE);
    const after = tree(await minifiedPage(PAGE));
    // The viewport's list loses the space after its comma, which the browser skips anyway.
    const viewportSpace = (document: unknown) =>
      JSON.parse(
        JSON.stringify(document).replace(
          'width=device-width, initial',
          'width=device-width,initial',
        ),
      );
    assert.deepEqual(viewportSpace(after.document), viewportSpace(before.document));
  });

  it('is smaller, and its inline scripts run the same code without comments', async () => {
    const minified = await minifiedPage(PAGE);
    assert.ok(
      minified.length < PAGE.length - 200,
      `${PAGE.length} → ${minified.length} characters`,
    );
    const [script] = tree(minified).scripts;
    assert.doesNotMatch(script, /The theme before/);
    const window: { theme?: string } = {};
    new Function('window', script)(window);
    assert.equal(window.theme, 'dark');
  });
});
