import * as assert from 'assert';
import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { findDocument, planStatusChange, writeEdits } from '../../src/node/lifecycle';
import { readChangedFile, scanEvidence } from '../../src/node/scanEvidence';
import { cli } from '../support/cli';
import { aliasBombLines } from '../support/hostile';
import { CLI } from '../support/paths';
import { snapshotOf } from '../support/folderSnapshot';
import { ADR_TOOLS_FILES, evidenceRepo, removeDir, tempDir, writeFiles } from '../support/gitRepo';

// Bad input, end to end: each case asserts the documented outcome — listed with a problem (never
// silently missing), a one-line error with exit code 1 (never a stack trace or exit 2), and no file
// changed but the one meant.

/** A one-line error on stderr and exit code 1. */
function badInput(r: { code: number | null; stderr: string }, message: RegExp): void {
  assert.strictEqual(r.code, 1, r.stderr);
  assert.strictEqual(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, message);
}

const aliasBomb = () => [...aliasBombLines(), ''].join('\n');

describe('bad input: documents, writes and CLI arguments', function () {
  this.timeout(30_000);
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach(removeDir));

  it('a front matter of chained YAML aliases is one document with a problem; scan, check and overview go on', () => {
    const dir = tempDir('bad-alias');
    dirs.push(dir);
    writeFiles(dir, { 'docs/decisions/0001-bomb.md': aliasBomb(), 'docs/decisions/0002-fine.md': '---\nstatus: accepted\n---\n# Fine\n' });
    const scan = cli(['scan', dir, '--json']);
    assert.strictEqual(scan.code, 0, scan.stderr);
    const json = JSON.parse(scan.stdout) as { items: { title: string }[]; problems: { path: string; message: string }[] };
    assert.deepStrictEqual(
      json.items.map((i) => i.title),
      ['Bomb', 'Fine'],
    );
    assert.match(json.problems[0].message, /Excessive alias count/);
    const check = cli(['check', dir]);
    assert.strictEqual(check.code, 1, 'findings are reported, not a crash');
    assert.match(check.stdout, /0001-bomb\.md:2/);
    assert.strictEqual(cli(['overview', dir]).code, 0);
  });

  it('--range takes quarters of the years 0001–9999 and refuses others with a one-line error', () => {
    const repo = evidenceRepo();
    dirs.push(repo.root);
    for (const range of ['0999-Q1', '0001-Q1', '9999-Q4']) {
      const r = cli(['suggest', repo.root, '--range', range, '--json']);
      assert.strictEqual(r.code, 0, `${range}: ${r.stderr}`);
      assert.deepStrictEqual(JSON.parse(r.stdout).suggestions, []);
    }
    badInput(cli(['suggest', repo.root, '--range', '0000-Q4']), /--range wants this-quarter, last-quarter or YYYY-Qn, got "0000-Q4"/);
    badInput(cli(['suggest', repo.root, '--since', '0000-01-01']), /--since wants a date YYYY-MM-DD/);
  });

  it('a save by another program between the read and the write is never lost: the edit is refused, nothing left behind', async () => {
    const dir = tempDir('bad-race');
    dirs.push(dir);
    writeFiles(dir, ADR_TOOLS_FILES);
    const scan = await scanEvidence(dir);
    const rel = 'doc/adr/0002-use-postgresql-for-billing.md';
    const edit = await planStatusChange(scan, findDocument(scan, rel), 'accepted');
    const theirs = `${fs.readFileSync(path.join(dir, rel), 'utf8')}\nA note saved by an editor meanwhile.\n`;
    fs.writeFileSync(path.join(dir, rel), theirs);
    const before = snapshotOf(dir);
    await assert.rejects(writeEdits([edit]), /changed while it was being edited; nothing written to it/);
    assert.deepStrictEqual(snapshotOf(dir), before, 'their save is kept, and no temporary file is left');
  });

  it('status on a document changed between the plan and the rename keeps the other save (checked again just before the rename)', async () => {
    const dir = tempDir('bad-race-late');
    dirs.push(dir);
    writeFiles(dir, ADR_TOOLS_FILES);
    const scan = await scanEvidence(dir);
    const rel = 'doc/adr/0002-use-postgresql-for-billing.md';
    const edit = await planStatusChange(scan, findDocument(scan, rel), 'accepted');
    // The file changes after the first check of writeEdits, before its rename: the last check sees it.
    const full = path.join(dir, rel);
    const original = fs.promises.writeFile;
    const theirs = `${edit.before}\nSaved meanwhile.\n`;
    fs.promises.writeFile = (async (...args: Parameters<typeof original>) => {
      await original(...args);
      if (String(args[0]).includes('.tmp')) await original(full, theirs);
    }) as typeof original;
    try {
      await assert.rejects(writeEdits([edit]), /changed by another program while it was being edited/);
    } finally {
      fs.promises.writeFile = original;
    }
    assert.strictEqual(fs.readFileSync(full, 'utf8'), theirs);
    assert.deepStrictEqual(
      fs.readdirSync(path.dirname(full)).filter((f) => f.endsWith('.tmp')),
      [],
    );
  });
});

