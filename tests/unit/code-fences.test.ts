import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';

const contentDir = join(import.meta.dirname, '..', '..', 'src', 'content');

/** Every code fence's opening line in the content, with where it is. */
function codeFences(): Array<{ where: string; lang: string; meta: string }> {
  const fences: Array<{ where: string; lang: string; meta: string }> = [];
  const files = readdirSync(contentDir, { recursive: true, encoding: 'utf8' }).filter((file) =>
    /\.mdx?$/.test(file),
  );
  for (const file of files) {
    let open = false;
    readFileSync(join(contentDir, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        const fence = /^\s*```(\S*)\s*(.*)$/.exec(line);
        if (!fence) return;
        if (!open) fences.push({ where: `${file}:${index + 1}`, lang: fence[1], meta: fence[2] });
        open = !open;
      });
  }
  return fences;
}

// astro.config.mjs turns Expressive Code's text-markers plugin off (its CSS is 3.8 KB on every page
// with code). With it off, a fence that marks lines or text would show no marks and say nothing.
it('no code fence marks, inserts or deletes lines or text (Expressive Code text markers are off)', () => {
  const fences = codeFences();
  assert.ok(
    fences.length > 50,
    `found ${fences.length} code fences: the scan must find the content's code`,
  );
  // Marks are `{2-4}` line ranges, `"text"` or `/regex/` terms, `mark=`, `ins=`, `del=` and the diff
  // language; other `key=value` props (title, frame) are not marks.
  const marked = fences.filter(({ lang, meta }) => {
    const rest = meta.replace(/\b(?!(mark|ins|del)=)[\w-]+=("[^"]*"|'[^']*'|\S+)/g, '');
    return lang === 'diff' || /\b(mark|ins|del)=/.test(meta) || /[{"'/]/.test(rest);
  });
  assert.deepEqual(
    marked.map(({ where, lang, meta }) => `${where}: \`\`\`${lang} ${meta}`),
    [],
    'turn textMarkers back on in astro.config.mjs for these fences, or drop their marks',
  );
});

// astro.config.mjs wraps every code block and leaves out Expressive Code's script for blocks that
// scroll sideways (src/lib/renderer-without-scroll-focus.ts): a fence that turned wrapping off
// could scroll sideways with no way for the keyboard to reach it.
it('no code fence turns wrapping off (no block scrolls sideways)', () => {
  const unwrapped = codeFences().filter(({ meta }) =>
    /\bwrap\s*=\s*(false|\{\s*false\s*\})/.test(meta),
  );
  assert.deepEqual(
    unwrapped.map(({ where, lang, meta }) => `${where}: \`\`\`${lang} ${meta}`),
    [],
    'let these blocks wrap, or bring back the scroll-focus script in astro.config.mjs',
  );
});
