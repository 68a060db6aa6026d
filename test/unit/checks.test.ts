import * as assert from 'assert';
import { CheckedDocument, DocumentChecks, checkDocuments } from '../../src/core/diagnostics/checks';
import { readDocument } from '../../src/core/documents/readDocument';

function doc(path: string, text: string, convention: 'adr-tools' | 'generic' = 'generic'): CheckedDocument {
  const r = readDocument({ path, text, kind: 'decision', convention });
  return { item: r.item, details: r.details };
}

const opts = { today: '2026-11-21', proposedMaxDays: 30 };

describe('checkDocuments', () => {
  it('finds unknown statuses, superseded without successor, missing link targets, bad dates and stale proposals', () => {
    const docs = [
      doc('docs/decisions/0001-a.md', '---\nstatus: on hold\ndate: 2026-11-01\n---\n# A\n'),
      doc('docs/decisions/0002-b.md', '---\nstatus: superseded\ndate: 2026-11-01\n---\n# B\n'),
      doc('docs/decisions/0003-c.md', '---\nstatus: accepted\ndate: last tuesday\namends: [0009-gone.md]\n---\n# C\n'),
      doc('docs/decisions/0004-d.md', '---\nstatus: proposed\ndate: 2026-09-01\n---\n# D\n'),
      doc('docs/decisions/0005-e.md', '---\nstatus: accepted\ndate: 2026-11-01\nrelated: [0001-a.md]\n---\n# E\n'),
    ];
    const findings = checkDocuments(docs, [], opts);
    const badDate = findings.find((f) => f.code === 'bad-date')!;
    assert.deepStrictEqual([badDate.line, badDate.column], [3, 7], 'the bad date is pointed at where it stands');
    assert.deepStrictEqual(
      findings.map((f) => [f.path.split('/').pop(), f.line, f.code]),
      [
        ['0001-a.md', 2, 'unknown-status'],
        ['0002-b.md', 2, 'superseded-without-successor'],
        ['0003-c.md', 3, 'bad-date'],
        ['0003-c.md', 4, 'missing-link-target'],
        ['0004-d.md', 2, 'stale-proposal'],
      ],
    );
    assert.strictEqual(findings[3].data, 'docs/decisions/0009-gone.md');
    assert.match(findings[4].message, /proposed 81 days ago/);
  });

  it('finds a number used twice in one folder, and reports unreadable documents', () => {
    const docs = [
      doc('doc/adr/0002-a.md', '# 2. A\n\n## Status\n\nAccepted\n', 'adr-tools'),
      doc('doc/adr/0002-b.md', '# 2. B\n\n## Status\n\nAccepted\n', 'adr-tools'),
      doc('doc/other/0002-c.md', '# C\n'),
    ];
    const findings = checkDocuments(docs, [{ path: 'doc/adr/0003-x.md', line: 2, message: 'front matter is not valid YAML: x' }], opts);
    assert.deepStrictEqual(
      findings.map((f) => [f.path, f.code, f.severity]),
      [
        ['doc/adr/0002-a.md', 'duplicate-number', 'error'],
        ['doc/adr/0002-b.md', 'duplicate-number', 'error'],
        ['doc/adr/0003-x.md', 'unreadable', 'error'],
      ],
    );
    assert.match(findings[0].message, /number 2 is also used by 0002-b\.md/);
  });

  it('asks brag entries to quantify their result, and does not number dated journal entries', () => {
    const brag = (name: string, impact: string) => {
      const r = readDocument({
        path: `brag/2026/${name}`,
        text: `---\ncareer-kind: brag\ndate: 2026-03-05\n---\n\n# Export\n\n## Impact\n\n${impact}\n`,
        kind: 'brag',
        convention: 'generic',
      });
      return { item: r.item, details: r.details };
    };
    const findings = checkDocuments(
      [brag('2026-03-05-export.md', '{What changed? Give the number.}'), brag('2026-03-06-export.md', 'Finance saved 6 hours a week.')],
      [],
      opts,
    );
    assert.deepStrictEqual(
      findings.map((f) => [f.path, f.code]),
      [['brag/2026/2026-03-05-export.md', 'unquantified-result']],
    );
    assert.strictEqual(brag('2026-03-05-export.md', '').item.id, '2026-03-05-export');
  });

  it('finds nothing wrong in well-kept adr-tools links', () => {
    const docs = [
      doc('doc/adr/0001-a.md', '# 1. A\n\nDate: 2026-01-01\n\n## Status\n\nSuperseded by [2. B](0002-b.md)\n', 'adr-tools'),
      doc('doc/adr/0002-b.md', '# 2. B\n\nDate: 2026-01-02\n\n## Status\n\nAccepted\n\nSupersedes [1. A](0001-a.md)\n', 'adr-tools'),
    ];
    assert.deepStrictEqual(checkDocuments(docs, [], opts), []);
  });
});

