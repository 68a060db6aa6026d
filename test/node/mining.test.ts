import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Suggestion, SuggestionFilter } from '../../src/core/git/suggestions';
import { mine } from '../../src/node/git/mine';
import { openRepository } from '../../src/node/git/repository';
import { COLLEAGUE, ME, TestRepo, evidenceRepo, removeDir, tempDir } from '../support/gitRepo';

const ALL: SuggestionFilter = { authors: 'all' };
const MINE: SuggestionFilter = { authors: [ME.email] };

async function mineDir(dir: string, filter = ALL) {
  return mine(await openRepository(dir), { filter });
}
const titles = (list: Suggestion[]) => list.map((s) => s.title);

describe('mining merged work (real repositories)', function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  const track = <T extends { root: string }>(r: T) => (dirs.push(r.root), r);
  after(() => dirs.forEach(removeDir));

  it('reads merge commits, squash merges and plain commits on the first-parent line', async () => {
    const repo = track(evidenceRepo());
    const r = await mineDir(repo.root);
    assert.deepStrictEqual(
      r.suggestions.map((s) => [s.kind, s.title, s.pr?.number ?? null, s.author.email]),
      [
        ['squash', 'Speed up search', 13, ME.email],
        ['merge', 'Add export to CSV', 12, ME.email], // merged by a colleague; the branch tip is mine
        ['commit', 'Add a README', null, COLLEAGUE.email],
        ['commit', 'Record the first decisions', null, ME.email],
      ],
    );
    const merge = r.suggestions[1];
    assert.strictEqual(merge.description, 'Finance can now export invoices without asking engineering.');
    assert.deepStrictEqual([merge.files, merge.insertions, merge.deletions], [2, 2, 0]);
    assert.strictEqual(merge.mergedAt, '2026-03-05T16:30:00+01:00');
    // Review latency: first commit of the branch (2026-03-01 14:00) to the merge (2026-03-05 16:30).
    assert.deepStrictEqual(
      [merge.authoredAt, merge.reviewLatencyHours, merge.latencyEstimated],
      ['2026-03-01T14:00:00+01:00', 98.5, false],
    );
    assert.deepStrictEqual([r.suggestions[0].reviewLatencyHours, r.suggestions[0].latencyEstimated], [0, true]);
    assert.strictEqual(r.suggestions[2].reviewLatencyHours, null);
    assert.deepStrictEqual(r.suggestions[0].tags, ['performance']);
    assert.strictEqual(r.defaultBranch, 'main');
    assert.strictEqual(r.shallow, false);
  });

  it('filters by author e-mail (case-insensitive) and by merge date, inclusive', async () => {
    const repo = track(evidenceRepo());
    const r = await openRepository(repo.root);
    const mine1 = await mine(r, { filter: { authors: ['DANA@example.com'] } });
    assert.deepStrictEqual(titles(mine1.suggestions), ['Speed up search', 'Add export to CSV', 'Record the first decisions']);
    const march = await mine(r, { filter: { authors: 'all', since: '2026-03-05', until: '2026-03-05' } });
    assert.deepStrictEqual(titles(march.suggestions), ['Add export to CSV']);
  });

  it('counts co-authored work as mine and never suggests bots', async () => {
    const repo = track(new TestRepo());
    repo.commit({ 'a.txt': '1' }, `Pair on the importer\n\nCo-authored-by: ${ME.name} <${ME.email}>`, COLLEAGUE, '2026-04-01T10:00:00Z');
    repo.commit(
      { 'package.json': '{}' },
      'build(deps): bump x from 1 to 2 (#40)',
      { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' },
      '2026-04-02T10:00:00Z',
    );
    repo.commit({ 'b.txt': '2' }, 'chore: tidy config', { name: 'Renovate Bot', email: 'bot@renovateapp.com' }, '2026-04-03T10:00:00Z');
    const mine1 = await mineDir(repo.root, MINE);
    assert.deepStrictEqual(titles(mine1.suggestions), ['Pair on the importer']);
    assert.deepStrictEqual(mine1.suggestions[0].coAuthors, [{ name: ME.name, email: ME.email }]);
    const all = await mineDir(repo.root, ALL);
    assert.deepStrictEqual(titles(all.suggestions), ['Pair on the importer'], 'dependabot and renovate are never suggested');
  });

  it('folds a rebase-merged PR series (consecutive commits sharing a PR number)', async () => {
    const repo = track(new TestRepo());
    repo.commit({ 'a.txt': '0' }, 'Initial', ME, '2026-05-01T09:00:00Z');
    repo.commit({ 'retry.ts': 'a\n' }, 'feat: add retry helper (#21)', ME, '2026-05-02T09:00:00Z');
    repo.commit({ 'client.ts': 'b\nc\n' }, 'Use retries in the client (#21)', ME, '2026-05-03T09:00:00Z');
    repo.commit({ 'z.txt': 'z' }, 'Unrelated (#22)', ME, '2026-05-04T09:00:00Z');
    const r = await mineDir(repo.root);
    const series = r.suggestions.find((s) => s.pr?.number === 21)!;
    assert.strictEqual(series.kind, 'rebase');
    assert.strictEqual(series.title, 'Add retry helper');
    assert.strictEqual(series.category, 'feature');
    assert.strictEqual(series.commits.length, 2);
    assert.deepStrictEqual([series.files, series.insertions], [2, 3]);
    assert.deepStrictEqual([series.reviewLatencyHours, series.latencyEstimated], [24, true]);
    assert.ok(series.tags.includes('failure-handling'), series.tags.join());
    assert.deepStrictEqual(titles(r.suggestions), ['Unrelated', 'Add retry helper', 'Initial']);
  });

  it('builds PR links from the origin remote (SSH form), without network', async () => {
    const repo = track(evidenceRepo());
    repo.git('remote', 'add', 'origin', 'git@github.com:acme/shop.git');
    const r = await mineDir(repo.root);
    assert.strictEqual(r.suggestions[0].pr?.url, 'https://github.com/acme/shop/pull/13');
  });

  it('mines incrementally after a new commit, and from the fork point after a rewrite', async () => {
    const repo = track(evidenceRepo());
    const r = await openRepository(repo.root);
    const first = await mine(r, { filter: ALL });
    repo.commit({ 'c.txt': 'c' }, 'Add caching headers (#14)', ME, '2026-04-01T10:00:00+01:00');
    const second = await mine(r, { filter: ALL, previous: first });
    assert.strictEqual(second.incremental, true);
    assert.deepStrictEqual(titles(second.suggestions), ['Add caching headers', ...titles(first.suggestions)]);
    // Force-push: the last commit is replaced.
    repo.git('reset', '--hard', '--quiet', 'HEAD~1');
    repo.commit({ 'c.txt': 'c2' }, 'Add caching headers, reworked (#15)', ME, '2026-04-02T10:00:00+01:00');
    const third = await mine(r, { filter: ALL, previous: second });
    assert.strictEqual(third.incremental, true);
    assert.deepStrictEqual(titles(third.suggestions), ['Add caching headers, reworked', ...titles(first.suggestions)]);
    const full = await mine(r, { filter: ALL });
    assert.deepStrictEqual(third.suggestions, full.suggestions);
  });

  it('reads a detached HEAD, an empty repository and a branch named like an option', async () => {
    const repo = track(evidenceRepo());
    const head = repo.git('rev-parse', 'HEAD').trim();
    repo.git('checkout', '--quiet', '--detach', 'HEAD~1');
    const detached = await mineDir(repo.root);
    assert.strictEqual(detached.suggestions[0].sha, head, 'main is still read with the detached HEAD');
    repo.git('update-ref', 'refs/heads/--upload-pack=x', 'HEAD');
    repo.git('symbolic-ref', 'HEAD', 'refs/heads/--upload-pack=x');
    const odd = await mine(await openRepository(repo.root), { filter: ALL, defaultBranch: '--upload-pack=x' });
    assert.strictEqual(odd.defaultBranch, '--upload-pack=x');
    assert.strictEqual(odd.suggestions.length, 3);
    const empty = track(new TestRepo());
    const none = await mineDir(empty.root);
    assert.deepStrictEqual([none.head, none.suggestions], [null, []]);
  });

  it('mines what a shallow clone holds and says it is shallow', async () => {
    const repo = track(evidenceRepo());
    const clone = path.join(tempDir('shallow'), 'clone');
    dirs.push(path.dirname(clone));
    execFileSync('git', ['clone', '--quiet', '--depth', '2', `file://${repo.root}`, clone]);
    const r = await mineDir(clone);
    assert.strictEqual(r.shallow, true);
    assert.deepStrictEqual(titles(r.suggestions), ['Speed up search', 'Add export to CSV']);
  });

  it('decodes non-UTF-8 messages (i18n.commitEncoding) and takes a 1 MB message', async () => {
    const repo = track(new TestRepo());
    const msgFile = path.join(repo.root, '..', `${path.basename(repo.root)}-msg.txt`);
    fs.writeFileSync(msgFile, Buffer.from('Caf\xe9 cr\xe8me support\n', 'latin1'));
    fs.writeFileSync(path.join(repo.root, 'a.txt'), 'a');
    repo.git('add', 'a.txt');
    const when = '2026-02-01T10:00:00Z';
    execFileSync('git', ['-c', 'i18n.commitEncoding=ISO-8859-1', 'commit', '--quiet', '-F', msgFile], {
      cwd: repo.root,
      env: { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
    });
    fs.rmSync(msgFile);
    repo.commit({ 'b.txt': 'b' }, `Big message\n\n${'x'.repeat(1024 * 1024)}`);
    const r = await mineDir(repo.root);
    assert.deepStrictEqual(titles(r.suggestions), ['Big message', 'Café crème support']);
    assert.strictEqual(r.suggestions[0].description.length, 1024 * 1024);
  });

  it('counts a 100,000-file merge', async () => {
    const repo = track(new TestRepo());
    repo.commit({ 'a.txt': 'a' }, 'Initial', ME, '2026-01-01T00:00:00Z');
    // fast-import writes the big branch quickly: one commit adding 100,000 one-line files.
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo.root, input: 'x\n' }).toString().trim();
    const lines = [
      'commit refs/heads/big',
      `author ${ME.name} <${ME.email}> 1767225600 +0000`,
      `committer ${ME.name} <${ME.email}> 1767225600 +0000`,
      'data 8',
      'Big drop',
      'from refs/heads/main',
    ];
    for (let i = 0; i < 100_000; i++) lines.push(`M 100644 ${blob} gen/d${i % 100}/f${i}.txt`);
    execFileSync('git', ['fast-import', '--quiet'], { cwd: repo.root, input: lines.join('\n') + '\n' });
    // The merge commit is made with commit-tree: checking out 100,000 files would only cost time.
    const merge = execFileSync(
      'git',
      ['commit-tree', 'big^{tree}', '-p', 'main', '-p', 'big', '-m', 'Merge pull request #99 from me/big\n\nVendor the dataset'],
      {
        cwd: repo.root,
        env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-02T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-02T00:00:00Z' },
      },
    )
      .toString()
      .trim();
    repo.git('update-ref', 'refs/heads/main', merge);
    const r = await mineDir(repo.root);
    const [merged] = r.suggestions;
    assert.deepStrictEqual(
      [merged.kind, merged.pr?.number, merged.title, merged.files, merged.insertions],
      ['merge', 99, 'Vendor the dataset', 100_000, 100_000],
    );
    assert.strictEqual(merged.paths.length, 100);
  });

  it('never starts a configured fsmonitor or hook while reading', async () => {
    const repo = track(evidenceRepo());
    const marker = path.join(repo.root, '..', `${path.basename(repo.root)}-touched`);
    const script = path.join(repo.root, '.git', 'touch.sh');
    fs.writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\n`, { mode: 0o755 });
    repo.git('config', 'core.fsmonitor', script);
    for (const hook of ['post-checkout', 'post-commit', 'reference-transaction', 'post-index-change', 'pre-auto-gc']) {
      fs.writeFileSync(path.join(repo.root, '.git', 'hooks', hook), `#!/bin/sh\n'${script}' ${hook}\n`, { mode: 0o755 });
    }
    await mineDir(repo.root);
    assert.ok(!fs.existsSync(marker), fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : '');
  });

  it('refuses a folder that is not a repository, with a clear error', async () => {
    const dir = tempDir('plain');
    dirs.push(dir);
    await assert.rejects(openRepository(dir), /not a git repository/);
  });

  it('opens a repository from a subfolder and reports its top level', async () => {
    const repo = track(evidenceRepo());
    const r = await openRepository(`${repo.root}/doc/adr`);
    assert.strictEqual(r.root, repo.root);
  });
});