describe('bad input: what the scan lists', function () {
  this.timeout(30_000);
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach(removeDir));

  it('numbering widens past 9999999 and stays free of collisions', () => {
    const dir = tempDir('bad-numbers');
    dirs.push(dir);
    writeFiles(dir, {
      '.adr-dir': 'doc/adr\n',
      'doc/adr/9999999-last.md': '# 9999999. Last\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n',
    });
    const first = cli(['new', 'adr', 'First', '--dir', dir]);
    const second = cli(['new', 'adr', 'Second', '--dir', dir]);
    assert.strictEqual(first.code, 0, first.stderr);
    assert.strictEqual(second.code, 0, second.stderr);
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, 'doc/adr')).sort(), [
      '10000000-first.md',
      '10000001-second.md',
      '9999999-last.md',
    ]);
  });

  it("text output shows a title's terminal escape sequences as text, never sends them", () => {
    const dir = tempDir('bad-escape');
    dirs.push(dir);
    writeFiles(dir, { 'docs/decisions/0001-x.md': '---\nstatus: accepted\n---\n# Evil \u001b[2J\u001b]0;owned\u0007 title\n' });
    const r = cli(['scan', dir]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f]/.test(r.stdout), JSON.stringify(r.stdout));
    assert.match(r.stdout, /Evil \\u\{1b\}\[2J\\u\{1b\}\]0;owned\\u\{7\} title/);
  });

  it('a FIFO named like a decision is listed with a problem, not left out (and reading it never blocks)', () => {
    const dir = tempDir('bad-fifo');
    dirs.push(dir);
    writeFiles(dir, { 'docs/decisions/0001-fine.md': '---\nstatus: accepted\n---\n# Fine\n' });
    execFileSync('mkfifo', [path.join(dir, 'docs/decisions/0002-pipe.md')]);
    const r = cli(['scan', dir, '--json']);
    assert.strictEqual(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { items: { path: string }[]; problems: { path: string; message: string }[] };
    assert.deepStrictEqual(
      json.items.map((i) => i.path),
      ['docs/decisions/0001-fine.md', 'docs/decisions/0002-pipe.md'],
    );
    assert.deepStrictEqual(
      json.problems.map((p) => [p.path, p.message]),
      [['docs/decisions/0002-pipe.md', 'not a regular file']],
    );
  });
});

describe('bad input: links in and out of the repository', function () {
  this.timeout(30_000);
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach(removeDir));

  it('a document that links to a file outside is listed with a problem, and its text is not read', async () => {
    const repo = tempDir('link-out');
    const outside = tempDir('outside');
    dirs.push(repo, outside);
    writeFiles(outside, { 'secret.md': "---\nstatus: accepted\n---\n# Someone else's secret\n" });
    writeFiles(repo, { 'docs/decisions/0001-a.md': '---\nstatus: accepted\n---\n# A\n' });
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(repo, 'docs/decisions/0002-linked.md'));
    const scan = await scanEvidence(repo);
    assert.deepStrictEqual(
      scan.items.map((i) => [i.path, i.title]),
      [
        ['docs/decisions/0001-a.md', 'A'],
        ['docs/decisions/0002-linked.md', 'Linked'],
      ],
    );
    assert.deepStrictEqual(
      scan.problems.map((p) => [p.path, p.message]),
      [['docs/decisions/0002-linked.md', 'a link to a file outside the repository: not read']],
    );
    const changed = readChangedFile(scan.root, scan.folders, 'docs/decisions/0002-linked.md');
    assert.ok(changed !== 'ignored' && changed !== 'rescan' && changed.result !== 'gone');
    assert.match(changed.result.problems[0].message, /outside the repository/, 'a watcher event does not read it either');
  });

  it('an evidence folder that links outside is not read, and New Design Doc writes nothing through it', () => {
    const repo = tempDir('folder-out');
    const outside = tempDir('outside-adr');
    dirs.push(repo, outside);
    writeFiles(outside, { '0001-theirs.md': '# 1. Theirs\n\n## Status\n\nAccepted\n' });
    fs.mkdirSync(path.join(repo, 'doc'));
    fs.symlinkSync(outside, path.join(repo, 'doc/adr'));
    const scan = cli(['scan', repo, '--json']);
    assert.strictEqual(scan.code, 0, scan.stderr);
    const json = JSON.parse(scan.stdout) as { items: unknown[]; problems: { path: string; message: string }[] };
    assert.deepStrictEqual(json.items, []);
    assert.deepStrictEqual(
      json.problems.map((p) => [p.path, p.message]),
      [['doc/adr', 'a link to a folder outside the repository: its documents are not read']],
    );
    const before = snapshotOf(outside);
    badInput(cli(['new', 'adr', 'Sneaky', '--dir', repo]), /doc\/adr is a link to a folder outside the repository .*; nothing written/);
    assert.deepStrictEqual(snapshotOf(outside), before, 'nothing written outside');
  });

  it('a folder linked to another evidence folder (docs → doc) lists each document once, under its real path', async () => {
    const repo = tempDir('link-twice');
    dirs.push(repo);
    writeFiles(repo, ADR_TOOLS_FILES);
    fs.symlinkSync(path.join(repo, 'doc'), path.join(repo, 'docs'));
    writeFiles(repo, { '.adr-dir': 'doc/adr\n' });
    const viaLinks = await scanEvidence(repo);
    fs.rmSync(path.join(repo, 'docs'));
    const plain = await scanEvidence(repo);
    assert.deepStrictEqual(viaLinks.items, plain.items);
    assert.ok(viaLinks.items.every((i) => i.path.startsWith('doc/adr/')));
  });
});

