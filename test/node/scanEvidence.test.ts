import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { scanEvidence, MAX_DOCUMENT_BYTES } from '../../src/node/scanEvidence';
import { ADR_TOOLS_FILES, removeDir, tempDir, writeFiles } from '../support/gitRepo';

describe('scanEvidence (real folders)', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir('scan')));
  afterEach(() => removeDir(dir));

  it('finds adr-tools ADRs in doc/adr by default, skipping templates and READMEs', async () => {
    writeFiles(dir, { ...ADR_TOOLS_FILES, 'doc/adr/README.md': '# ADRs\n', 'doc/adr/templates/template.md': '# NUMBER. TITLE\n' });
    const r = await scanEvidence(dir);
    assert.deepStrictEqual(
      r.items.map((i) => [i.id, i.title, i.status, i.format]),
      [
        ['0001', 'Record architecture decisions', 'accepted', 'adr-tools'],
        ['0002', 'Use PostgreSQL for billing', 'proposed', 'adr-tools'],
      ],
    );
    assert.deepStrictEqual(r.problems, []);
    assert.strictEqual(r.root, dir);
  });

  it('follows .adr-dir found in a parent folder', async () => {
    writeFiles(dir, {
      '.adr-dir': 'service/architecture\n',
      'service/architecture/0001-x.md': '# 1. X\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n',
    });
    const r = await scanEvidence(path.join(dir, 'service'));
    assert.deepStrictEqual(
      r.items.map((i) => i.path),
      ['architecture/0001-x.md'],
    );
  });

  it('refuses an .adr-dir that points outside the folder, with a problem', async () => {
    writeFiles(dir, { 'ws/.adr-dir': '../elsewhere', 'elsewhere/0001-x.md': '# 1. X\n' });
    const r = await scanEvidence(path.join(dir, 'ws'));
    assert.deepStrictEqual(r.items, []);
    assert.match(r.problems[0].message, /outside the workspace folder/);
  });

  it('reads log4brains folders named in .log4brains.yml', async () => {
    writeFiles(dir, {
      '.log4brains.yml': 'project:\n  name: shop\n  adrFolder: ./docs/adr\n',
      'docs/adr/20201222-use-log4brains.md': '# Use Log4brains\n\n- Status: accepted\n- Date: 2020-12-22\n',
      'docs/adr/template.md': '# Title\n',
      'docs/adr/index.md': '# Index\n',
    });
    const r = await scanEvidence(dir);
    assert.deepStrictEqual(
      r.items.map((i) => [i.id, i.format, i.status]),
      [['20201222-use-log4brains', 'log4brains', 'accepted']],
    );
  });

  it('lists malformed, binary and oversized documents with a problem each, never dropping them', async () => {
    writeFiles(dir, {
      'docs/decisions/0001-broken.md': '---\nstatus: [accepted\n---\n# Broken\n',
      'docs/decisions/0002-no-title.md': 'Just text.\n',
    });
    fs.writeFileSync(path.join(dir, 'docs/decisions/0003-binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    fs.writeFileSync(path.join(dir, 'docs/decisions/0004-huge.md'), Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x61));
    const r = await scanEvidence(dir);
    assert.deepStrictEqual(
      r.items.map((i) => [i.id, i.title]),
      [
        ['0001', 'Broken'],
        ['0002', 'No title'],
        ['0003', 'Binary'],
        ['0004', 'Huge'],
      ],
    );
    assert.deepStrictEqual(
      r.problems.map((p) => [p.path, p.message.split(':')[0]]),
      [
        ['docs/decisions/0001-broken.md', 'front matter is not valid YAML'],
        ['docs/decisions/0002-no-title.md', 'no `# Title` heading; the title is taken from the file name'],
        ['docs/decisions/0003-binary.md', 'binary file (NUL bytes); not read'],
        ['docs/decisions/0004-huge.md', 'file is larger than 5 MB; not read'],
      ],
    );
  });

  it('lists a named pipe and a link to one, each with a problem, without waiting for a writer', async function () {
    this.timeout(10_000);
    writeFiles(dir, { 'doc/adr/0001-a.md': '# 1. A\n' });
    execFileSync('mkfifo', [path.join(dir, 'pipe'), path.join(dir, 'doc/adr/0003-pipe.md')]);
    fs.symlinkSync(path.join(dir, 'pipe'), path.join(dir, 'doc/adr/0002-pipe.md'));
    const r = await scanEvidence(dir);
    assert.deepStrictEqual(
      r.items.map((i) => i.id),
      ['0001', '0002', '0003'],
    );
    assert.deepStrictEqual(
      r.problems.map((p) => [p.path, p.message]),
      [
        ['doc/adr/0002-pipe.md', 'not a regular file'],
        ['doc/adr/0003-pipe.md', 'not a regular file'],
      ],
    );
  });

  it('does not follow a symbolic link loop', async () => {
    writeFiles(dir, { 'docs/adr/0001-a.md': '# A\n' });
    fs.symlinkSync(path.join(dir, 'docs'), path.join(dir, 'docs/adr/loop'));
    const r = await scanEvidence(dir);
    assert.deepStrictEqual(
      r.items.map((i) => i.path),
      ['docs/adr/0001-a.md'],
    );
  });

  it('walks only the evidence folders: a folder of 50,000 other Markdown files is never listed', async function () {
    this.timeout(60_000);
    writeFiles(dir, ADR_TOOLS_FILES);
    const bulk = path.join(dir, 'vendor', 'wiki');
    fs.mkdirSync(bulk, { recursive: true });
    for (let i = 0; i < 50_000; i++) fs.writeFileSync(path.join(bulk, `${String(i).padStart(5, '0')}-page.md`), '');
    const listed: string[] = [];
    const readdir = fs.promises.readdir;
    fs.promises.readdir = (async (p: fs.PathLike, ...rest: unknown[]) => {
      listed.push(path.relative(dir, String(p)));
      return (readdir as (...a: unknown[]) => Promise<unknown>)(p, ...rest);
    }) as typeof readdir;
    try {
      const r = await scanEvidence(dir);
      assert.deepStrictEqual(
        r.items.map((i) => i.path),
        ['doc/adr/0001-record-architecture-decisions.md', 'doc/adr/0002-use-postgresql-for-billing.md'],
      );
      assert.deepStrictEqual(listed, ['doc/adr'], 'only the evidence folder is read');
    } finally {
      fs.promises.readdir = readdir;
    }
  });

  it('throws a clear error for a missing folder or a file', async () => {
    await assert.rejects(scanEvidence(path.join(dir, 'nope')), /not found/);
    writeFiles(dir, { 'f.md': 'x' });
    await assert.rejects(scanEvidence(path.join(dir, 'f.md')), /not a directory/);
  });
});
