import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { Suggestion } from '../../src/core/git/suggestions';
import { mine } from '../../src/node/git/mine';
import { openRepository } from '../../src/node/git/repository';
import { COLLEAGUE, ME, TestRepo, removeDir } from '../support/gitRepo';
import { CLI } from '../support/paths';

// Issue 15, offline: merges that say only their title are described from their branch's commits,
// in a real repository, the same in the extension's mine and the CLI's streamed JSON.

describe('branch descriptions in a real repository', function () {
  this.timeout(30_000);
  let repo: TestRepo;

  before(() => {
    repo = new TestRepo();
    repo.commit({ 'README.md': '# Shop\n' }, 'Start', COLLEAGUE, '2026-02-01T10:00:00Z');
    repo.git('checkout', '--quiet', '-b', 'dana/csv');
    repo.commit(
      { 'src/csv.ts': '1\n' },
      'Add CSV export\n\nFinance can export invoices.\n\nSigned-off-by: Dana <dana@example.com>',
      ME,
      '2026-02-02T10:00:00Z',
    );
    repo.commit({ 'src/csv.ts': '2\n' }, 'fixup! Add CSV export', ME, '2026-02-02T11:00:00Z');
    repo.commit({ 'src/csv.ts': '3\n' }, 'Stream rows instead of buffering', ME, '2026-02-03T10:00:00Z');
    repo.git('checkout', '--quiet', 'main');
    // GitHub's merge button: the PR title only.
    repo.merge('dana/csv', 'Merge pull request #12 from dana/csv\n\nExport invoices as CSV', COLLEAGUE, '2026-02-04T10:00:00Z');
    repo.git('checkout', '--quiet', '-b', 'dana/docs');
    repo.commit({ 'docs/a.md': 'a\n' }, 'Document the export', ME, '2026-02-05T10:00:00Z');
    repo.git('checkout', '--quiet', 'main');
    // A merge that describes itself keeps its own words.
    repo.merge(
      'dana/docs',
      'Merge pull request #13 from dana/docs\n\nDocs for the export\n\nWhere to find it, what it exports.',
      COLLEAGUE,
      '2026-02-06T10:00:00Z',
    );
    repo.commit({ 'src/search.ts': 'fast\n' }, 'Speed up search (#14)', ME, '2026-02-07T10:00:00Z');
  });
  after(() => removeDir(repo.root));

  const byTitle = (list: readonly Suggestion[], title: string) => list.find((s) => s.title === title)!;

  it('describes the title-only merge from its branch, and leaves the others as their messages say', async () => {
    const { suggestions } = await mine(await openRepository(repo.root), { filter: { authors: 'all' } });
    const csv = byTitle(suggestions, 'Export invoices as CSV');
    assert.deepStrictEqual(
      [csv.descriptionSource, csv.description],
      ['branch-commits', '- Add CSV export\n  Finance can export invoices.\n- Stream rows instead of buffering'],
    );
    const docs = byTitle(suggestions, 'Docs for the export');
    assert.deepStrictEqual([docs.descriptionSource, docs.description], ['message', 'Where to find it, what it exports.']);
    assert.strictEqual(byTitle(suggestions, 'Speed up search').descriptionSource, 'message');
    assert.deepStrictEqual(
      suggestions.map((s) => s.title),
      ['Speed up search', 'Docs for the export', 'Export invoices as CSV', 'Start'],
      'newest first, as before',
    );
  });

  it("gives the same descriptions in the same order in the CLI's streamed JSON, and incrementally", async () => {
    const r = spawnSync(process.execPath, [CLI, 'suggest', '--all-authors', '--json', repo.root], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    const streamed = JSON.parse(r.stdout).suggestions as Suggestion[];
    const mined = (await mine(await openRepository(repo.root), { filter: { authors: 'all' } })).suggestions;
    assert.deepStrictEqual(streamed, JSON.parse(JSON.stringify(mined)));
    // A new title-only merge after a first mine: described by the incremental mine too.
    const before = await mine(await openRepository(repo.root), { filter: { authors: 'all' } });
    repo.git('checkout', '--quiet', '-b', 'dana/retry');
    repo.commit({ 'src/retry.ts': '1\n' }, 'Retry failed uploads\n\nThree tries, then a clear error.', ME, '2026-02-08T10:00:00Z');
    repo.git('checkout', '--quiet', 'main');
    repo.merge('dana/retry', 'Merge pull request #15 from dana/retry\n\nRetry failed uploads', COLLEAGUE, '2026-02-09T10:00:00Z');
    const after = await mine(await openRepository(repo.root), { filter: { authors: 'all' }, previous: before });
    assert.ok(after.incremental);
    const retry = byTitle(after.suggestions, 'Retry failed uploads');
    assert.deepStrictEqual([retry.descriptionSource, retry.description], ['branch-commits', 'Three tries, then a clear error.']);
  });
});
