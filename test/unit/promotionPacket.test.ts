import * as assert from 'assert';
import { periodOf, quarterDays } from '../../src/core/evidence/quarters';
import { Suggestion } from '../../src/core/git/suggestions';
import { buildBenchmark } from '../../src/core/report/benchmark';
import { LEVEL_DIMENSIONS, buildPromotionPacket } from '../../src/core/report/promotionPacket';
import { promotionPacketMarkdown } from '../../src/core/report/promotionPacketFormat';
import { DANA, SAM, change as reportChange, doc } from '../support/reportEvidence';

const PERSON = { emails: [DANA.email], names: [DANA.name], handles: [] };
const Q2 = periodOf(quarterDays(2026, 2));
let pr = 0;
/** A change with a pull request of its own: changes of different PRs are different projects. */
const change = (day: string, over: Partial<Suggestion> = {}) =>
  reportChange(day, { pr: { number: ++pr, provider: 'github', url: null }, ...over });

describe('report: the promotion packet', () => {
  const queue = change('2026-04-10', {
    title: 'Add the job queue',
    paths: ['docs/decisions/0001-use-queues.md', 'src/queue.ts'],
    insertions: 400,
    tags: ['failure-handling'],
    reviewers: [SAM],
  });
  const worker = change('2026-04-12', { title: 'Queue worker', paths: ['src/worker.ts'], insertions: 200, tags: ['performance'] });
  const tiny = change('2026-04-13', { title: 'Fix a typo', paths: ['README.md'], insertions: 1 });
  const adr = doc(
    'docs/decisions/0001-use-queues.md',
    '---\nstatus: accepted\ndate: 2026-04-02\ndecision-makers: [Dana Developer, Sam Colleague]\n---\n# Use queues\n',
    'decision',
  );
  const entry = doc(
    'brag/2026/w.md',
    `---\ncareer-kind: brag\ndate: 2026-04-20\nproject: Job queue\ncommit: ${worker.sha}\nsource: docs/decisions/0001-use-queues.md\n---\n# Worker\n\n## Impact\n\nLost jobs from 40 a week to 0.\n`,
    'brag',
  );
  const set = {
    repositories: [{ root: '/r/shop', changes: [tiny, worker, queue], documents: [adr], tags: [], codeowners: [] }],
    journal: { root: '/j', documents: [entry], problems: [] },
    problems: [],
  };
  const benchmark = buildBenchmark(set, { person: PERSON, period: Q2 });
  const packet = buildPromotionPacket(set, PERSON, Q2, benchmark, { current: 'Senior', target: 'Staff' });

  it('makes one project of the entry’s project, its design document and the changes that touch it, scored first', () => {
    assert.deepStrictEqual(
      packet.projects.map((p) => p.name),
      ['Job queue', 'Fix a typo'],
    );
    const p = packet.projects[0];
    assert.deepStrictEqual(p.tags, ['failure-handling', 'performance']);
    assert.deepStrictEqual(p.scoreParts, { size: 9.2, exposure: 4, documents: 3, repositories: 0, people: 1 });
    assert.strictEqual(p.score, 17.2);
    assert.deepStrictEqual(p.impact, ['Lost jobs from 40 a week to 0.']);
    assert.deepStrictEqual(
      p.receipts.map((r) => r.kind),
      ['brag', 'document', 'merge', 'merge'],
    );
  });

  it('lists every level dimension with its evidence, and the gaps as growth areas', () => {
    assert.deepStrictEqual(
      packet.dimensions.map((d) => d.dimension),
      [...LEVEL_DIMENSIONS],
    );
    assert.ok(packet.growthAreas.some((g) => g.form === 'interviewStories'));
    const md = promotionPacketMarkdown(packet);
    assert.match(md, /- Current level: Senior\n- Target level: Staff/);
    assert.match(md, /### Job queue\n\nScore 17\.2: size 9\.2, exposure 4, design documents 3, repositories 0, people 1\./);
  });
});
