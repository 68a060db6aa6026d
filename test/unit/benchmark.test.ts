import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { STAR_PLACEHOLDERS } from '../../src/core/journal/story';
import { periodOf, quarterDays } from '../../src/core/evidence/quarters';
import { Suggestion } from '../../src/core/git/suggestions';
import { Benchmark, buildBenchmark } from '../../src/core/report/benchmark';
import { EvidenceSet, RepositoryEvidence } from '../../src/core/report/evidenceSet';
import { maintenanceKind } from '../../src/core/report/maintenance';
import { hasMeasurableNumber } from '../../src/core/report/measurable';
import { median, nearestRank } from '../../src/core/report/stats';
import { suggestion } from '../support/suggestion';
import { BOT, DANA, SAM, change, doc } from '../support/reportEvidence';

const PERSON = { emails: [DANA.email], names: [DANA.name], handles: ['dana'] };
const Q2 = periodOf(quarterDays(2026, 2));

function repo(over: Partial<RepositoryEvidence>): RepositoryEvidence {
  return { root: '/r/shop', changes: [], documents: [], tags: [], codeowners: [], ...over };
}

function bench(set: Partial<EvidenceSet>): Benchmark {
  return buildBenchmark({ repositories: [], journal: null, problems: [], ...set }, { person: PERSON, period: Q2 });
}

describe('report: numbers that measure', () => {
  const cases: [string, boolean][] = [
    ['p99 from 800 ms to 200 ms', true],
    ['onboarded 3 hires', true],
    ['cut costs by 40%', true],
    ['1.5× faster', true],
    ['shipped on 2026-03-05', false],
    ['released v2.3.1 in 2026-Q3', false],
    ['landed in Q3 2026, see #123', false],
    ['{What changed? Give the number}', false],
    ['done by 10:30 on March 5, 2026', false],
    ['1. Faster builds', false],
  ];
  for (const [text, expected] of cases)
    it(`${JSON.stringify(text)} → ${expected}`, () => assert.strictEqual(hasMeasurableNumber(text), expected));
});

describe('report: statistics', () => {
  it('median is the middle value, or the mean of the two middle ones; p90 is nearest-rank', () => {
    assert.strictEqual(median([5, 1, 3]), 3);
    assert.strictEqual(median([4, 1, 3, 2]), 2.5);
    assert.strictEqual(median([]), null);
    assert.strictEqual(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9);
    assert.strictEqual(nearestRank([7], 90), 7);
    assert.strictEqual(nearestRank([], 90), null);
  });
});

describe('report: upkeep is not work of its own', () => {
  const cases: [Partial<Suggestion>, string | null][] = [
    [{ kind: 'merge', pr: null, title: "Merge branch 'main' into feature/x" }, 'sync'],
    [{ kind: 'merge', pr: null, title: "Merge remote-tracking branch 'origin/5.0'" }, 'sync'],
    [{ title: 'Release 1.4.0' }, 'release'],
    [{ title: '4.17.1' }, 'release'],
    [{ title: 'Bump version to 2.0.0' }, 'version-bump'],
    [{ title: 'Bump hbs from 4.2.0 to 4.2.1' }, null],
    [{ title: 'Release notes for the billing service' }, null],
    [{ kind: 'merge', title: 'Merge branch x' }, null], // a pull request (the default has one) is work
  ];
  for (const [over, kind] of cases) it(`${over.title} → ${kind}`, () => assert.strictEqual(maintenanceKind(suggestion(over)), kind));
});

