import * as assert from 'assert';
import { periodOf, quarterDays } from '../../src/core/evidence/quarters';
import { mondayOf } from '../../src/core/evidence/dates';
import { buildDashboard } from '../../src/core/report/dashboard';
import { readDashboardRequest, readDashboardState } from '../../src/core/report/dashboardProtocol';
import { EvidenceSet } from '../../src/core/report/evidenceSet';
import { DANA, change, doc } from '../support/reportEvidence';

const PERSON = { emails: [DANA.email], names: [DANA.name], handles: [] };
const Q2 = periodOf(quarterDays(2026, 2));
const hoursAgo = (day: string, h: number) => new Date(Date.parse(`${day}T12:00:00Z`) - h * 3_600_000).toISOString();

function evidence(): EvidenceSet {
  const changes = [
    change('2026-04-02', { title: 'Fast fix', pr: null, authoredAt: hoursAgo('2026-04-02', 2), reviewLatencyHours: 2, tags: ['security'] }),
    change('2026-04-15', { title: 'Day-long', reviewLatencyHours: 30, tags: ['security', 'data'] }),
    change('2026-05-20', {
      title: 'Slow one',
      reviewLatencyHours: 400,
      pr: { number: 7, provider: 'github', url: 'https://github.com/o/r/pull/7' },
    }),
    change('2026-06-30', { title: 'Unmeasured', reviewLatencyHours: null }),
    change('2026-01-10', { title: 'Last quarter', reviewLatencyHours: 5 }),
  ];
  const decision = doc('docs/adr/0001-use-queues.md', '---\nstatus: accepted\ndate: 2026-05-04\n---\n# Use queues\n', 'decision', {
    ...DANA,
    date: '2026-05-04T10:00:00Z',
  });
  const brag = doc(
    'brag/2026/a.md',
    '---\ncareer-kind: brag\ndate: 2026-05-06\n---\n# Queue rollout\n\n## Impact\n\nFewer lost jobs.\n',
    'brag',
  );
  return {
    repositories: [{ root: '/home/dana/shop', changes, documents: [decision], tags: [], codeowners: [] }],
    journal: { root: '/home/dana/.journal', problems: [], documents: [brag] },
    problems: [],
  };
}

describe('dashboard: the benchmark as the charts draw it, every figure naming its receipts', () => {
  const { dashboard: d, receipts, benchmark } = buildDashboard(evidence(), { person: PERSON, period: Q2 });

  it('five cards with figure, target, gap and a five-quarter trend ending in this quarter', () => {
    assert.deepStrictEqual(
      d.cards.map((c) => c.form),
      ['ownership', 'designArtifacts', 'reviewLatency', 'complexityExposure', 'interviewStories'],
    );
    for (const c of d.cards) {
      assert.strictEqual(c.trend.length, 5);
      assert.strictEqual(c.trend[4]!.label, '2026-Q2');
      assert.strictEqual(c.trend[4]!.value, c.value);
      assert.strictEqual(
        c.gap !== null,
        benchmark.gaps.some((g) => g.form === c.form),
      );
    }
    const latency = d.cards[2]!;
    assert.strictEqual(latency.figure, '30 h');
    assert.strictEqual(latency.lowerIsBetter, true);
    assert.strictEqual(latency.target, 72);
    assert.strictEqual(d.cards[1]!.value, 1, 'the decision');
    assert.strictEqual(d.cards[0]!.trend[3]!.label, '2026-Q1');
    assert.deepStrictEqual(
      d.cards[1]!.receipts.map((id) => receipts[id]!.title),
      ['Use queues'],
    );
  });

  it('latency in buckets that add up to the measured changes, median and p90 marked, slowest first', () => {
    assert.deepStrictEqual(
      d.latency.bins.map((b) => [b.label, b.receipts.map((id) => receipts[id]!.title)]),
      [
        ['< 4 h', ['Fast fix']],
        ['4–24 h', []],
        ['1–3 d', ['Day-long']],
        ['3–7 d', []],
        ['1–2 w', []],
        ['≥ 2 w', ['Slow one']],
      ],
    );
    assert.strictEqual(d.latency.measured, 3);
    assert.strictEqual(d.latency.medianHours, 30);
    assert.strictEqual(d.latency.p90Hours, 400);
    assert.deepStrictEqual(
      d.latency.slowest.map((id) => d.receipts[id]!.title),
      ['Slow one', 'Day-long', 'Fast fix'],
    );
  });

  it('exposure per tag, all six, each with its changes', () => {
    const byTag = Object.fromEntries(d.exposure.map((e) => [e.tag, e.receipts.map((id) => receipts[id]!.title)]));
    assert.deepStrictEqual(byTag.security, ['Day-long', 'Fast fix']);
    assert.deepStrictEqual(byTag.data, ['Day-long']);
    assert.strictEqual(d.exposure.length, 6);
  });

  it('a timeline of Monday-started weeks covering the quarter: merged work, documents, brag entries', () => {
    assert.strictEqual(d.timeline[0]!.week, '2026-03-30', 'the Monday before April 1st');
    assert.ok(d.timeline.at(-1)!.week <= '2026-06-30' && d.timeline.at(-1)!.week > '2026-06-23');
    const titles = (ids: number[]) => ids.map((id) => receipts[id]!.title);
    const week = (day: string) => d.timeline.find((w) => w.week === mondayOf(day))!;
    assert.deepStrictEqual(titles(week('2026-04-02').merged), ['Fast fix']);
    assert.deepStrictEqual(titles(week('2026-05-04').documents), ['Use queues']);
    assert.deepStrictEqual(titles(week('2026-05-06').brag), ['Queue rollout']);
    assert.strictEqual(
      d.timeline.reduce((n, w) => n + w.merged.length, 0),
      4,
      'the quarter’s four merged changes, last quarter’s not',
    );
  });

  it('one id per receipt; what a page is given holds no absolute path, and says what opening does', () => {
    assert.strictEqual(d.receipts.length, receipts.length);
    assert.strictEqual(new Set(receipts.map((r) => `${r.sha}|${r.path}|${r.title}`)).size, receipts.length);
    const json = JSON.stringify(d);
    assert.doesNotMatch(json, /\/home\/dana/);
    const opens = Object.fromEntries(d.receipts.map((r) => [r.title, r.opens]));
    assert.strictEqual(opens['Use queues'], 'document');
    assert.strictEqual(opens['Slow one'], 'link');
    assert.strictEqual(opens['Fast fix'], 'commit');
    assert.strictEqual(d.receipts.find((r) => r.title === 'Slow one')!.url, 'https://github.com/o/r/pull/7');
  });

  it('mondayOf: the week’s Monday, across a month and a year', () => {
    assert.strictEqual(mondayOf('2026-12-01'), '2026-11-30');
    assert.strictEqual(mondayOf('2026-11-30'), '2026-11-30');
    assert.strictEqual(mondayOf('2027-01-03'), '2026-12-28');
  });
});