describe('who added each evidence document (git, with .mailmap)', () => {
  it('finds the oldest adding commit of each file, with the canonical identity', async () => {
    const { fileAdditions } = await import('../../src/node/git/repository');
    const repo = new TestRepo();
    try {
      repo.commit({ '.mailmap': `${ME.name} <${ME.email}> <dana@old-job.example>\n` }, 'mailmap', ME, '2026-01-01T09:00:00Z');
      repo.commit({ 'doc/adr/0001-a.md': '# 1. A\n' }, 'A', { name: 'Dana Old', email: 'dana@old-job.example' }, '2026-01-02T09:00:00Z');
      repo.commit({ 'doc/adr/0002-b.md': '# 2. B\n' }, 'B', COLLEAGUE, '2026-01-03T09:00:00Z');
      repo.commit({ 'doc/adr/0001-a.md': '# 1. A, edited\n' }, 'edit A', COLLEAGUE, '2026-01-04T09:00:00Z');
      repo.commit({ 'notes.md': 'x' }, 'notes', ME, '2026-01-05T09:00:00Z');
      const added = await fileAdditions(await openRepository(repo.root), ['doc/adr/']);
      assert.deepStrictEqual([...added.entries()].sort(), [
        ['doc/adr/0001-a.md', { author: { name: ME.name, email: ME.email }, date: '2026-01-02T09:00:00+00:00' }],
        ['doc/adr/0002-b.md', { author: { name: COLLEAGUE.name, email: COLLEAGUE.email }, date: '2026-01-03T09:00:00+00:00' }],
      ]);
    } finally {
      removeDir(repo.root);
    }
  });
});
