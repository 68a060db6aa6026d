import * as assert from 'assert';
import { readDocument } from '../../src/core/documents/readDocument';
import { describeFilter, groupDocuments, isMine, matchesViewFilter } from '../../src/core/index/viewModel';

const doc = (path: string, text: string) => {
  const r = readDocument({ path, text, kind: 'decision', convention: 'generic' });
  return { item: r.item, details: r.details };
};

const a = doc(
  'docs/decisions/0001-a.md',
  '---\nstatus: accepted\ndate: 2026-08-03\ndecision-makers: [Dana Developer, Kim]\ntags: [search, infra]\n---\n# Cache search\n',
);
const b = doc(
  'docs/decisions/0002-b.md',
  '---\nstatus: proposed\ndate: 2026-02-10\ndeciders: Sam <sam@example.com>\ntags: infra\n---\n# Move to k8s\n',
);
const c = doc('docs/rfcs/0001-c.md', '---\ncareer-kind: rfc\nstatus: draft\n---\n# Queue\n');
const me = { emails: ['dana@example.com'], names: ['Dana Developer'] };

describe('view model: grouping and filters', () => {
  it('groups by kind, quarter (newest first), status (open first) and tag (a document in each of its tags)', () => {
    const label = (by: 'kind' | 'quarter' | 'status' | 'tag') =>
      groupDocuments([a, b, c], by).map((g) => `${g.label}:${g.members.map((m) => m.item.title).join('+')}`);
    assert.deepStrictEqual(label('kind'), ['Decisions:Cache search+Move to k8s', 'RFCs:Queue']);
    assert.deepStrictEqual(label('quarter'), ['2026-Q3:Cache search', '2026-Q1:Move to k8s', 'No date:Queue']);
    assert.deepStrictEqual(label('status'), ['Proposed:Move to k8s', 'Draft:Queue', 'Accepted:Cache search']);
    assert.deepStrictEqual(label('tag'), ['infra:Cache search+Move to k8s', 'search:Cache search', 'Untagged:Queue']);
  });

  it('reads people from decision-makers, deciders (with e-mail) and matches "mine" by name or e-mail', () => {
    assert.ok(isMine(a, me));
    assert.ok(!isMine(b, me));
    assert.ok(isMine(b, { emails: ['SAM@example.com'], names: [] }));
  });

  it('counts a document the user added in git as mine, under any of their addresses', () => {
    const c2 = {
      ...c,
      details: { ...c.details!, added: { name: 'Dana D.', email: 'dana@old-job.example', date: '2025-11-02T10:00:00+01:00' } },
    };
    assert.ok(!isMine(c2, me));
    assert.ok(isMine(c2, { ...me, emails: [...me.emails, 'dana@old-job.example'] }));
    assert.deepStrictEqual(
      groupDocuments([c2], 'quarter').map((g) => g.label),
      ['2025-Q4'],
      'no date in the document: the day git added it',
    );
  });

  it('filters by words over title, tags, status and people, by mine only and by status', () => {
    const titles = (f: Parameters<typeof matchesViewFilter>[1]) =>
      [a, b, c].filter((d) => matchesViewFilter(d, f, me)).map((d) => d.item.title);
    assert.deepStrictEqual(titles({ text: 'infra' }), ['Cache search', 'Move to k8s']);
    assert.deepStrictEqual(titles({ text: 'infra kim' }), ['Cache search']);
    assert.deepStrictEqual(titles({ mineOnly: true }), ['Cache search']);
    assert.deepStrictEqual(titles({ status: 'draft' }), ['Queue']);
    assert.deepStrictEqual(titles({}), ['Cache search', 'Move to k8s', 'Queue']);
    assert.strictEqual(describeFilter({ text: 'infra', mineOnly: true, status: 'accepted' }), '“infra” · mine only · status accepted');
  });
});