describe('DocumentChecks (checking again after edits)', () => {
  const a = doc('doc/adr/0001-a.md', '# 1. A\n\nDate: 2026-01-01\n\n## Status\n\nOn hold\n', 'adr-tools');
  const b = doc('doc/adr/0002-b.md', '# 2. B\n\nDate: 2026-11-01\n\n## Status\n\nProposed\n\nAmends [1. A](0001-a.md)\n', 'adr-tools');
  const c = doc('doc/adr/0003-c.md', '# 3. C\n\nDate: 2026-11-02\n\n## Status\n\nAccepted\n', 'adr-tools');
  const unreadable = [{ path: 'doc/adr/0004-x.md', line: 2, message: 'front matter is not valid YAML: x' }];

  it('gives what a fresh check gives after a document changes, and keeps the findings of the others', () => {
    const checks = new DocumentChecks();
    const first = checks.check([a, b, c], unreadable, opts);
    assert.deepStrictEqual(first, checkDocuments([a, b, c], unreadable, opts));
    // C is renumbered to 2 (a re-read file: new objects): a duplicate number, found across documents.
    const c2 = doc('doc/adr/0002-c.md', '# 2. C\n\nDate: 2026-11-02\n\n## Status\n\nAccepted\n', 'adr-tools');
    checks.forget([c.item.path, c2.item.path]); // what the index's change list says: one removed, one added
    const second = checks.check([a, b, c2], unreadable, opts);
    assert.deepStrictEqual(second, checkDocuments([a, b, c2], unreadable, opts));
    assert.deepStrictEqual(
      second.map((f) => [f.path, f.code]),
      [
        ['doc/adr/0001-a.md', 'unknown-status'],
        ['doc/adr/0002-b.md', 'duplicate-number'],
        ['doc/adr/0002-c.md', 'duplicate-number'],
        ['doc/adr/0004-x.md', 'unreadable'],
      ],
    );
    assert.strictEqual(second[0], first[0], 'the unchanged document was not checked again');
  });

  it('checks a document again once its path is forgotten, and only then', () => {
    const checks = new DocumentChecks();
    assert.deepStrictEqual(
      checks.check([a], [], opts).map((f) => f.code),
      ['unknown-status'],
    );
    const fixed = doc('doc/adr/0001-a.md', '# 1. A\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n', 'adr-tools');
    assert.deepStrictEqual(
      checks.check([fixed], [], opts).map((f) => f.code),
      ['unknown-status'],
      'not forgotten: remembered as it was',
    );
    checks.forget([fixed.item.path]);
    assert.deepStrictEqual(checks.check([fixed], [], opts), []);
  });

  it('still finds a link to a document deleted since, though the linking one did not change', () => {
    const checks = new DocumentChecks();
    assert.deepStrictEqual(
      checks.check([a, b], [], opts).map((f) => f.code),
      ['unknown-status'],
    );
    assert.deepStrictEqual(
      checks.check([b], [], opts).map((f) => [f.path, f.code, f.data]),
      [['doc/adr/0002-b.md', 'missing-link-target', 'doc/adr/0001-a.md']],
    );
  });

  it('checks everything again for other options (a later day makes a proposal stale)', () => {
    const checks = new DocumentChecks();
    const proposed = doc('doc/adr/0005-p.md', '# 5. P\n\nDate: 2026-11-01\n\n## Status\n\nProposed\n', 'adr-tools');
    assert.deepStrictEqual(checks.check([c, proposed], [], opts), []);
    const later = { today: '2027-01-15', proposedMaxDays: 30 };
    assert.deepStrictEqual(
      checks.check([c, proposed], [], later).map((f) => [f.path, f.code]),
      [['doc/adr/0005-p.md', 'stale-proposal']],
    );
  });
});

