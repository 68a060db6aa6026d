import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import { cli } from '../support/cli';
import { SHARED } from '../support/paths';
import { removeDir, tempDir } from '../support/gitRepo';

// Real input from ../shared/corpus. Expected values were established by hand, independently of our
// code: titles/statuses/dates by reading the files, and the PR counts with
//   git log --first-parent --format=%s | grep -c '^Merge pull request #'          → 82
//   git log --first-parent --no-merges --format=%s | grep -cE '\(#[0-9]+\)$'     → 161
//   git log --first-parent --oneline | wc -l                                      → 3888
//   git log --first-parent --no-merges --format='%an %s' | grep -E '\(#[0-9]+\)$' | grep -c '^dependabot\[bot\]' → 46
// Bots never become suggestions, so `suggest` lists 3888 - 46 = 3842.

describe('real corpus', function () {
  this.timeout(120_000);

  it('scan finds every adr-tools ADR with its title, status and date', () => {
    const r = cli(['scan', path.join(SHARED, 'corpus/adr/adr-tools'), '--json']);
    assert.strictEqual(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepStrictEqual(
      json.items.map((i: Record<string, string>) => [i.id, i.title, i.status, i.date, i.format]),
      [
        ['0001', 'Record architecture decisions', 'accepted', '2016-02-12', 'adr-tools'],
        ['0002', 'Implement as shell scripts', 'accepted', '2016-02-12', 'adr-tools'],
        ['0003', 'Single command with subcommands', 'accepted', '2016-02-12', 'adr-tools'],
        ['0004', 'Markdown format', 'accepted', '2016-02-12', 'adr-tools'],
        ['0005', 'Help comments', 'accepted', '2016-02-13', 'adr-tools'],
        ['0006', 'Packaging and distribution in other version control repositories', 'accepted', '2016-02-16', 'adr-tools'],
        ['0007', 'Invoke adr-config executable to get configuration', 'accepted', '2016-12-17', 'adr-tools'],
        ['0008', 'Use ISO 8601 Format for Dates', 'accepted', '2017-02-21', 'adr-tools'],
        ['0009', 'Help scripts', 'accepted', '2018-06-26', 'adr-tools'],
      ],
    );
    assert.deepStrictEqual(json.problems, []);
  });

  it('scan finds every MADR decision (not the template or index) with its title and status', () => {
    const r = cli(['scan', path.join(SHARED, 'corpus/adr/madr'), '--json']);
    assert.strictEqual(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.strictEqual(json.items.length, 19);
    assert.deepStrictEqual(
      json.items.map((i: { id: string }) => i.id),
      Array.from({ length: 19 }, (_, n) => String(n).padStart(4, '0')),
    );
    assert.deepStrictEqual(
      json.items.map((i: { title: string }) => i.title),
      [
        'Use Markdown Architectural Decision Records',
        'Dual License the Work',
        'Do Not Use Numbers in Headings',
        'Write Own MADR Tooling',
        'Write Own TOC Tool',
        'Use Dashes in Filenames',
        'Use Names as Identifier',
        'Do Not Emphasize Line Headings',
        'Add Status Field',
        'Support Links To Other ADRs Inside an ADR',
        'Support Categories',
        'Use Asterisk as List Marker',
        'Use Curly Braces to Denote Placeholders',
        'Use YAML front matter for metadata',
        'Allow "neutral" arguments',
        'Include "Consulted" and "Informed" of RACI',
        'Outcome before Detailed Pros and Cons',
        'Use Same Format for Outcomes and Options',
        'Use "Confirmation" as Heading',
      ],
    );
    // Only 0003 declares a status ("on hold", not a canonical word); none declares a date.
    const withStatus = json.items.filter((i: { statusText: string | null }) => i.statusText !== null);
    assert.deepStrictEqual(
      withStatus.map((i: Record<string, unknown>) => [i.id, i.status, i.statusText]),
      [['0003', null, 'on hold']],
    );
    assert.ok(json.items.every((i: { format: string; date: null }) => i.format === 'madr' && i.date === null));
    assert.deepStrictEqual(json.problems, []);
  });

  describe('express history', () => {
    let repo: string;
    let suggestions: {
      kind: string;
      title: string;
      category: string;
      pr: { number: number; provider: string } | null;
      sha: string;
      author: { email: string };
      files: number;
      insertions: number;
      deletions: number;
    }[];
    before(() => {
      repo = path.join(tempDir('express'), 'express');
      // The bundle's HEAD names a branch it does not contain; its history is on main.
      execFileSync('git', ['clone', '--quiet', '--branch', 'main', path.join(SHARED, 'corpus/express-history.bundle'), repo], {
        stdio: 'ignore',
      });
      const r = cli(['suggest', repo, '--all-authors', '--json']);
      assert.strictEqual(r.code, 0, r.stderr);
      suggestions = JSON.parse(r.stdout).suggestions;
    });
    after(() => removeDir(path.dirname(repo)));

    it("has one suggestion per first-parent commit that is not a bot's (3888 - 46 dependabot = 3842)", () => {
      assert.strictEqual(suggestions.length, 3842);
      assert.ok(suggestions.every((s) => !/dependabot/i.test(s.author.email)));
    });

    it('finds all 82 GitHub merge commits with their PR numbers', () => {
      const merges = suggestions.filter((s) => s.kind === 'merge' && s.pr);
      assert.strictEqual(merges.length, 82);
      assert.ok(merges.every((s) => s.pr!.provider === 'github'));
      const subjects = execFileSync('git', ['log', '--first-parent', '--format=%H %s'], {
        cwd: repo,
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      })
        .split('\n')
        .flatMap((l) => {
          const m = /^([0-9a-f]{40}) Merge pull request #(\d+) /.exec(l);
          return m ? [`${m[1]} ${m[2]}`] : [];
        });
      assert.deepStrictEqual(
        merges.map((s) => `${s.sha} ${s.pr!.number}`),
        subjects,
      );
      const mvc = merges.find((s) => s.pr!.number === 2067)!;
      assert.deepStrictEqual([mvc.title, mvc.files, mvc.insertions, mvc.deletions], ['MVC example: EJS -> Jade.', 12, 50, 54]);
    });

    it('finds all 161 squash merges `Title (#N)` with their numbers: 115 by people, 46 by dependabot (left out)', () => {
      const squashes = suggestions.filter((s) => s.kind === 'squash');
      assert.strictEqual(squashes.length, 115);
      assert.ok(squashes.every((s) => s.pr!.provider === 'github' && !/\(#\d+\)$/.test(s.title)));
      const log = execFileSync('git', ['log', '--first-parent', '--no-merges', '--format=%H %an%x09%s'], {
        cwd: repo,
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      }).split('\n');
      const expected = log.flatMap((l) => {
        const m = /^([0-9a-f]{40}) (.*)\t.*\(#(\d+)\)$/.exec(l);
        return m && m[2] !== 'dependabot[bot]' ? [`${m[1]} ${m[3]}`] : [];
      });
      assert.deepStrictEqual(
        squashes.map((s) => `${s.sha} ${s.pr!.number}`),
        expected,
      );
      const withBots = JSON.parse(cli(['suggest', repo, '--author', 'support@github.com', '--json']).stdout).suggestions;
      assert.deepStrictEqual(withBots, [], 'no bot work, even when asked for by address');
    });

    it('reads conventional-commit prefixes as categories and removes them from titles', () => {
      const byPr = (n: number) => suggestions.find((x) => x.pr?.number === n)!;
      // feat: allow conditional revalidation for QUERY requests (#7366)
      assert.deepStrictEqual([byPr(7366).title, byPr(7366).category], ['Allow conditional revalidation for QUERY requests', 'feature']);
      // fix(res.send): add Content-Length header only if Transfer-Encoding is not present (#4893)
      assert.deepStrictEqual(
        [byPr(4893).title, byPr(4893).category],
        ['Add Content-Length header only if Transfer-Encoding is not present', 'fix'],
      );
      // docs: use the new logo (#7316)
      assert.deepStrictEqual([byPr(7316).title, byPr(7316).category], ['Use the new logo', 'docs']);
    });

    it('keeps the other 300 merges as plain merges and the rest as commits', () => {
      assert.strictEqual(suggestions.filter((s) => s.kind === 'merge' && !s.pr).length, 300);
      assert.strictEqual(suggestions.filter((s) => s.kind === 'commit').length, 3888 - 82 - 300 - 161);
    });

    // The benchmark for the contributor with the most first-parent changes in 2014-Q2, with git as
    // the oracle: the counts below come from `git log` runs here, not from our code.
    it('report benchmark for 2014-Q2: merged changes and releases as git counts them, every receipt resolving', () => {
      const git = (args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 64 << 20 });
      const inQ2 = (out: string) => out.split('\n').filter((d) => d >= '2014-04-01' && d <= '2014-06-30');
      const days = ['log', '--first-parent', '--date=format:%Y-%m-%d', '--format=%cd'];
      const authors = git([...days.slice(0, -1), '--format=%cd %aE', 'main'])
        .split('\n')
        .filter((l) => l.slice(0, 10) >= '2014-04-01' && l.slice(0, 10) <= '2014-06-30')
        .map((l) => l.slice(11));
      const counts = new Map<string, number>();
      for (const a of authors) counts.set(a, (counts.get(a) ?? 0) + 1);
      const [who] = [...counts].sort((a, b) => b[1] - a[1])[0];
      const release = ['-E', '--grep=^[0-9]+\\.[0-9]+\\.[0-9]+$'];
      const commits = inQ2(git([...days, '--no-merges', `--author=${who}`, '--invert-grep', ...release, 'main'])).length;
      const merges = inQ2(
        git([...days, '--merges', `--author=${who}`, '--invert-grep', '-E', '--grep=^Merge (tag|branch) ', 'main']),
      ).length;
      const releases = inQ2(git([...days, '--no-merges', `--author=${who}`, ...release, 'main'])).length;

      const home = tempDir('express-home');
      try {
        const r = cli(
          ['report', 'benchmark', repo, '--range', '2014-Q2', '--author', who, '--journal', path.join(home, 'journal'), '--json'],
          home,
          {
            HOME: home,
            GIT_CONFIG_NOSYSTEM: '1',
          },
        );
        assert.strictEqual(r.code, 0, r.stderr);
        const b = JSON.parse(r.stdout);
        assert.deepStrictEqual(b.authors, [who]);
        assert.strictEqual(b.forms.reviewLatency.count, commits + merges, `${commits} commits + ${merges} merges`);
        const nonFollowUps = b.forms.ownership.items.filter((i: { kind: string }) => i.kind !== 'followup');
        assert.strictEqual(nonFollowUps.length, releases, 'each release the contributor cut is an ownership event');
        for (const form of Object.values(b.forms) as { count: number; items: { sha?: string }[] }[]) {
          assert.strictEqual(form.count, form.items.length);
          for (const i of form.items) if (i.sha) git(['cat-file', '-e', `${i.sha}^{commit}`]);
        }
      } finally {
        removeDir(home);
      }
    });
  });
});
