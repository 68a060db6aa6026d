import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FolderSnapshot, folderSnapshot, withReadings } from '../../src/core/index/snapshot';
import { ScanResult, readChangedFile, scanEvidence } from '../../src/node/scanEvidence';
import { ADR_TOOLS_FILES, removeDir, tempDir, writeFiles } from '../support/gitRepo';

function snapshotOf(scan: ScanResult): FolderSnapshot {
  const documents = scan.items.map((item) => (scan.details[item.path] ? { item, details: scan.details[item.path] } : { item }));
  return folderSnapshot({ key: 'file:///ws', name: 'ws', index: 0, root: scan.root }, scan.folders, documents, scan.problems);
}

/** Reads one changed file into the snapshot, as the index does: what it did, and the new snapshot. */
function update(snapshot: FolderSnapshot, rel: string): { outcome: string; snapshot: FolderSnapshot } {
  const reading = readChangedFile(snapshot.folder.root, snapshot.layout, rel);
  if (reading === 'ignored' || reading === 'rescan') return { outcome: reading, snapshot };
  const r = withReadings(snapshot, [reading]);
  const outcome = r.added.length ? 'added' : r.changed.length ? 'changed' : r.removed.length ? 'removed' : 'unchanged';
  return { outcome, snapshot: r.snapshot };
}

describe('incremental scan updates', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('incremental');
    writeFiles(dir, ADR_TOOLS_FILES);
  });
  afterEach(() => removeDir(dir));

  it('re-reads only a changed, created or deleted file, and matches a full rescan each time', async () => {
    let snapshot = snapshotOf(await scanEvidence(dir));
    const step = (rel: string, expected: string) => {
      const r = update(snapshot, rel);
      assert.strictEqual(r.outcome, expected, rel);
      snapshot = r.snapshot;
    };
    const same = async () => {
      const full = snapshotOf(await scanEvidence(dir));
      assert.deepStrictEqual(snapshot.documents, full.documents);
      assert.deepStrictEqual(
        [...snapshot.problems].sort((a, b) => a.path.localeCompare(b.path)),
        full.problems,
      );
    };
    writeFiles(dir, {
      'doc/adr/0002-use-postgresql-for-billing.md': '# 2. Use PostgreSQL for billing\n\nDate: 2026-02-03\n\n## Status\n\nAccepted\n',
    });
    const before = snapshot;
    step('doc/adr/0002-use-postgresql-for-billing.md', 'changed');
    assert.strictEqual(snapshot.documents[1].item.status, 'accepted');
    assert.strictEqual(before.documents[1].item.status, 'proposed', 'the snapshot before is never changed');
    assert.ok(Object.isFrozen(snapshot) && Object.isFrozen(snapshot.folder), 'published snapshots are frozen');
    await same();
    // Saved again without a change: the same snapshot, so nothing is announced.
    const unchanged = snapshot;
    step('doc/adr/0002-use-postgresql-for-billing.md', 'unchanged');
    assert.strictEqual(snapshot, unchanged);
    writeFiles(dir, { 'doc/adr/0003-new.md': '---\nstatus: [broken\n---\n# 3. New\n' });
    step('doc/adr/0003-new.md', 'added');
    await same();
    // A rename arrives as a delete and a create.
    fs.renameSync(path.join(dir, 'doc/adr/0003-new.md'), path.join(dir, 'doc/adr/0003-renamed.md'));
    step('doc/adr/0003-new.md', 'removed');
    step('doc/adr/0003-renamed.md', 'added');
    await same();
    fs.rmSync(path.join(dir, 'doc/adr/0001-record-architecture-decisions.md'));
    step('doc/adr/0001-record-architecture-decisions.md', 'removed');
    await same();
  });

  it('ignores files outside the evidence folders and asks for a rescan when the layout changes', async () => {
    const snapshot = snapshotOf(await scanEvidence(dir));
    writeFiles(dir, { 'notes/todo.md': '# Todo\n', 'doc/adr/README.md': '# ADRs\n' });
    assert.strictEqual(update(snapshot, 'notes/todo.md').outcome, 'ignored');
    assert.strictEqual(update(snapshot, 'doc/adr/README.md').outcome, 'ignored');
    assert.strictEqual(update(snapshot, '.adr-dir').outcome, 'rescan');
    assert.strictEqual(snapshot.documents.length, 2);
  });

  it('lists a document with invalid UTF-8 (replacement characters) and one deleted while being read', async () => {
    fs.writeFileSync(path.join(dir, 'doc/adr/0003-latin1.md'), Buffer.from('# 3. Caf\xe9\n\n## Status\n\nAccepted\n', 'latin1'));
    const snapshot = snapshotOf(await scanEvidence(dir));
    assert.strictEqual(snapshot.documents.find((d) => d.item.id === '0003')?.item.title, 'Caf\ufffd');
    // Deleted between the listing and the read: reported, never thrown.
    assert.strictEqual(update(snapshot, 'doc/adr/0009-ghost.md').outcome, 'unchanged', 'never listed, so nothing to remove');
  });

  it('walks only the evidence folders, however many other files the repository holds', async function () {
    this.timeout(120_000); // writing the 50,000 files is the slow part
    // In memory (/dev/shm) where there is one: 50,000 files on disk slow down what runs after.
    const root = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'ce-50k-'));
    try {
      writeFiles(root, ADR_TOOLS_FILES);
      for (let d = 0; d < 50; d++) {
        fs.mkdirSync(path.join(root, 'vendor-docs', `d${d}`), { recursive: true });
        for (let f = 0; f < 1000; f++) fs.writeFileSync(path.join(root, 'vendor-docs', `d${d}`, `f${f}.md`), '# x\n');
      }
      const scan = await scanEvidence(root);
      assert.strictEqual(scan.items.length, 2, '50,000 Markdown files outside the evidence folders are not read');
      assert.deepStrictEqual(scan.problems, []);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