describe('report: the quarterly evidence benchmark', () => {
  it('counts review latency over the period: median, nearest-rank p90, estimated, slowest first; upkeep and bots left out', () => {
    const hours = [10, 20, 30, 40, 200];
    const changes = [
      ...hours.map((h, i) => change(`2026-04-1${i}`, { reviewLatencyHours: h, latencyEstimated: i === 0, title: `Work ${h}` })),
      change('2026-05-01', { kind: 'commit', reviewLatencyHours: null, title: 'Direct commit' }),
      change('2026-05-02', { title: 'Release 2.0.0' }),
      change('2026-05-03', { author: BOT, title: 'Bump hbs' }),
      change('2026-03-31', { title: 'Last quarter' }),
    ];
    const b = bench({ repositories: [repo({ changes })] });
    const rl = b.forms.reviewLatency;
    assert.strictEqual(rl.count, 6);
    assert.strictEqual(rl.count, rl.items.length);
    assert.deepStrictEqual([rl.medianHours, rl.p90Hours, rl.estimated], [30, 200, 1]);
    assert.deepStrictEqual(
      rl.items.map((r) => r.title),
      ['Work 200', 'Work 40', 'Work 30', 'Work 20', 'Work 10', 'Direct commit'],
    );
  });

  it('counts a commit reached from two repositories once', () => {
    const shared = change('2026-04-02');
    const b = bench({ repositories: [repo({ changes: [shared] }), repo({ root: '/r/fork', changes: [shared] })] });
    assert.strictEqual(b.forms.reviewLatency.count, 1);
  });

  it('counts exposure per tag and names the tags never touched', () => {
    const b = bench({
      repositories: [
        repo({
          changes: [
            change('2026-04-02', { tags: ['security', 'data'] }),
            change('2026-04-03', { tags: ['security'] }),
            change('2026-04-04'),
          ],
        }),
      ],
    });
    const ce = b.forms.complexityExposure;
    assert.strictEqual(ce.count, 2);
    assert.deepStrictEqual([ce.byTag.security, ce.byTag.data, ce.byTag.production], [2, 1, 0]);
    assert.deepStrictEqual(ce.untouched, ['production', 'observability', 'performance', 'failure-handling']);
    assert.ok(b.gaps.some((g) => g.form === 'complexityExposure' && /2 exposure areas .*target 3/.test(g.message)));
  });

  it('credits design artifacts to git’s author or the decision makers, in the quarter of their own date, else of the day git added them', () => {
    const mine = doc('docs/decisions/0001-a.md', '---\nstatus: proposed\ndate: 2026-05-01\n---\n# A\n', 'decision', {
      ...SAM,
      date: '2026-01-01T10:00:00Z',
    });
    const decided = doc(
      'docs/decisions/0002-b.md',
      '---\nstatus: rejected\ndate: 2026-05-02\ndecision-makers: [Dana Developer]\n---\n# B\n',
      'decision',
    );
    const added = doc('docs/rfcs/0003-c.md', '# C\n', 'rfc', { ...DANA, date: '2026-06-30T23:00:00+02:00' });
    const theirs = doc('docs/decisions/0004-d.md', '---\nstatus: accepted\ndate: 2026-05-03\n---\n# D\n', 'decision', {
      ...SAM,
      date: '2026-05-03T10:00:00Z',
    });
    const earlier = doc('docs/decisions/0005-e.md', '---\ndate: 2026-03-01\n---\n# E\n', 'decision', {
      ...DANA,
      date: '2026-03-01T10:00:00Z',
    });
    const b = bench({ repositories: [repo({ documents: [mine, decided, added, theirs, earlier] })] });
    const da = b.forms.designArtifacts;
    assert.deepStrictEqual(
      da.items.map((r) => r.title),
      ['C', 'B'],
      'A is Sam’s (git) without Dana among its people; D is Sam’s; E is last quarter',
    );
    assert.deepStrictEqual(da.byKind, { rfc: 1, decision: 1 });
    assert.strictEqual(b.trend[3].designArtifacts, 1, 'E counts in 2026-Q1');
  });

  it('finds ownership events: marked journal entries, owned postmortems, tags, releases, CODEOWNERS lines and follow-ups', () => {
    const journal = {
      root: '/home/dana/journal',
      problems: [],
      documents: [
        doc('brag/2026/2026-04-03-led.md', '---\ncareer-kind: brag\ndate: 2026-04-03\nrole: lead\n---\n# Led the migration\n', 'brag'),
        doc('brag/2026/2026-04-04-helped.md', '---\ncareer-kind: brag\ndate: 2026-04-04\n---\n# Helped\n', 'brag'),
      ],
    };
    const pm = doc(
      'docs/postmortems/2026-04-05-outage.md',
      '---\ndate: 2026-04-05\nincident-commander: "@dana"\n---\n# Outage\n',
      'postmortem',
    );
    const first = change('2026-04-10', { paths: ['src/billing.ts', 'src/a.ts'], title: 'Billing v2' });
    const follow = change('2026-04-20', { paths: ['src/billing.ts'], title: 'Fix rounding' });
    const tooLate = change('2026-05-30', { paths: ['src/billing.ts'], title: 'Much later' });
    const release = change('2026-04-25', { title: 'Release 3.1.0' });
    const b = bench({
      journal,
      repositories: [
        repo({
          changes: [tooLate, release, follow, first],
          documents: [pm],
          tags: [
            { name: 'v3.1.0', sha: release.sha, tagger: { ...DANA, date: '2026-04-25T10:00:00Z' } },
            { name: 'v3.0.0', sha: first.sha, tagger: null },
          ],
          codeowners: [
            { sha: 'c'.repeat(40), date: '2026-04-26T10:00:00Z', path: '.github/CODEOWNERS', line: '/billing/ @dana @acme/payments' },
            { sha: 'd'.repeat(40), date: '2026-04-27T10:00:00Z', path: '.github/CODEOWNERS', line: '/search/ @sam' },
          ],
        }),
      ],
    });
    const own = b.forms.ownership;
    assert.deepStrictEqual(
      own.items.map((r) => [r.kind, r.title]),
      [
        ['codeowners', 'CODEOWNERS: /billing/ @dana @acme/payments'],
        ['tag', 'Tagged v3.1.0'],
        ['followup', 'Stayed with “Billing v2”: Fix rounding'],
        ['document', 'Outage'],
        ['brag', 'Led the migration'],
      ],
    );
    assert.strictEqual(own.count, own.items.length);
  });

  it('reads STAR stories as ready or incomplete, accumulating up to the period’s end', () => {
    const ready =
      '---\ncareer-kind: star\ndate: 2026-01-10\n---\n# Cut deploys\n\n## Situation\n\nDeploys took an hour.\n\n## Task\n\nMake them fast.\n\n## Action\n\nI parallelised the pipeline.\n\n## Result\n\nDeploys take 12 minutes.\n';
    const snippet =
      '---\ncareer-kind: star\ndate: 2026-04-10\n---\n## Story\n\n**Situation:** context, scale, constraints\n\n**Task:** Own the search.\n\n**Action:** Rewrote the indexer.\n\n**Result:** Shipped in 2026-Q2.\n';
    const future = '---\ncareer-kind: star\ndate: 2026-07-10\n---\n# Later\n';
    const journal = {
      root: '/j',
      problems: [],
      documents: [doc('stories/a.md', ready, 'star'), doc('stories/b.md', snippet, 'star'), doc('stories/c.md', future, 'star')],
    };
    const s = bench({ journal }).forms.interviewStories;
    assert.deepStrictEqual([s.count, s.ready, s.incomplete], [2, 1, 1]);
    assert.deepStrictEqual(s.items.find((r) => r.path === 'stories/b.md')?.missing, ['situation', 'a number in the result']);
  });

  it('counts glue work: merges for others (a bot’s too), review and help trailers, co-authored and documentation work', () => {
    const changes = [
      change('2026-04-02', { author: BOT, mergedBy: DANA, title: 'Bump hbs' }),
      change('2026-04-03', { author: SAM, reviewers: [DANA], title: 'Sam’s feature' }),
      change('2026-04-04', { author: SAM, helpers: [DANA], title: 'Sam’s fix' }),
      change('2026-04-05', { coAuthors: [SAM], title: 'Pairing' }),
      change('2026-04-06', { paths: ['docs/runbooks/deploy.md'], title: 'Runbook' }),
      change('2026-04-07', { author: SAM, title: 'Not Dana’s' }),
    ];
    const g = bench({ repositories: [repo({ changes })] }).glue;
    assert.deepStrictEqual([g.mergesForOthers, g.reviewTrailers, g.coAuthored, g.documentation, g.count], [1, 2, 1, 1, 5]);
  });

  it('counts the reviews given on the hosting service (fetched with consent) as glue work, a pull request once', () => {
    const reviewedByTrailer = change('2026-04-03', {
      author: SAM,
      reviewers: [DANA],
      title: 'Sam’s feature',
      pr: { number: 31, provider: 'github', url: null },
    });
    const reviewsGiven = [
      { number: 31, title: 'Sam’s feature', mergedAt: '2026-04-03T10:00:00Z', url: null, author: 'sam' },
      {
        number: 32,
        title: 'Lee’s migration',
        mergedAt: '2026-05-01T10:00:00Z',
        url: 'https://github.com/acme/shop/pull/32',
        author: 'lee',
      },
      { number: 33, title: 'Last quarter', mergedAt: '2026-03-30T10:00:00Z', url: null, author: 'lee' },
    ];
    const g = bench({ repositories: [repo({ changes: [reviewedByTrailer], reviewsGiven })] }).glue;
    assert.deepStrictEqual([g.reviewTrailers, g.reviewsGiven, g.count], [1, 1, 2]);
    const given = g.items.find((r) => r.role === 'review-given')!;
    assert.deepStrictEqual(
      [given.title, given.pr, given.url, given.kind],
      ['Lee’s migration', 32, 'https://github.com/acme/shop/pull/32', 'review'],
    );
  });

  it('names every form of an empty period as a gap, with an action; trends four quarters, oldest first', () => {
    const b = bench({});
    assert.deepStrictEqual(
      b.gaps.map((g) => g.form),
      ['ownership', 'designArtifacts', 'reviewLatency', 'complexityExposure', 'interviewStories'],
    );
    for (const g of b.gaps) assert.match(g.action.command, /^careerEvidence\./);
    assert.deepStrictEqual(
      b.trend.map((t) => t.label),
      ['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1'],
    );
    for (const form of Object.values(b.forms)) assert.strictEqual(form.count, form.items.length);
  });

  it('honours targets: a median above the target is a gap, one at the target is not', () => {
    const changes = [change('2026-04-02', { reviewLatencyHours: 80 })];
    const at = buildBenchmark(
      { repositories: [repo({ changes })], journal: null, problems: [] },
      { person: PERSON, period: Q2, targets: { reviewLatencyMedianHours: 80 } },
    );
    assert.ok(!at.gaps.some((g) => g.form === 'reviewLatency'));
    assert.ok(
      bench({ repositories: [repo({ changes })] }).gaps.some((g) => g.form === 'reviewLatency' && /80 h is above 72 h/.test(g.message)),
    );
  });

  it('lists other addresses that commit under the person’s name, most commits first, never bots', () => {
    const other = { name: 'Dana Developer', email: 'dana@old-laptop.local' };
    const changes = [
      change('2026-04-02'),
      change('2026-04-03', { author: other }),
      change('2025-01-03', { author: other }),
      change('2026-04-04', { author: SAM }),
    ];
    assert.deepStrictEqual(bench({ repositories: [repo({ changes })] }).otherIdentities, [{ ...other, commits: 2 }]);
  });
});

describe('report: the STAR placeholders', () => {
  it('are the default texts of the STAR story snippet, so a story left as the snippet wrote it is incomplete', () => {
    const snippets = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'snippets', 'markdown.json'), 'utf8')) as Record<
      string,
      { body: string[] }
    >;
    const defaults = snippets['STAR story'].body.flatMap((l) => [...l.matchAll(/^\*\*\w+:\*\* \$\{\d+:([^}]*)\}/g)].map((m) => m[1]));
    assert.strictEqual(defaults.length, 4);
    assert.deepStrictEqual(defaults, [...STAR_PLACEHOLDERS]);
  });
});
