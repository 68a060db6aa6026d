import * as assert from 'assert';
import { DEFAULT_EXPOSURE_RULES, exposureTags, readExposureRules } from '../../src/core/git/exposure';
import { LogCommit } from '../../src/core/git/logFormat';
import { buildSuggestions, isBot, matchesFilter, suggestionRole } from '../../src/core/git/suggestions';
import { quarterDays, quarterOf, readRange } from '../../src/core/evidence/quarters';
import { formatBragList, renderBragEntry } from '../../src/core/journal/bragEntry';
import { suggestion } from '../support/suggestion';

function commit(over: Partial<LogCommit>): LogCommit {
  return {
    sha: 'c'.repeat(40),
    parents: ['p'.repeat(40)],
    authorName: 'Dana',
    authorEmail: 'dana@example.com',
    authorDate: '2026-01-01T10:00:00Z',
    committerDate: '2026-01-01T12:00:00Z',
    committerName: 'Dana',
    committerEmail: 'dana@example.com',
    message: 'Work',
    files: 1,
    paths: ['a.txt'],
    insertions: 1,
    deletions: 0,
    ...over,
  };
}

const ctx = {
  branches: new Map(),
  remote: { provider: 'github' as const, base: 'https://github.com/acme/shop' },
  rules: DEFAULT_EXPOSURE_RULES,
};

describe('buildSuggestions', () => {
  it('cleans the title, links the PR and estimates squash latency', () => {
    const [s] = buildSuggestions([commit({ message: 'perf(search): cache results (#13)\n\nCache between queries.' })], ctx);
    assert.deepStrictEqual(
      [s.kind, s.title, s.category, s.pr?.url, s.reviewLatencyHours, s.latencyEstimated],
      ['squash', 'Cache results', 'performance', 'https://github.com/acme/shop/pull/13', 2, true],
    );
    assert.deepStrictEqual(s.tags, ['performance']);
  });

  it("credits a branch that ends with a bot's fix-up to its most recent human author, and drops the bot", () => {
    const merge = (tipAuthor: { name: string; email: string }, latestHuman: { name: string; email: string } | null) =>
      buildSuggestions(
        [
          commit({
            sha: 'm'.repeat(40),
            parents: ['p'.repeat(40), 'b'.repeat(40)],
            authorName: 'Sam',
            authorEmail: 'sam@example.com',
            message: 'Merge pull request #7 from dana/infra\n\nMove the cluster to eu-west',
          }),
        ],
        {
          ...ctx,
          branches: new Map([
            [
              'm'.repeat(40),
              {
                firstAuthoredAt: '2026-01-01T00:00:00Z',
                tipAuthor,
                latestHuman,
                people: [tipAuthor, { name: 'Kim', email: 'kim@example.com' }, { name: 'Dana', email: 'dana@example.com' }],
              },
            ],
          ]),
        },
      );
    const bot = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };
    const [human] = merge(bot, { name: 'Dana', email: 'dana@example.com' });
    assert.deepStrictEqual([human.author.email, human.coAuthors.map((p) => p.email)], ['dana@example.com', ['kim@example.com']]);
    assert.ok(matchesFilter(human, { authors: ['dana@example.com'] }), 'the human is credited, and the suggestion kept');
    const [botOnly] = merge(bot, null);
    assert.ok(!matchesFilter(botOnly, { authors: 'all' }), 'a branch of bot commits alone is bot work');
  });

  it('uses the merged branch for author, co-authors and exact latency', () => {
    const branches = new Map([
      [
        'm'.repeat(40),
        {
          firstAuthoredAt: '2026-01-01T00:00:00Z',
          tipAuthor: { name: 'Dana', email: 'dana@example.com' },
          people: [
            { name: 'Dana', email: 'dana@example.com' },
            { name: 'Kim', email: 'kim@example.com' },
          ],
        },
      ],
    ]);
    const [s] = buildSuggestions(
      [
        commit({
          sha: 'm'.repeat(40),
          parents: ['p'.repeat(40), 'b'.repeat(40)],
          authorName: 'Sam',
          authorEmail: 'sam@example.com',
          committerDate: '2026-01-03T00:00:00Z',
          message: 'Merge pull request #5 from dana/x\n\nAdd x',
        }),
      ],
      { ...ctx, branches },
    );
    assert.deepStrictEqual(
      [s.author.email, s.coAuthors.map((p) => p.email), s.reviewLatencyHours, s.latencyEstimated],
      ['dana@example.com', ['kim@example.com'], 48, false],
    );
  });

  it('says who landed a change: the committer, else the author of a platform-made merge commit', () => {
    const github = { committerName: 'GitHub', committerEmail: 'noreply@github.com' };
    const landed = (over: Partial<LogCommit>) => buildSuggestions([commit(over)], ctx)[0].mergedBy?.email ?? null;
    const merge = { parents: ['p'.repeat(40), 'b'.repeat(40)], authorName: 'Sam', authorEmail: 'sam@example.com' };
    assert.strictEqual(landed({ ...merge, committerName: 'Lee', committerEmail: 'lee@example.com' }), 'lee@example.com', 'merged locally');
    assert.strictEqual(landed({ ...merge, ...github }), 'sam@example.com', "GitHub's merge button");
    assert.strictEqual(landed({ message: 'Bump hbs (#7152)', ...github }), null, "a platform's squash");
    assert.strictEqual(landed({ committerName: 'Dana', committerEmail: 'dana@example.com' }), 'dana@example.com', 'a direct commit');
    assert.strictEqual(landed({ committerName: 'mergify[bot]', committerEmail: 'x@users.noreply.github.com' }), null, 'a merge bot');
  });

  it('reads Reviewed-by and Acked-by trailers as reviewers, and a rebase series keeps all of them', () => {
    const trailer = (key: string, who: string) => `Part (#7)\n\nBody.\n\n${key}: ${who} <${who.toLowerCase()}@example.com>`;
    const [s] = buildSuggestions(
      [
        commit({ sha: '1'.repeat(40), message: trailer('Reviewed-by', 'Kim') }),
        commit({ sha: '2'.repeat(40), message: trailer('Acked-by', 'Lee') }),
      ],
      ctx,
    );
    assert.deepStrictEqual(
      s.reviewers.map((p) => p.email),
      ['kim@example.com', 'lee@example.com'],
    );
  });

  it('folds consecutive commits of one PR into a rebase series, oldest title first', () => {
    const list = buildSuggestions(
      [
        commit({ sha: '3'.repeat(40), message: 'Part two (#7)', committerDate: '2026-01-03T00:00:00Z', paths: ['b'], insertions: 2 }),
        commit({
          sha: '2'.repeat(40),
          message: 'feat: part one (#7)',
          authorDate: '2026-01-01T00:00:00Z',
          committerDate: '2026-01-02T00:00:00Z',
          paths: ['a'],
        }),
        commit({ sha: '1'.repeat(40), message: 'Before (#6)' }),
      ],
      ctx,
    );
    assert.deepStrictEqual(
      list.map((s) => [s.kind, s.title, s.commits.length]),
      [
        ['rebase', 'Part one', 2],
        ['squash', 'Before', 1],
      ],
    );
    assert.deepStrictEqual([list[0].insertions, list[0].files, list[0].reviewLatencyHours, list[0].category], [3, 2, 48, 'feature']);
    assert.strictEqual(list[0].description, '* Part two\n* Part one');
  });
});

