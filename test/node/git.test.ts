import * as assert from 'assert';
import { mineSuggestions, openRepository, readFirstParentLog } from '../../src/node/git';
import { COLLEAGUE, ME, TestRepo, evidenceRepo, removeDir, tempDir } from '../support/gitRepo';

describe('mining merged work (real repositories)', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach(removeDir));

  it('reads merge commits, squash merges and plain commits on the first-parent line', async () => {
    const repo = evidenceRepo();
    dirs.push(repo.root);
    const r = await openRepository(repo.root);
    const all = await mineSuggestions(r, { authors: 'all' });
    assert.deepStrictEqual(
      all.map((s) => [s.kind, s.title, s.pr?.number ?? null, s.author.email]),
      [
        ['squash', 'Speed up search', 13, ME.email],
        ['merge', 'Add export to CSV', 12, ME.email], // merged by a colleague; the branch tip is mine
        ['commit', 'Add a README', null, COLLEAGUE.email],
        ['commit', 'Record the first decisions', null, ME.email],
      ],
    );
    const merge = all[1];
    assert.strictEqual(merge.description, 'Finance can now export invoices without asking engineering.');
    assert.deepStrictEqual([merge.files, merge.insertions, merge.deletions], [2, 2, 0]);
    assert.strictEqual(merge.mergedAt, '2026-03-05T16:30:00+01:00');
    assert.match(merge.sha, /^[0-9a-f]{40}$/);
  });

  it('filters by author e-mail (case-insensitive) and by merge date, inclusive', async () => {
    const repo = evidenceRepo();
    dirs.push(repo.root);
    const r = await openRepository(repo.root);
    const mine = await mineSuggestions(r, { authors: ['DANA@example.com'] });
    assert.deepStrictEqual(mine.map((s) => s.title), ['Speed up search', 'Add export to CSV', 'Record the first decisions']);
    const march = await mineSuggestions(r, { authors: 'all', since: '2026-03-05', until: '2026-03-05' });
    assert.deepStrictEqual(march.map((s) => s.title), ['Add export to CSV']);
  });

  it('returns nothing for a repository without commits', async () => {
    const repo = new TestRepo();
    dirs.push(repo.root);
    const r = await openRepository(repo.root);
    assert.deepStrictEqual(await readFirstParentLog(r), []);
  });

  it('refuses a folder that is not a repository, with a clear error', async () => {
    const dir = tempDir('plain');
    dirs.push(dir);
    await assert.rejects(openRepository(dir), /not a git repository/);
  });

  it('opens a repository from a subfolder and reports its top level', async () => {
    const repo = evidenceRepo();
    dirs.push(repo.root);
    const r = await openRepository(`${repo.root}/doc/adr`);
    assert.strictEqual(r.root, repo.root);
  });
});
