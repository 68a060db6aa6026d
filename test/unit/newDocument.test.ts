import * as assert from 'assert';
import { planNewDocument, NewDocumentRequest } from '../../src/core/documents/newDocument';
import { readDocument } from '../../src/core/documents/readDocument';

const base: NewDocumentRequest = {
  kind: 'decision',
  title: 'Use PostgreSQL',
  folder: null,
  existingNames: [],
  existingFormat: null,
  date: '2026-11-21',
  author: 'Dana Developer',
  attempt: 0,
};

describe('planNewDocument', () => {
  it('writes a MADR 4 ADR into docs/decisions when the repository has no convention', () => {
    const plan = planNewDocument(base);
    assert.strictEqual(plan.path, 'docs/decisions/0001-use-postgresql.md');
    assert.strictEqual(plan.format, 'madr');
    assert.match(plan.text, /^---\nstatus: proposed\ndate: 2026-11-21\ndecision-makers: Dana Developer\n---\n\n# Use PostgreSQL\n/);
    for (const heading of [
      'Context and Problem Statement',
      'Decision Drivers',
      'Considered Options',
      'Decision Outcome',
      'Consequences',
      'Confirmation',
      'Pros and Cons of the Options',
    ]) {
      assert.ok(plan.text.includes(`## ${heading}`) || plan.text.includes(`### ${heading}`), heading);
    }
  });

  it('follows an adr-tools folder: next number, `# N. Title`, Date line, Status section', () => {
    const plan = planNewDocument({
      ...base,
      folder: { path: 'doc/adr', kind: 'decision', convention: 'adr-tools', source: 'default' },
      existingNames: ['0001-record-architecture-decisions.md', '0002-x.md'],
    });
    assert.strictEqual(plan.path, 'doc/adr/0003-use-postgresql.md');
    assert.strictEqual(plan.number, 3);
    assert.match(plan.text, /^# 3\. Use PostgreSQL\n\nDate: 2026-11-21\n\n## Status\n\nProposed\n/);
    // What we write, we read back the same way.
    const { item, problems } = readDocument({ path: plan.path, text: plan.text, kind: 'decision', convention: 'adr-tools' });
    assert.deepStrictEqual(
      [item.format, item.title, item.status, item.date, problems.length],
      ['adr-tools', 'Use PostgreSQL', 'proposed', '2026-11-21', 0],
    );
  });

  it('takes the next number again after losing a race (attempt 1)', () => {
    const plan = planNewDocument({ ...base, existingNames: ['0004-a.md'], attempt: 1 });
    assert.strictEqual(plan.fileName, '0006-use-postgresql.md');
  });

  it('names log4brains documents by date and avoids an existing name', () => {
    const plan = planNewDocument({
      ...base,
      folder: { path: 'docs/adr', kind: 'decision', convention: 'log4brains', source: '.log4brains.yml' },
      existingNames: ['20261121-use-postgresql.md'],
    });
    assert.strictEqual(plan.fileName, '20261121-use-postgresql-2.md');
    assert.strictEqual(plan.number, null);
    const { item } = readDocument({ path: plan.path, text: plan.text, kind: 'decision', convention: 'log4brains' });
    assert.deepStrictEqual([item.format, item.status, item.date], ['log4brains', 'proposed', '2026-11-21']);
  });

  it('writes RFCs and tradeoff notes in our own format, read back with their kind', () => {
    for (const kind of ['rfc', 'tradeoff'] as const) {
      const plan = planNewDocument({ ...base, kind, title: 'Queue the search index' });
      assert.strictEqual(plan.path, `docs/${kind === 'rfc' ? 'rfcs' : 'tradeoffs'}/0001-queue-the-search-index.md`);
      const { item, problems } = readDocument({ path: plan.path, text: plan.text, kind: 'decision', convention: 'generic' });
      assert.deepStrictEqual([item.kind, item.format, item.title, problems.length], [kind, 'career-evidence', 'Queue the search index', 0]);
    }
  });

  it('keeps a hostile title inside the folder and quotes it safely in the heading', () => {
    const plan = planNewDocument({ ...base, title: '../../etc/passwd\u0000: "x"' });
    assert.strictEqual(plan.path, 'docs/decisions/0001-etc-passwd-x.md');
    assert.ok(plan.text.includes('# ../../etc/passwd : "x"\n'));
  });
});
