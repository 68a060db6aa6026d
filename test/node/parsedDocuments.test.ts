import * as assert from 'assert';
import * as path from 'path';
import { ParsedDocuments } from '../../src/node/parsedDocuments';
import { scanEvidence } from '../../src/node/scanEvidence';
import { ADR_TOOLS_FILES, removeDir, tempDir, writeFiles } from '../support/gitRepo';

// The module object itself, so that counting `open` calls sees readFiles.ts's.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs: typeof import('fs') = require('fs');

/** Runs `fn` counting the files opened for reading (synchronously or not). */
async function opened<T>(fn: () => Promise<T>): Promise<{ value: T; files: string[] }> {
  const { open, openSync } = fs;
  const files: string[] = [];
  (fs as { open: unknown }).open = (file: string, ...rest: unknown[]) => {
    files.push(path.basename(file));
    return (open as (...a: unknown[]) => void)(file, ...rest);
  };
  (fs as { openSync: unknown }).openSync = (file: string, ...rest: unknown[]) => {
    files.push(path.basename(file));
    return (openSync as (...a: unknown[]) => number)(file, ...rest);
  };
  try {
    return { value: await fn(), files };
  } finally {
    Object.assign(fs, { open, openSync });
  }
}

describe('parsed documents kept between sessions', () => {
  let dir: string;
  let store: string;
  beforeEach(() => {
    dir = tempDir('parsed');
    store = tempDir('storage');
  });
  afterEach(() => {
    removeDir(dir);
    removeDir(store);
  });

  it('reads again only the files changed since the last session, and forgets deleted ones', async () => {
    writeFiles(dir, { ...ADR_TOOLS_FILES, 'doc/adr/0003-c.md': '# 3. C\n\n## Status\n\nProposed\n' });
    const file = path.join(store, 'documents.json');
    const first = await opened(async () => {
      const parsed = await ParsedDocuments.load(file, '1.0.0');
      const scan = await scanEvidence(dir, { parsed });
      await parsed.save();
      return scan;
    });
    assert.strictEqual(first.files.length, 3, 'every document read the first time');

    writeFiles(dir, { 'doc/adr/0003-c.md': '# 3. C, now longer\n\n## Status\n\nAccepted\n' });
    fs.rmSync(path.join(dir, 'doc/adr/0002-use-postgresql-for-billing.md'));
    const second = await opened(async () => {
      const parsed = await ParsedDocuments.load(file, '1.0.0');
      const scan = await scanEvidence(dir, { parsed });
      await parsed.save();
      return scan;
    });
    assert.deepStrictEqual(second.files, ['0003-c.md'], 'only the changed document is opened');
    assert.deepStrictEqual(
      second.value.items.map((i) => [i.id, i.title, i.status]),
      [
        ['0001', 'Record architecture decisions', 'accepted'],
        ['0003', 'C, now longer', 'accepted'],
      ],
    );
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.deepStrictEqual(
      Object.keys(saved.entries)
        .map((k) => k.split(' ').pop())
        .sort(),
      ['doc/adr/0001-record-architecture-decisions.md', 'doc/adr/0003-c.md'],
      'the deleted document left the cache',
    );
  });

  it('does not trust a cache written by another version, or a damaged one', async () => {
    writeFiles(dir, ADR_TOOLS_FILES);
    const file = path.join(store, 'documents.json');
    const parsed = await ParsedDocuments.load(file, '1.0.0');
    await scanEvidence(dir, { parsed });
    await parsed.save();
    const other = await opened(async () => scanEvidence(dir, { parsed: await ParsedDocuments.load(file, '1.1.0') }));
    assert.strictEqual(other.files.length, 2, 'a new version reads everything');
    fs.writeFileSync(file, '{"version":"1.0.0","entries":');
    const damaged = await opened(async () => scanEvidence(dir, { parsed: await ParsedDocuments.load(file, '1.0.0') }));
    assert.strictEqual(damaged.files.length, 2);
    assert.strictEqual(damaged.value.items.length, 2);
  });
});
