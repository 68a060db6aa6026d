import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { scanEvidence, updateScanFile } from '../../src/node/scanEvidence';
import { ADR_TOOLS_FILES, removeDir, tempDir, writeFiles } from '../support/gitRepo';

describe('incremental scan updates', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('incremental');
    writeFiles(dir, ADR_TOOLS_FILES);
  });
  afterEach(() => removeDir(dir));

  it('re-reads only a changed, created or deleted file, and matches a full rescan each time', async () => {
    const scan = await scanEvidence(dir);
    const same = async () => {
      const full = await scanEvidence(dir);
      assert.deepStrictEqual(scan.items, full.items);
      assert.deepStrictEqual(scan.details, full.details);
      assert.deepStrictEqual([...scan.problems].sort((a, b) => a.path.localeCompare(b.path)), full.problems);
    };
    writeFiles(dir, { 'doc/adr/0002-use-postgresql-for-billing.md': '# 2. Use PostgreSQL for billing\n\nDate: 2026-02-03\n\n## Status\n\nAccepted\n' });
    assert.strictEqual(updateScanFile(scan, 'doc/adr/0002-use-postgresql-for-billing.md'), 'updated');
    assert.strictEqual(scan.items[1].status, 'accepted');
    await same();
    // Saved again without a change: the scan keeps its objects, so the view refreshes nothing.
    const [item, details] = [scan.items[1], scan.details[scan.items[1].path]];
    assert.strictEqual(updateScanFile(scan, 'doc/adr/0002-use-postgresql-for-billing.md'), 'unchanged');
    assert.ok(scan.items[1] === item && scan.details[item.path] === details);
    writeFiles(dir, { 'doc/adr/0003-new.md': '---\nstatus: [broken\n---\n# 3. New\n' });
    assert.strictEqual(updateScanFile(scan, 'doc/adr/0003-new.md'), 'updated');
    await same();
    // A rename arrives as a delete and a create.
    fs.renameSync(path.join(dir, 'doc/adr/0003-new.md'), path.join(dir, 'doc/adr/0003-renamed.md'));
    assert.strictEqual(updateScanFile(scan, 'doc/adr/0003-new.md'), 'removed');
    assert.strictEqual(updateScanFile(scan, 'doc/adr/0003-renamed.md'), 'updated');
    await same();
    fs.rmSync(path.join(dir, 'doc/adr/0001-record-architecture-decisions.md'));
    assert.strictEqual(updateScanFile(scan, 'doc/adr/0001-record-architecture-decisions.md'), 'removed');
    await same();
  });

  it('ignores files outside the evidence folders and asks for a rescan when the layout changes', async () => {
    const scan = await scanEvidence(dir);
    writeFiles(dir, { 'notes/todo.md': '# Todo\n', 'doc/adr/README.md': '# ADRs\n' });
    assert.strictEqual(updateScanFile(scan, 'notes/todo.md'), 'ignored');
    assert.strictEqual(updateScanFile(scan, 'doc/adr/README.md'), 'ignored');
    assert.strictEqual(updateScanFile(scan, '.adr-dir'), 'rescan');
    assert.strictEqual(scan.items.length, 2);
  });

  it('lists a document with invalid UTF-8 (replacement characters) and one deleted while being read', async () => {
    fs.writeFileSync(path.join(dir, 'doc/adr/0003-latin1.md'), Buffer.from('# 3. Caf\xe9\n\n## Status\n\nAccepted\n', 'latin1'));
    const scan = await scanEvidence(dir);
    assert.strictEqual(scan.items.find((i) => i.id === '0003')?.title, 'Caf\ufffd');
    // Deleted between the listing and the read: reported, never thrown.
    const ghost = updateScanFile(scan, 'doc/adr/0009-ghost.md');
    assert.strictEqual(ghost, 'ignored', 'never listed, so nothing to remove');
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