describe('identity filter', () => {
  it('matches author or co-author, case-insensitively, and never bots', () => {
    const s = suggestion({ author: { name: 'Sam', email: 'sam@example.com' }, coAuthors: [{ name: 'Dana', email: 'Dana@Example.com' }] });
    assert.ok(matchesFilter(s, { authors: ['dana@example.com'] }));
    assert.ok(!matchesFilter(s, { authors: ['kim@example.com'] }));
    const bot = suggestion({ author: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' } });
    assert.ok(!matchesFilter(bot, { authors: 'all' }));
    assert.ok(isBot({ name: 'Renovate Bot', email: 'bot@renovateapp.com' }) || isBot({ name: 'renovate[bot]', email: 'x' }));
    assert.ok(!isBot({ name: 'Robert', email: 'bob@example.com' }));
  });
  it("keeps others' work a listed identity merged or reviewed (a bot's dependency update too) only when asked", () => {
    const dana = { name: 'Dana', email: 'dana@example.com' };
    const bot = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };
    const bump = suggestion({ author: bot, mergedBy: { name: 'Dana', email: 'DANA@example.com' } });
    const reviewed = suggestion({ author: { name: 'Sam', email: 'sam@example.com' }, reviewers: [dana] });
    const own = suggestion({ author: dana, mergedBy: { name: 'Lee', email: 'lee@example.com' } });
    const wanted = ['dana@example.com'];
    assert.deepStrictEqual(
      [bump, reviewed, own].map((s) => suggestionRole(s, wanted)),
      ['merged', 'reviewed', 'author'],
    );
    assert.deepStrictEqual(
      [bump, reviewed, own].map((s) => matchesFilter(s, { authors: wanted })),
      [false, false, true],
    );
    assert.deepStrictEqual(
      [bump, reviewed, own].map((s) => matchesFilter(s, { authors: wanted, othersWork: true })),
      [true, true, true],
    );
    // A bot's change nobody is known to have merged stays out, even for every author.
    assert.ok(!matchesFilter(suggestion({ author: bot }), { authors: 'all', othersWork: true }));
    assert.ok(matchesFilter(bump, { authors: 'all', othersWork: true }));
    assert.strictEqual(suggestionRole(suggestion({ author: bot }), [bot.email]), null, "a bot's own work is nobody's role");
  });

  it('bounds by merge day inclusive', () => {
    const s = suggestion({ mergedAt: '2026-03-31T23:30:00-05:00' });
    assert.ok(matchesFilter(s, { authors: 'all', since: '2026-01-01', until: '2026-03-31' }));
    assert.ok(!matchesFilter(s, { authors: 'all', since: '2026-04-01' }));
  });
});

describe('complexity exposure', () => {
  const cases: [string[], string, string[]][] = [
    [['Dockerfile', 'k8s/deploy.yaml'], 'Ship it', ['production']],
    [['.github/workflows/ci.yml'], 'CI', ['production']],
    [['src/metrics/exporter.ts'], 'Export request metrics', ['observability']],
    [['lib/auth/session.js'], 'Fix CVE-2024-1234 in sessions', ['security']],
    [['db/migrations/0042_add_index.sql'], 'Add index', ['data']],
    [['src/client.ts'], 'Retry on timeout with a circuit breaker', ['failure-handling']],
    [['README.md'], 'Typo', []],
  ];
  for (const [paths, text, tags] of cases) {
    it(`${paths.join(', ')} / ${text} → ${tags.join(', ') || 'none'}`, () =>
      assert.deepStrictEqual(exposureTags(DEFAULT_EXPOSURE_RULES, paths, text), tags));
  }

  it('reads .career-evidence/exposure.yml: merged with the defaults, or replacing them', () => {
    const merged = readExposureRules("rules:\n  - tag: payments\n    paths: ['^services/billing/']\n    words: ['\\bstripe\\b']\n");
    assert.deepStrictEqual(merged.problems, []);
    assert.deepStrictEqual(exposureTags(merged.rules, ['services/billing/x.ts', 'Dockerfile'], ''), ['production', 'payments']);
    const replaced = readExposureRules("replaceDefaults: true\nrules:\n  - tag: payments\n    words: ['stripe']\n");
    assert.deepStrictEqual(exposureTags(replaced.rules, ['Dockerfile'], 'Stripe webhooks'), ['payments']);
  });

  it('keeps the defaults and names the problem for an invalid file', () => {
    for (const text of ['rules: [', 'rules: 3', "rules:\n  - paths: ['x']", "rules:\n  - tag: t\n    paths: ['(']"]) {
      const r = readExposureRules(text);
      assert.strictEqual(r.rules.length, DEFAULT_EXPOSURE_RULES.length, text);
      assert.strictEqual(r.problems.length, 1, text);
      assert.match(r.problems[0].message, /built-in rules used/);
    }
  });
});

describe('quarters', () => {
  it('names quarters and ranges', () => {
    assert.deepStrictEqual(quarterDays(2026, 1), { since: '2026-01-01', until: '2026-03-31' });
    assert.deepStrictEqual(quarterDays(2024, 1).until, '2024-03-31');
    assert.deepStrictEqual(readRange('this-quarter', '2026-11-21'), { since: '2026-10-01', until: '2026-12-31' });
    assert.deepStrictEqual(readRange('last-quarter', '2026-02-10'), { since: '2025-10-01', until: '2025-12-31' });
    assert.deepStrictEqual(readRange('2026-Q3', '2026-11-21'), { since: '2026-07-01', until: '2026-09-30' });
    assert.strictEqual(readRange('Q5', '2026-11-21'), null);
    assert.strictEqual(quarterOf('2026-08-15'), '2026-Q3');
  });
});

describe('brag entries', () => {
  it('renders front matter with receipts and a body asking for the impact', () => {
    const e = renderBragEntry(suggestion({ tags: ['performance'] }), 'shop');
    assert.strictEqual(e.path, 'brag/2026/2026-03-05-add-export-to-csv.md');
    assert.strictEqual(
      e.text.split('---\n')[1],
      'career-kind: brag\ncareer-schema: 1\ndate: 2026-03-05\ncategory: feature\nrepo: shop\ncommit: ' +
        'a'.repeat(40) +
        '\npr: https://github.com/acme/shop/pull/12\npr-number: 12\nreview-latency-hours: 98.5\nreview-latency-estimated: false\nexposure:\n  - performance\nsize:\n  files: 2\n  insertions: 2\n  deletions: 0\n',
    );
    assert.ok(e.text.includes('# Add export to CSV\n'));
    assert.ok(e.text.includes('## Impact\n'));
  });

  it('formats a ready-to-paste brag list grouped by category', () => {
    const md = formatBragList(
      [suggestion(), suggestion({ category: 'fix', title: 'Fix rounding', pr: null, reviewLatencyHours: null, sha: 'b'.repeat(40) })],
      'Brag list',
    );
    assert.strictEqual(
      md,
      '# Brag list\n\n## Features\n\n- Add export to CSV — 2026-03-05 · [#12](https://github.com/acme/shop/pull/12) · review 98.5 h\n\n## Fixes\n\n- Fix rounding — 2026-03-05 · `bbbbbbb`\n',
    );
  });
});