describe('dashboard messages: what the page may ask, and nothing else', () => {
  it('reads the requests of the protocol', () => {
    assert.deepStrictEqual(readDashboardRequest({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(readDashboardRequest({ type: 'ready', quarter: '2026-Q3' }), { type: 'ready', quarter: '2026-Q3' });
    assert.deepStrictEqual(readDashboardRequest({ type: 'openReceipt', id: 3 }), { type: 'openReceipt', id: 3 });
    assert.deepStrictEqual(readDashboardRequest({ type: 'pickQuarter' }), { type: 'pickQuarter' });
    assert.deepStrictEqual(readDashboardRequest({ type: 'closeGap', form: 'designArtifacts' }), {
      type: 'closeGap',
      form: 'designArtifacts',
    });
    assert.deepStrictEqual(readDashboardRequest({ type: 'rendered', charts: 8 }), { type: 'rendered', charts: 8 });
    assert.deepStrictEqual(readDashboardRequest({ type: 'cspViolation', directive: 'style-src-attr' }), {
      type: 'cspViolation',
      directive: 'style-src-attr',
    });
  });

  it('refuses anything else with a reason: wrong types, paths, commands, extra fields, huge or fractional ids', () => {
    const bad: unknown[] = [
      null,
      'openReceipt',
      [],
      { type: 'open', path: '/etc/passwd' },
      { type: 'openReceipt', id: '3' },
      { type: 'openReceipt', id: -1 },
      { type: 'openReceipt', id: 1.5 },
      { type: 'openReceipt', id: 1e12 },
      { type: 'openReceipt', id: 3, path: '/etc/passwd' },
      { type: 'closeGap', form: 'toString' },
      { type: 'closeGap', form: 'ownership', command: 'workbench.action.terminal.new' },
      { type: 'ready', quarter: '../../x' },
      { type: 'pickQuarter', extra: true },
      { type: 'rendered', charts: -2 },
      { type: 'cspViolation', directive: 'x'.repeat(80) },
      { type: 'runCommand', command: 'careerEvidence.newDesignDoc' },
    ];
    for (const m of bad) assert.ok('invalid' in readDashboardRequest(m), JSON.stringify(m));
  });

  it('keeps a saved state’s quarter only when it is one', () => {
    assert.deepStrictEqual(readDashboardState({ quarter: '2026-Q2' }), { quarter: '2026-Q2' });
    assert.deepStrictEqual(readDashboardState({ quarter: '2026-Q5' }), {});
    assert.deepStrictEqual(readDashboardState(undefined), {});
    assert.deepStrictEqual(readDashboardState('2026-Q2'), {});
  });
});
