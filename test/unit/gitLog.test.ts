import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { GitLogParser, parseGitLog } from '../../src/core/git/logFormat';

// Real output of `git log --first-parent --diff-merges=first-parent --numstat -z --format=<LOG_FORMAT>`
// for four first-parent commits of the express history (../shared/corpus/express-history.bundle),
// each given to `git log -n 1`: 1fa12b33, de27e2c8, 9572d748, 7ce40ddb.
const FIXTURE = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'git', 'express-first-parent.log'), 'utf8');

describe('git log parser', () => {
  it('reads the express fixture: ids, parents, people, dates, message and numstat totals', () => {
    const commits = parseGitLog(FIXTURE);
    assert.strictEqual(commits.length, 4);
    const [merge, squash, plain, branchMerge] = commits;
    assert.strictEqual(merge.sha, '1fa12b330695b2bf3d1010db71b79dba4288d2f0');
    assert.strictEqual(merge.parents.length, 2);
    assert.strictEqual(merge.message, 'Merge pull request #2067 from swrh/mvc-example-ejs-to-jade\n\nMVC example: EJS -> Jade.');
    assert.strictEqual(merge.committerDate, '2014-04-23T10:21:26-04:00');
    assert.deepStrictEqual([merge.committerName, merge.committerEmail], ['Roman Shtylman', 'shtylman@gmail.com']);
    assert.deepStrictEqual(
      [squash.authorName, squash.committerName, squash.committerEmail],
      ['dependabot[bot]', 'GitHub', 'noreply@github.com'],
    );
    // Established with `git show --stat --first-parent`: 12 files changed, 50 insertions(+), 54 deletions(-)
    assert.deepStrictEqual([merge.files, merge.insertions, merge.deletions], [12, 50, 54]);
    assert.strictEqual(squash.sha, 'de27e2c827a68e1b638d2e3030191e6fe52d1286');
    assert.match(squash.message, /^build\(deps-dev\): bump hbs from 4\.2\.0 to 4\.2\.1 \(#7152\)\n/);
    assert.deepStrictEqual([squash.files, squash.insertions, squash.deletions], [1, 1, 1]);
    assert.deepStrictEqual([plain.parents.length, plain.files], [1, 1]);
    assert.strictEqual(branchMerge.message, "Merge branch '5.0' into 5-merge");
    assert.deepStrictEqual([branchMerge.files, branchMerge.insertions, branchMerge.deletions], [12, 85, 55]);
  });

  it('gives the same commits whatever the chunking (streaming)', () => {
    const whole = parseGitLog(FIXTURE);
    for (const size of [1, 7, 64, 1000]) {
      const p = new GitLogParser();
      const got = [];
      for (let i = 0; i < FIXTURE.length; i += size) got.push(...p.push(FIXTURE.slice(i, i + size)));
      got.push(...p.end());
      assert.deepStrictEqual(got, whole, `chunk size ${size}`);
    }
  });

  it('is not confused by separators inside messages, renames or binary files', () => {
    const record = (sha: string, message: string, numstat: string) =>
      `\x1e${sha}\0${'a'.repeat(40)}\0Ann\0ann@example.com\0` +
      `2026-01-01T10:00:00+01:00\0` +
      `2026-01-02T10:00:00+01:00\0Ann\0ann@example.com\0${message}\0\n${numstat}`;
    const out =
      record(
        '1'.repeat(40),
        'Tricky \x1e message\twith 3\t4\tpath',
        '2\t1\tsrc/a.ts\0-\t-\tlogo.png\0' + '5\t0\t\0old name.ts\0\x1enew name.ts\0',
      ) + record('2'.repeat(40), 'Second', '1\t1\tb.md\0');
    const [a, b] = parseGitLog(out);
    assert.strictEqual(a.message, 'Tricky \x1e message\twith 3\t4\tpath');
    assert.deepStrictEqual([a.files, a.insertions, a.deletions], [3, 7, 1]);
    assert.deepStrictEqual([b.sha, b.files], ['2'.repeat(40), 1]);
  });

  it('reads a commit without numstat (empty change)', () => {
    const [c] = parseGitLog(
      `\x1e${'3'.repeat(40)}\0\0Ann\0ann@example.com\0` +
        `2026-01-01T10:00:00Z\0` +
        `2026-01-01T10:00:00Z\0Ann\0ann@example.com\0Root commit\n\0`,
    );
    assert.deepStrictEqual([c.parents, c.message, c.files], [[], 'Root commit', 0]);
  });
});
