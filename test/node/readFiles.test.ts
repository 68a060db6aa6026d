import * as assert from 'assert';
import * as path from 'path';
import { readBoundedFile, readBoundedFiles } from '../../src/node/readFiles';
import { removeDir, tempDir, writeFiles } from '../support/gitRepo';

// The module object itself, so that wrapping `open` is seen by readFiles.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs: typeof import('fs') = require('fs');

describe('readBoundedFiles (the index\'s first read)', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir('read')));
  afterEach(() => removeDir(dir));

  it('reads files in input order, never more than the pool size at once', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`f${i}.md`] = `# ${i}\n`.repeat(i % 5 + 1);
    writeFiles(dir, files);
    const open = fs.open;
    let inFlight = 0;
    let most = 0;
    const close = fs.close;
    (fs as { open: unknown }).open = (...args: unknown[]) => {
      most = Math.max(most, ++inFlight);
      return (open as (...a: unknown[]) => void)(...args);
    };
    (fs as { close: unknown }).close = (fd: number, cb: (err: NodeJS.ErrnoException | null) => void) => close(fd, (err) => (inFlight--, cb(err)));
    try {
      const out = await readBoundedFiles(Object.keys(files).map((f) => path.join(dir, f)), 1024, 8);
      assert.deepStrictEqual(out.map((r) => (r.ok ? r.bytes.toString() : r.reason)), Object.values(files));
      assert.ok(most <= 8 && most > 1, `at most 8 files open at once (saw ${most})`);
      assert.strictEqual(inFlight, 0, 'every file closed');
    } finally {
      (fs as { open: unknown }).open = open;
      (fs as { close: unknown }).close = close;
    }
  });

  it('reports a file deleted after it was listed, a directory and an oversized file, without reading them', async () => {
    writeFiles(dir, { 'big.md': 'x'.repeat(100), 'sub/a.md': 'a' });
    assert.deepStrictEqual(await readBoundedFile(path.join(dir, 'gone.md'), 1024), { ok: false, reason: 'error', code: 'ENOENT' });
    assert.deepStrictEqual(await readBoundedFile(path.join(dir, 'sub'), 1024), { ok: false, reason: 'not-a-file' });
    assert.deepStrictEqual(await readBoundedFile(path.join(dir, 'big.md'), 99), { ok: false, reason: 'too-large', size: 100 });
    const ok = await readBoundedFile(path.join(dir, 'big.md'), 100);
    assert.ok(ok.ok && ok.bytes.length === 100);
  });

  it('resolves an empty list at once', async () => {
    assert.deepStrictEqual(await readBoundedFiles([], 1024, 4), []);
  });
});