describe('bad input: many writers, and a folder the user may not write', function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach(removeDir));

  it('20 `new adr` processes at once in one folder: 20 numbers, no two alike, nothing overwritten', async () => {
    const dir = tempDir('bad-concurrent');
    dirs.push(dir);
    writeFiles(dir, ADR_TOOLS_FILES);
    const before = fs.readFileSync(path.join(dir, 'doc/adr/0001-record-architecture-decisions.md'), 'utf8');
    const runs = Array.from(
      { length: 20 },
      (_, i) =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, [CLI, 'new', 'adr', `Parallel ${i}`, '--dir', dir], { stdio: 'ignore' });
          child.on('close', resolve);
        }),
    );
    assert.deepStrictEqual(await Promise.all(runs), Array(20).fill(0));
    const names = fs.readdirSync(path.join(dir, 'doc/adr')).sort();
    const numbers = names.map((n) => n.slice(0, 4));
    assert.strictEqual(names.length, 22);
    assert.strictEqual(new Set(numbers).size, 22, names.join(' '));
    assert.strictEqual(fs.readFileSync(path.join(dir, 'doc/adr/0001-record-architecture-decisions.md'), 'utf8'), before);
    assert.deepStrictEqual(
      names.filter((n) => !/^\d{4}-[a-z0-9-]+\.md$/.test(n)),
      [],
      'no lock or temporary file left',
    );
  });

  it('a read-only folder, for a user without root (uid 65534): a one-line error, nothing written', () => {
    const dir = tempDir('bad-readonly');
    dirs.push(dir);
    writeFiles(dir, ADR_TOOLS_FILES);
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, 'doc'), 0o755);
    fs.chmodSync(path.join(dir, 'doc/adr'), 0o555);
    const before = snapshotOf(dir);
    // The bundled CLI needs nothing beside it: a copy where that user may read it, wherever this checkout lives.
    const bin = tempDir('bad-readonly-bin');
    dirs.push(bin);
    fs.chmodSync(bin, 0o755);
    fs.copyFileSync(CLI, path.join(bin, 'cli.js'));
    fs.chmodSync(path.join(bin, 'cli.js'), 0o644);
    const asNobody = (args: string[]) =>
      spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, path.join(bin, 'cli.js'), ...args], {
        encoding: 'utf8',
        cwd: bin,
      });
    // The control: this user can run the CLI and read the folder.
    const scan = asNobody(['scan', dir, '--json']);
    assert.strictEqual(scan.status, 0, scan.stderr);
    assert.strictEqual(JSON.parse(scan.stdout).items.length, 2);
    const r = asNobody(['new', 'adr', 'Blocked', '--dir', dir]);
    badInput({ code: r.status, stderr: r.stderr }, /cannot .*doc\/adr.*EACCES/);
    fs.chmodSync(path.join(dir, 'doc/adr'), 0o755);
    assert.deepStrictEqual(snapshotOf(dir), before, 'nothing written');
  });
});
