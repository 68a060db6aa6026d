import * as assert from 'assert';
import { periodOf, quarterDays } from '../../src/core/evidence/quarters';
import { buildBragDocument } from '../../src/core/report/bragDocument';
import { bragDocumentMarkdown } from '../../src/core/report/bragDocumentFormat';
import { DANA, SAM, change, doc } from '../support/reportEvidence';

const PERSON = { emails: [DANA.email], names: [DANA.name], handles: [] };
const Q2 = periodOf(quarterDays(2026, 2));

const entry = (path: string, fields: string, title: string, impact = 'Saved 3 hours a week.') =>
  doc(path, `---\ncareer-kind: brag\ndate: 2026-04-20\n${fields}---\n# ${title}\n\n## Impact\n\n${impact}\n`, 'brag');

describe('report: the brag document', () => {
  const recorded = change('2026-04-10', { title: 'Export invoices', category: 'feature' });
  const open = change('2026-04-11', { title: 'Faster search', category: 'performance' });
  const fix = change('2026-04-12', { title: 'Retry payments', category: 'fix', tags: ['failure-handling'] });
  const adr = doc(
    'docs/decisions/0001-use-queues.md',
    '---\nstatus: accepted\ndate: 2026-04-02\ndecision-makers: [Dana Developer]\n---\n# Use queues\n',
    'decision',
  );
  const journal = {
    root: '/j',
    problems: [],
    documents: [
      entry('brag/2026/a.md', `commit: ${recorded.sha}\nproject: Invoicing\n`, 'Export invoices'),
      entry('brag/2026/b.md', 'source: docs/decisions/0001-use-queues.md\ncategory: design\n', 'Decided on queues', 'Fewer lost jobs.'),
      entry('brag/2026/c.md', 'category: mentoring\nrole: mentor\n', 'Onboarded Kim'),
    ],
  };
  const set = {
    repositories: [
      {
        root: '/r/shop',
        changes: [fix, open, recorded, change('2026-04-13', { author: SAM, helpers: [DANA], title: 'Sam’s fix' })],
        documents: [adr],
        tags: [],
        codeowners: [],
      },
    ],
    journal,
    problems: [],
  };
  const brag = buildBragDocument(set, PERSON, Q2, { gaps: [] });

  it('groups entries by project, shows an entry made from a design document with that document, and files categories in their sections', () => {
    assert.deepStrictEqual(
      brag.projects.map((p) => [p.name, p.lines.map((l) => l.title)]),
      [['Invoicing', ['Export invoices']]],
    );
    const design = brag.sections['Design and architecture'];
    assert.deepStrictEqual(
      design.map((l) => [l.title, l.impact, l.needsNumber, l.receipts.map((r) => r.path)]),
      [['Use queues', 'Fewer lost jobs.', true, ['docs/decisions/0001-use-queues.md', 'brag/2026/b.md']]],
    );
    assert.deepStrictEqual(
      brag.sections['Mentoring and team building'].map((l) => [l.title, l.role]),
      [
        ['Onboarded Kim', 'mentor'],
        ['Helped: Sam’s fix', undefined],
      ],
    );
    assert.deepStrictEqual(
      brag.sections['Operational excellence'].map((l) => l.title),
      ['Retry payments'],
    );
  });

  it('counts a brag entry and the change it records once, and the merged work not yet recorded per category', () => {
    assert.deepStrictEqual(
      brag.projects[0].lines[0].receipts.map((r) => r.kind),
      ['brag', 'merge'],
    );
    assert.deepStrictEqual(
      brag.notRecorded.map((c) => [c.label, c.changes.map((r) => r.title)]),
      [
        ['Fixes', ['Retry payments']],
        ['Performance', ['Faster search']],
      ],
    );
    const md = bragDocumentMarkdown(brag);
    assert.match(md, /2 merged changes not yet recorded/);
    assert.match(md, /\*\*Use queues\*\* \(impact needs a number\)\n {2}Fewer lost jobs\./);
  });

  it('shows a brag entry whose commit added a design document with that document, not beside it', () => {
    const added = change('2026-05-01', { title: 'Add the queue decision', paths: ['docs/decisions/0002-retry.md'] });
    const adr2 = doc(
      'docs/decisions/0002-retry.md',
      '---\nstatus: proposed\ndate: 2026-05-01\ndecision-makers: [Dana Developer]\n---\n# Retry with backoff\n',
      'decision',
    );
    const e = entry('brag/2026/d.md', `commit: ${added.sha}\n`, 'Wrote the retry decision', 'Retries down 30%.');
    const one = buildBragDocument(
      {
        repositories: [{ root: '/r/shop', changes: [added], documents: [adr2], tags: [], codeowners: [] }],
        journal: { root: '/j', problems: [], documents: [e] },
        problems: [],
      },
      PERSON,
      Q2,
      { gaps: [] },
    );
    assert.deepStrictEqual(one.projects, []);
    assert.deepStrictEqual(
      one.sections['Design and architecture'].map((l) => [l.title, l.impact]),
      [['Retry with backoff', 'Retries down 30%.']],
    );
  });
});
