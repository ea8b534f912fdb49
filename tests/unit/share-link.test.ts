import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodeAttempt,
  encodeAttempt,
  MAX_SHARE_CHARS,
  ShareLinkError,
} from '../../src/lib/share-link.ts';

const catalog = { 'lambda-tuning': ['concurrency.ts', 'memory.ts'] };
const attempt = {
  lab: 'lambda-tuning',
  files: { 'concurrency.ts': 'export const x = 1; // 日本語も\n', 'memory.ts': '' },
};
const rejects = (promise: Promise<unknown>, code: ShareLinkError['code']) =>
  assert.rejects(promise, (error) => error instanceof ShareLinkError && error.code === code);

describe('share links', () => {
  it('carry a lab’s files through a URL fragment unchanged', async () => {
    const fragment = await encodeAttempt(attempt);
    assert.match(fragment, /^v1\.[\w-]+$/);
    assert.deepEqual(await decodeAttempt(`#${fragment}`, catalog), attempt);
  });

  it('refuse files too large for a link, saying how large', async () => {
    // Random text does not compress: far past the limit once encoded.
    const noise = Array.from({ length: MAX_SHARE_CHARS }, () =>
      String.fromCharCode(33 + Math.floor(Math.random() * 90)),
    ).join('');
    await assert.rejects(
      encodeAttempt({ lab: 'lambda-tuning', files: { 'concurrency.ts': noise } }),
      (error) => {
        assert.ok(error instanceof ShareLinkError && error.code === 'too-large');
        assert.ok(error.size > MAX_SHARE_CHARS);
        return true;
      },
    );
  });

  it('refuse a cut, damaged or foreign link instead of showing part of it', async () => {
    const fragment = await encodeAttempt(attempt);
    await rejects(decodeAttempt(fragment.slice(0, fragment.length / 2), catalog), 'damaged');
    await rejects(decodeAttempt('v1.!!!', catalog), 'damaged');
    await rejects(decodeAttempt('hello', catalog), 'damaged');
    await rejects(
      decodeAttempt(await encodeAttempt({ lab: 'other-lab', files: { 'a.ts': '' } }), catalog),
      'unknown-lab',
    );
    await rejects(
      decodeAttempt(
        await encodeAttempt({ lab: 'lambda-tuning', files: { '../../etc.ts': '' } }),
        catalog,
      ),
      'damaged',
    );
  });

  it('refuse a small link that inflates to a huge text', async () => {
    const bomb = await encodeAttempt({
      lab: 'lambda-tuning',
      files: { 'concurrency.ts': 'a'.repeat(3_000_000) },
    });
    assert.ok(bomb.length < MAX_SHARE_CHARS);
    await rejects(decodeAttempt(bomb, catalog), 'damaged');
  });
});
