import * as assert from 'assert';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { readDocuments } from '../../src/node/readDocuments';
import { readBoundedFile, readBoundedFileSync, readBoundedFiles } from '../../src/node/readFiles';
import { removeDir, tempDir, writeFiles } from '../support/gitRepo';

// The module object itself, so that wrapping `open` is seen by readFiles.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs: typeof import('fs') = require('fs');

describe('reading files for the index', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir('read')));
  afterEach(() => removeDir(dir));

  it('reads files in input order, never more than the pool size at once', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`f${i}.md`] = `# ${i}\n`.repeat((i % 5) + 1);
    writeFiles(dir, files);
    const open = fs.open;
    let inFlight = 0;
    let most = 0;
    const close = fs.close;
    (fs as { open: unknown }).open = (...args: unknown[]) => {
      most = Math.max(most, ++inFlight);
      return (open as (...a: unknown[]) => void)(...args);
    };
    (fs as { close: unknown }).close = (fd: number, cb: (err: NodeJS.ErrnoException | null) => void) =>
      close(fd, (err) => (inFlight--, cb(err)));
    try {
      const out = await readBoundedFiles(
        Object.keys(files).map((f) => path.join(dir, f)),
        1024,
        8,
      );
      assert.deepStrictEqual(
        out.map((r) => (r.ok ? r.bytes.toString() : r.reason)),
        Object.values(files),
      );
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

  it('reads synchronously with the same outcomes as the pool, a named pipe included (no wait for a writer)', async () => {
    writeFiles(dir, { 'big.md': 'x'.repeat(100), 'sub/a.md': 'a' });
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    for (const [name, max] of [
      ['gone.md', 1024],
      ['sub', 1024],
      ['big.md', 99],
      ['big.md', 100],
      ['pipe.md', 1024],
    ] as const) {
      const file = path.join(dir, name);
      const [sync, pooled] = [readBoundedFileSync(file, max), await readBoundedFile(file, max)];
      assert.deepStrictEqual(
        sync.ok ? [sync.bytes.toString(), sync.stat] : sync,
        pooled.ok ? [pooled.bytes.toString(), pooled.stat] : pooled,
        name,
      );
    }
    const st = fs.statSync(path.join(dir, 'big.md'));
    assert.deepStrictEqual(
      readBoundedFileSync(path.join(dir, 'big.md'), 100, (size, mtimeMs) => size === st.size && mtimeMs === st.mtimeMs),
      { ok: false, reason: 'unchanged' },
    );
    assert.ok(readBoundedFileSync(path.join(dir, 'big.md'), 100, () => false).ok, 'not recognised: read');
  });

  it('goes over to the thread pool once synchronous reads are slow (files coming from the disk)', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 300; i++) files[`doc/adr/${String(i).padStart(4, '0')}-d.md`] = `# ${i}. D${i}\n`;
    writeFiles(dir, files);
    const folder = { path: 'doc/adr', kind: 'decision', convention: 'adr-tools', source: 'default' } as const;
    const { readSync, open } = fs;
    let pooled = 0;
    // Each synchronous read made to take 0.2 ms, as from a disk rather than the page cache.
    (fs as { readSync: unknown }).readSync = (...args: unknown[]) => {
      const until = performance.now() + 0.2;
      while (performance.now() < until);
      return (readSync as (...a: unknown[]) => number)(...args);
    };
    (fs as { open: unknown }).open = (...args: unknown[]) => (pooled++, (open as (...a: unknown[]) => void)(...args));
    try {
      const out = await readDocuments(
        dir,
        Object.keys(files).map((rel) => ({ rel, folder })),
      );
      assert.deepStrictEqual(
        out.map((r) => r.item.title),
        Object.keys(files).map((_, i) => `D${i + 1}`),
        'every document, in order',
      );
      assert.strictEqual(pooled, 300 - 128, 'the first batch read synchronously, the rest through the pool');
    } finally {
      Object.assign(fs, { readSync, open });
    }
  });
});
