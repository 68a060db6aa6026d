import * as assert from 'assert';
import { branchDescription, needsBranchDescription } from '../../src/core/git/branchDescription';
import { storyFrom } from '../../src/core/journal/storyFrom';
import { changeReceipt } from '../../src/core/report/receipts';
import { receiptLine } from '../../src/core/report/benchmarkFormat';
import { suggestion } from '../support/suggestion';

// Issue 15, offline: a merge commit that says only its title gets a description from its branch.

describe('branch descriptions (plain Node)', () => {
  it('lists the commits of a real express pull request, oldest first, bodies kept under their subject', () => {
    // expressjs/express c60238a "Merge pull request #2060 from swrh/master" — its branch's messages, as git gives them (%B).
    const messages = [
      'Express 4 now uses "method-override" external library.\n\n',
      'Fixing bug when updating pet name in MVC example.\n',
      'Fix "method-override" dependency.\n\nDepend on method-override@1.0.0 strictly, following the pattern for (almost) all other devDependencies.\n',
      'Fixing bug in MVC example pet view.\n',
    ];
    assert.strictEqual(
      branchDescription('examples: Fix bugs in MVC example', messages),
      [
        '- Express 4 now uses "method-override" external library.',
        '- Fixing bug when updating pet name in MVC example.',
        '- Fix "method-override" dependency.',
        '  Depend on method-override@1.0.0 strictly, following the pattern for (almost) all other devDependencies.',
        '- Fixing bug in MVC example pet view.',
      ].join('\n'),
    );
  });

  it('drops fix-ups, merges of other branches, trailers, template comments and repeats of the title', () => {
    const messages = [
      'Add CSV export\n\nFinance can export invoices.\n\nSigned-off-by: Dana <dana@example.com>\nCo-authored-by: Sam <sam@example.com>\n',
      "Merge branch 'main' into dana/csv\n",
      'fixup! Add CSV export\n',
      'Stream rows instead of buffering\n\n<!-- describe the change -->\nMemory stays flat on 1M rows.\n- [ ] docs updated\n',
      'squash! Stream rows instead of buffering\n',
      'stream rows   instead of buffering\n',
    ];
    assert.strictEqual(
      branchDescription('Export invoices as CSV', messages, 3),
      '- Add CSV export\n  Finance can export invoices.\n- Stream rows instead of buffering\n  Memory stays flat on 1M rows.\n- … and 3 more commits',
    );
  });

  it("gives a one-commit pull request titled like its commit the commit's body alone, and nothing when nothing is left", () => {
    assert.strictEqual(
      branchDescription('Speed up search', ['Speed up search\n\nCache the index between queries.\n']),
      'Cache the index between queries.',
    );
    assert.strictEqual(branchDescription('Speed up search', ['Speed up search\n', 'fixup! Speed up search\n'], 2), '');
    assert.strictEqual(branchDescription('x', []), '');
  });

  it('describes merges that say nothing beyond their title, and not squashes, described merges or sync merges', () => {
    assert.ok(needsBranchDescription(suggestion({ kind: 'merge', description: '' })));
    assert.ok(!needsBranchDescription(suggestion({ kind: 'merge', description: 'Finance can export.' })));
    assert.ok(!needsBranchDescription(suggestion({ kind: 'squash', description: '' })));
    assert.ok(!needsBranchDescription(suggestion({ kind: 'merge', description: '', pr: null, title: "Merge branch 'main' into feature" })));
  });

  it("puts a branch-built description into a STAR story's Action (the steps), a PR's own into its Situation", () => {
    const fromBranch = storyFrom(
      {
        kind: 'suggestion',
        suggestion: suggestion({ description: '- Add CSV export\n- Stream rows', descriptionSource: 'branch-commits' }),
        repo: 'shop',
      },
      '2026-12-01',
    ).text;
    assert.match(
      fromBranch,
      /## Action\n\nI merged “Add export to CSV”[^\n]*\n\nThe steps, from the branch's commits:\n\n- Add CSV export\n- Stream rows\n/,
    );
    assert.doesNotMatch(fromBranch, /## Situation\n\n- Add CSV export/);
    const own = storyFrom({ kind: 'suggestion', suggestion: suggestion({}), repo: 'shop' }, '2026-12-01').text;
    assert.match(own, /## Situation\n\nFinance can export invoices\./);
  });

  it("names a fetched pull request's reviewers on its receipt", () => {
    const r = changeReceipt(suggestion({ reviewerLogins: ['sam', 'lee'] }), '/ws/shop');
    assert.deepStrictEqual(r.reviewers, ['sam', 'lee']);
    assert.match(receiptLine(r), / · reviewed by @sam, @lee · shop$/);
    assert.strictEqual(changeReceipt(suggestion({}), '/ws/shop').reviewers, undefined);
  });
});