describe('a date long after the day git added the file', () => {
  it("is reported as a likely typo, where the date stands, with git's day for the quick fix", () => {
    const withAdded = (text: string, added: string) => {
      const d = doc('docs/decisions/0001-a.md', text);
      return {
        item: d.item,
        details: { ...d.details!, added: { name: 'Dana', email: 'dana@example.com', date: `${added}T10:00:00+02:00` } },
      };
    };
    const typo = withAdded('---\nstatus: accepted\ndate: 2026-06-16\n---\n# A\n', '2025-06-18');
    const [f] = checkDocuments([typo], [], opts);
    assert.deepStrictEqual([f.code, f.severity, f.line, f.column, f.data], ['date-after-added', 'info', 3, 7, '2025-06-18']);
    assert.match(f.message, /dated 2026-06-16, 363 days after git added it \(2025-06-18\)/);
    assert.deepStrictEqual(
      checkDocuments([withAdded('---\nstatus: accepted\ndate: 2025-07-10\n---\n# A\n', '2025-06-18')], [], opts),
      [],
      '22 days: fine',
    );
    assert.deepStrictEqual(
      checkDocuments([withAdded('---\nstatus: accepted\ndate: 2024-01-01\n---\n# A\n', '2025-06-18')], [], opts),
      [],
      'earlier: written before it was committed',
    );
  });
});

describe('supersede cycles', () => {
  it('reports each decision of a circle once, at its link, and leaves a chain that ends alone', () => {
    const docs = [
      doc('d/0001-a.md', '---\nstatus: superseded\nsuperseded-by: [0002-b.md]\nsupersedes: [0003-c.md]\n---\n# A\n'),
      doc('d/0002-b.md', '---\nstatus: superseded\nsuperseded-by: [0003-c.md]\n---\n# B\n'),
      doc('d/0003-c.md', '---\nstatus: superseded\n---\n# C\n'),
      doc('d/0004-d.md', '---\nstatus: superseded\nsuperseded-by: [0005-e.md]\n---\n# D\n'),
      doc('d/0005-e.md', '---\nstatus: accepted\nsupersedes: [0004-d.md]\n---\n# E\n'),
      doc('d/0006-self.md', '---\nstatus: superseded\nsuperseded-by: [0006-self.md]\n---\n# Self\n'),
    ];
    const cycles = checkDocuments(docs, [], opts).filter((f) => f.code === 'supersede-cycle');
    assert.deepStrictEqual(
      cycles.map((f) => [f.path.split('/').pop(), f.line]),
      [
        ['0001-a.md', 3],
        ['0002-b.md', 3],
        ['0003-c.md', null], // its part of the circle is written in A (`supersedes`)
        ['0006-self.md', 3],
      ],
    );
    assert.match(cycles[0].message, /0001-a\.md → 0002-b\.md → 0003-c\.md → 0001-a\.md/);
  });

  it('walks a chain of 20,000 supersessions without deep recursion', () => {
    const n = 20_000;
    const docs = Array.from({ length: n }, (_, i) =>
      doc(`d/${i}-x.md`, `---\nstatus: superseded\nsuperseded-by: [${(i + 1) % n}-x.md]\n---\n# X\n`),
    );
    assert.strictEqual(checkDocuments(docs, [], opts).filter((f) => f.code === 'supersede-cycle').length, n);
  });
});
