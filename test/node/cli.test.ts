import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CLI } from '../support/paths';
import { cli } from '../support/cli';
import { ADR_TOOLS_FILES, evidenceRepo, removeDir, tempDir, TestRepo, writeFiles } from '../support/gitRepo';

describe('CLI', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach(removeDir));

  it('scan --json follows the contract', () => {
    const dir = tempDir('cli-scan');
    dirs.push(dir);
    writeFiles(dir, { ...ADR_TOOLS_FILES, 'docs/rfcs/0001-queue.md': '---\ncareer-kind: rfc\nstatus: [draft\n---\n# Queue\n' });
    const r = cli(['scan', dir, '--json']);
    assert.strictEqual(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepStrictEqual(Object.keys(json), ['root', 'items', 'problems']);
    assert.strictEqual(json.root, dir);
    assert.deepStrictEqual(json.items[0], {
      kind: 'decision',
      format: 'adr-tools',
      id: '0001',
      title: 'Record architecture decisions',
      status: 'accepted',
      statusText: 'Accepted',
      date: '2026-01-12',
      path: 'doc/adr/0001-record-architecture-decisions.md',
    });
    assert.deepStrictEqual(
      json.items.map((i: { kind: string }) => i.kind),
      ['decision', 'decision', 'rfc'],
    );
    assert.deepStrictEqual(Object.keys(json.problems[0]), ['path', 'line', 'column', 'message'], 'a YAML error has a column');
    assert.strictEqual(json.problems[0].path, 'docs/rfcs/0001-queue.md');
  });

  it('scan prints a readable, grouped list and defaults to the current directory', () => {
    const dir = tempDir('cli-plain');
    dirs.push(dir);
    writeFiles(dir, ADR_TOOLS_FILES);
    const r = cli(['scan'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.ok(
      r.stdout.includes(
        'Decisions (2)\n  0001  Record architecture decisions  accepted  2026-01-12  doc/adr/0001-record-architecture-decisions.md\n',
      ),
      r.stdout,
    );
  });

  it('suggest --json counts only git config user.email by default', () => {
    const repo = evidenceRepo();
    dirs.push(repo.root);
    const r = cli(['suggest', repo.root, '--json']);
    assert.strictEqual(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepStrictEqual(Object.keys(json), ['repo', 'defaultBranch', 'shallow', 'suggestions']);
    assert.deepStrictEqual(
      json.suggestions.map((s: { title: string }) => s.title),
      ['Speed up search', 'Add export to CSV', 'Record the first decisions'],
    );
    // The contract of issue 2, and the fields added since (fields are only ever added).
    for (const key of ['sha', 'kind', 'title', 'description', 'pr', 'author', 'mergedAt', 'files', 'insertions', 'deletions'])
      assert.ok(key in json.suggestions[0], key);
    for (const key of [
      'category',
      'coAuthors',
      'authoredAt',
      'reviewLatencyHours',
      'latencyEstimated',
      'tags',
      'paths',
      'commits',
      'changeId',
    ])
      assert.ok(key in json.suggestions[0], key);
    assert.deepStrictEqual(json.suggestions[0].pr, { number: 13, provider: 'github', url: null });
  });

  it('suggest takes --author (repeatable), --all-authors, --since and --until', () => {
    const repo = evidenceRepo();
    dirs.push(repo.root);
    const titles = (args: string[]) =>
      JSON.parse(cli(['suggest', repo.root, '--json', ...args]).stdout).suggestions.map((s: { title: string }) => s.title);
    assert.deepStrictEqual(titles(['--author', 'sam@example.com']), ['Add a README']);
    assert.strictEqual(titles(['--author', 'sam@example.com', '--author', 'dana@example.com']).length, 4);
    assert.strictEqual(titles(['--all-authors']).length, 4);
    assert.deepStrictEqual(titles(['--all-authors', '--since', '2026-03-01', '--until', '2026-03-10']), ['Add export to CSV']);
    const plain = cli(['suggest', repo.root]);
    assert.match(plain.stdout, /Squash-merged pull requests \(1\)\n {2}2026-03-20 {2}#13 {2}Speed up search/);
  });

  it('exits 1 with a one-line message for bad input, never a stack trace', () => {
    const plain = tempDir('cli-bad');
    dirs.push(plain);
    const cases: [string[], RegExp][] = [
      [['scan', path.join(plain, 'missing')], /^career-evidence: not found: /],
      [['suggest', plain], /^career-evidence: not a git repository: /],
      [['suggest', plain, '--since', '2024-02-30'], /^career-evidence: --since wants a date YYYY-MM-DD, got "2024-02-30"$/],
      [['suggest', plain, '--until', 'yesterday'], /^career-evidence: --until wants a date/],
      [['scan', '--bogus'], /^career-evidence: Unknown option '--bogus'/],
      [['frobnicate'], /^career-evidence: unknown command "frobnicate"/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args, plain);
      assert.strictEqual(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
      assert.strictEqual(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr.trim(), message);
      assert.ok(!/\n\s+at /.test(r.stderr));
    }
  });

  it('asks for an identity when user.email is not set', () => {
    const repo = new TestRepo();
    dirs.push(repo.root);
    repo.commit({ 'a.txt': 'a' }, 'first');
    repo.git('config', '--unset', 'user.email');
    const r = spawnSync(process.execPath, [CLI, 'suggest', repo.root], {
      encoding: 'utf8',
      env: { ...process.env, HOME: repo.root, XDG_CONFIG_HOME: repo.root, GIT_CONFIG_NOSYSTEM: '1' },
    });
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /user\.email is not set.*--author EMAIL or --all-authors/);
  });

  it('suggest --range and --format md give a ready-to-paste brag list', () => {
    const repo = evidenceRepo();
    dirs.push(repo.root);
    const r = cli(['suggest', repo.root, '--range', '2026-Q1', '--format', 'md']);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /^# Brag list: .*, 2026-01-01 to 2026-03-31\n\n## Other work\n\n- Speed up search — 2026-03-20 · #13 · review 0 h \(est\.\) · performance\n- Add export to CSV — 2026-03-05 · #12 · review 98\.5 h\n- Record the first decisions — 2026-02-03 · `[0-9a-f]{7}`\n/,
    );
    assert.strictEqual(cli(['suggest', repo.root, '--range', '2025-Q4', '--json']).stdout.includes('"suggestions": []'), true);
    assert.match(cli(['suggest', repo.root, '--range', 'Q9']).stderr, /--range wants this-quarter, last-quarter or YYYY-Qn/);
    assert.match(cli(['suggest', repo.root, '--range', '2026-Q1', '--since', '2026-01-01']).stderr, /cannot be combined/);
  });

  it('accept SHA writes the brag entry into the journal', () => {
    const repo = evidenceRepo();
    const journal = tempDir('cli-journal');
    dirs.push(repo.root, journal);
    const merge = repo.git('log', '--merges', '--format=%H', '-1').trim();
    const r = cli(['accept', merge.slice(0, 8), repo.root, '--journal', journal]);
    assert.strictEqual(r.code, 0, r.stderr);
    const file = r.stdout.trim();
    assert.strictEqual(path.relative(journal, file), path.join('brag', '2026', '2026-03-05-add-export-to-csv.md'));
    assert.match(
      fs.readFileSync(file, 'utf8'),
      new RegExp(`^---\ncareer-kind: brag\n[\\s\\S]*commit: ${merge}\n[\\s\\S]*# Add export to CSV\n`),
    );
    assert.match(cli(['accept', 'zzzz', repo.root]).stderr, /accept wants a commit id/);
    assert.match(cli(['accept', 'abcdef0', repo.root, '--journal', journal]).stderr, /no merged work with commit abcdef0/);
  });

  it('says clearly when git is not installed', () => {
    const dir = tempDir('cli-nogit');
    dirs.push(dir);
    const r = cli(['suggest', dir], dir, { PATH: '/nonexistent' }); // node itself is started by absolute path
    assert.strictEqual(r.code, 1, r.stderr);
    assert.strictEqual(r.stderr.trim(), 'career-evidence: git is not installed or not on PATH');
    const scan = cli(['scan', dir], dir, { PATH: '/nonexistent' });
    assert.strictEqual(scan.code, 0, 'documents are still listed without git');
  });

  it('check lists problems and exits 1, or says there are none and exits 0', () => {
    const clean = tempDir('cli-check-clean');
    const broken = tempDir('cli-check-broken');
    dirs.push(clean, broken);
    writeFiles(clean, {
      'doc/adr/0001-record-architecture-decisions.md': ADR_TOOLS_FILES['doc/adr/0001-record-architecture-decisions.md'],
    });
    const ok = cli(['check', clean]);
    assert.deepStrictEqual([ok.code, ok.stdout], [0, `No problems in 1 evidence document under ${clean}\n`]);
    writeFiles(broken, { ...ADR_TOOLS_FILES, 'doc/adr/0002-again.md': '# 2. Again\n\n## Status\n\nMaybe\n' });
    const r = cli(['check', broken, '--json']);
    assert.strictEqual(r.code, 1);
    assert.deepStrictEqual(
      JSON.parse(r.stdout)
        .problems.map((p: { path: string; code: string }) => `${p.path} ${p.code}`)
        .sort(),
      [
        'doc/adr/0002-again.md duplicate-number',
        'doc/adr/0002-again.md unknown-status',
        'doc/adr/0002-use-postgresql-for-billing.md duplicate-number',
        'doc/adr/0002-use-postgresql-for-billing.md stale-proposal', // proposed on 2026-02-03
      ],
    );
  });

  it('overview shows documents and my merged work', () => {
    const repo = evidenceRepo();
    dirs.push(repo.root);
    const r = cli(['overview', repo.root]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /Decisions \(2\)/);
    assert.match(r.stdout, /Merged work in .* \(dana@example\.com\): 3 suggestions/);
  });
});
