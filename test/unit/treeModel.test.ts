import * as assert from 'assert';
import { GroupRow, TreeRow } from '../../src/vscode/evidenceView/rowsModel';
import { EXPANDED_GROUP_MAX, EvidenceTreeModel, SuggestionsView, ViewSettings } from '../../src/vscode/evidenceView/treeModel';
import { english } from '../../src/vscode/shared/translate';
import { suggestion } from '../support/suggestion';
import { FakeIndex, adr } from './support/fakeIndex';

const view = (over: Partial<ViewSettings> = {}): ViewSettings => ({ groupBy: 'kind', filter: {}, me: { emails: [], names: [] }, ...over });
const inRepo = () => true;
const shown = (rows: readonly TreeRow[]) => rows.map((r) => `${r.label}${r.description ? ` [${r.description}]` : ''}`);

function model(index: FakeIndex, settings = view(), repo: (root: string) => boolean = inRepo): EvidenceTreeModel {
  const m = new EvidenceTreeModel(english, repo);
  m.setView(settings);
  m.apply(index.scan());
  return m;
}

function group(m: EvidenceTreeModel, label: string): GroupRow {
  const g = m.roots().find((r): r is GroupRow => r.type === 'group' && r.label === label);
  assert.ok(g, `no group ${label} in ${shown(m.roots()).join(', ')}`);
  return g;
}

describe('Evidence view rows (EvidenceTreeModel, plain Node)', () => {
  it('groups documents by kind with their counts, then Suggestions; nothing at all for an empty workspace', () => {
    const two = new FakeIndex();
    two.folder('shop', {
      'docs/decisions/0001-a.md': adr('Use PostgreSQL', 'accepted'),
      'docs/decisions/0002-b.md': adr('Cache search', 'proposed'),
    });
    const m2 = model(two);
    assert.deepStrictEqual(shown(m2.roots()), ['Benchmark', 'Decisions [2]', 'Suggestions']);
    assert.deepStrictEqual(shown(m2.children(group(m2, 'Decisions'), [])), [
      'Use PostgreSQL [accepted · 2026-02-03]',
      'Cache search [proposed · 2026-02-03]',
    ]);
    assert.deepStrictEqual(model(new FakeIndex()).roots(), [], 'no folder: no rows, so the welcome content shows');
    assert.deepStrictEqual(
      shown(model(two, view(), () => false).roots()),
      ['Decisions [2]'],
      'outside a repository there are no Suggestions',
    );
  });

  it('gives rows stable ids, icons, menus and collapsible states', () => {
    const index = new FakeIndex();
    index.folder('shop', {
      'docs/decisions/0001-a.md': adr('Old', 'superseded', '2026-01-01', 'superseded-by: [0002-b.md]\n'),
      'docs/decisions/0002-b.md': adr('New', 'accepted'),
    });
    const m = model(index);
    const decisions = group(m, 'Decisions');
    assert.deepStrictEqual([decisions.id, decisions.collapsible, decisions.contextValue], ['group:decision', 'expanded', 'group']);
    const [old, next] = m.children(decisions, []);
    assert.strictEqual(old.id, 'doc:decision:file:///ws/shop:docs/decisions/0001-a.md');
    assert.deepStrictEqual(
      [old.icon, old.contextValue, old.collapsible, next.collapsible],
      ['law', 'document.decision', 'collapsed', 'none'],
    );
    const [link] = m.children(old, []);
    assert.deepStrictEqual([link.type, link.label, link.description, link.icon], ['link', 'New', 'superseded by', 'arrow-right']);
    assert.strictEqual(m.parent(link), old, "reveal finds a link row's parent");
    assert.strictEqual(m.parent(old), decisions);
    assert.strictEqual(m.findDocument('file:///ws/shop', 'docs/decisions/0002-b.md'), next);
  });

  it(`starts a group of more than ${EXPANDED_GROUP_MAX} documents collapsed`, () => {
    const files = (n: number) =>
      Object.fromEntries(
        Array.from({ length: n }, (_, i) => [`docs/decisions/${String(i).padStart(4, '0')}-d.md`, adr(`D ${i}`, 'accepted')]),
      );
    const small = new FakeIndex();
    small.folder('a', files(EXPANDED_GROUP_MAX));
    const large = new FakeIndex();
    large.folder('a', files(EXPANDED_GROUP_MAX + 1));
    assert.strictEqual(group(model(small), 'Decisions').collapsible, 'expanded');
    assert.deepStrictEqual(
      [group(model(large), 'Decisions').collapsible, group(model(large), 'Decisions').description],
      ['collapsed', String(EXPANDED_GROUP_MAX + 1)],
    );
  });

  it('names the folder of each document when several workspace folders are open', () => {
    const index = new FakeIndex();
    index.folder('shop', { 'docs/decisions/0001-a.md': adr('A', 'accepted') });
    index.folder('billing', { 'docs/decisions/0001-b.md': adr('B', 'proposed') });
    const m = model(index);
    assert.deepStrictEqual(shown(m.children(group(m, 'Decisions'), [])), [
      'A [accepted · 2026-02-03 · shop]',
      'B [proposed · 2026-02-03 · billing]',
    ]);
  });

  it('an edit that keeps a document in its group refreshes that row alone, in place', () => {
    const index = new FakeIndex();
    const shop = index.folder('shop', {
      'docs/decisions/0001-a.md': adr('Use PostgreSQL', 'accepted'),
      'docs/decisions/0002-b.md': adr('Cache search', 'proposed'),
    });
    const m = model(index);
    const decisions = group(m, 'Decisions');
    const [first, second] = m.children(decisions, []);
    const refresh = m.apply(index.edit(shop, { 'docs/decisions/0002-b.md': adr('Cache search results', 'proposed') }));
    assert.ok(!refresh.all);
    assert.deepStrictEqual(refresh.rows, [second], 'the same row object, for VS Code to refresh it alone');
    assert.strictEqual(second.label, 'Cache search results');
    assert.strictEqual(m.children(decisions, [])[0], first, 'the other rows are kept');
    assert.strictEqual(group(m, 'Decisions'), decisions);
  });

  it('an edit that moves a document, or adds or removes one, refreshes everything', () => {
    const index = new FakeIndex();
    const shop = index.folder('shop', {
      'docs/decisions/0001-a.md': adr('A', 'accepted'),
      'docs/decisions/0002-b.md': adr('B', 'proposed'),
    });
    const m = model(index, view({ groupBy: 'status' }));
    assert.deepStrictEqual(shown(m.roots()), ['Benchmark', 'Proposed [1]', 'Accepted [1]', 'Suggestions']);
    assert.deepStrictEqual(m.apply(index.edit(shop, { 'docs/decisions/0002-b.md': adr('B', 'rejected') })), { all: true });
    assert.deepStrictEqual(shown(m.roots()), ['Benchmark', 'Accepted [1]', 'Rejected [1]', 'Suggestions']);
    assert.deepStrictEqual(m.apply(index.edit(shop, { 'docs/decisions/0003-c.md': adr('C', 'accepted') })), { all: true });
    assert.deepStrictEqual(shown(m.roots()), ['Benchmark', 'Accepted [2]', 'Rejected [1]', 'Suggestions']);
    assert.deepStrictEqual(m.apply(index.edit(shop, { 'docs/decisions/0001-a.md': null })), { all: true });
    assert.deepStrictEqual(shown(m.roots()), ['Benchmark', 'Accepted [1]', 'Rejected [1]', 'Suggestions']);
  });

  it("a linked document's new title reaches the rows that link to it", () => {
    const index = new FakeIndex();
    const shop = index.folder('shop', {
      'docs/decisions/0001-a.md': adr('Old', 'superseded', '2026-01-01', 'superseded-by: [0002-b.md]\n'),
      'docs/decisions/0002-b.md': adr('New', 'accepted'),
    });
    const m = model(index);
    const [old] = m.children(group(m, 'Decisions'), []);
    assert.deepStrictEqual(shown(m.children(old, [])), ['New [superseded by]']);
    assert.deepStrictEqual(m.apply(index.edit(shop, { 'docs/decisions/0002-b.md': adr('Newer', 'accepted') })), { all: true });
    const [oldAgain] = m.children(group(m, 'Decisions'), []);
    assert.deepStrictEqual(shown(m.children(oldAgain, [])), ['Newer [superseded by]']);
  });

  it('an unchanged change list (a save without edits) refreshes nothing, and a change list of another folder touches no row of this one', () => {
    const index = new FakeIndex();
    const shop = index.folder('shop', { 'docs/decisions/0001-a.md': adr('A', 'accepted') });
    const m = model(index);
    assert.deepStrictEqual(m.apply(index.edit(shop, {})), { all: false, rows: [] });
  });

  it('filters by words, status and Mine Only (who "mine" is comes with the view settings)', () => {
    const index = new FakeIndex();
    index.folder('shop', {
      'docs/decisions/0001-a.md': adr('Use PostgreSQL', 'accepted', '2026-02-03', 'decision-makers: [Dana Developer]\n'),
      'docs/decisions/0002-b.md': adr('Cache search', 'proposed'),
    });
    const m = model(index, view({ filter: { text: 'postgres' } }));
    assert.deepStrictEqual(shown(m.children(group(m, 'Decisions'), [])), ['Use PostgreSQL [accepted · 2026-02-03]']);
    m.setView(view({ filter: { status: 'proposed' } }));
    assert.deepStrictEqual(shown(m.children(group(m, 'Decisions'), [])), ['Cache search [proposed · 2026-02-03]']);
    m.setView(view({ filter: { mineOnly: true }, me: { emails: [], names: ['Dana Developer'] } }));
    assert.deepStrictEqual(shown(m.children(group(m, 'Decisions'), [])), ['Use PostgreSQL [accepted · 2026-02-03]']);
    m.setView(view({ filter: { mineOnly: true }, me: { emails: ['someone@example.com'], names: [] } }));
    assert.deepStrictEqual(shown(m.roots()), ['Benchmark', 'Suggestions']);
  });

  it('lists suggestions with their details, or says why there are none', () => {
    const index = new FakeIndex();
    index.folder('shop', { 'docs/decisions/0001-a.md': adr('A', 'accepted') });
    const m = model(index);
    const suggestionsRow = m.roots().find((r) => r.type === 'suggestions')!;
    const one = suggestion({});
    const ready: SuggestionsView = [
      {
        folderUri: 'file:///ws/shop',
        folderName: 'shop',
        state: 'ready',
        pending: [
          one,
          suggestion({
            sha: 'b'.repeat(40),
            title: 'Fix',
            pr: undefined,
            files: 1,
            paths: ['a.ts'],
            reviewLatencyHours: null,
            tags: ['performance'],
          }),
        ],
      },
    ];
    const rows = m.children(suggestionsRow, ready);
    assert.deepStrictEqual(shown(rows), ['Add export to CSV [#12 · 2026-03-05]', 'Fix [bbbbbbb · 2026-03-05 · performance]']);
    assert.deepStrictEqual(
      rows.map((r) => r.contextValue),
      ['suggestion.pr', 'suggestion'],
      'Open PR only with a web address',
    );
    assert.deepStrictEqual(shown(m.children(rows[0], [])), [
      'Finance can export invoices.',
      '2 files [+2 −0]',
      'src/export.ts',
      'src/export.test.ts',
      'Review latency 98.5 h',
      'feature [category]',
    ]);
    assert.deepStrictEqual(shown(m.children(rows[1], [])).slice(1, 2), ['1 file [+2 −0]']);
    assert.deepStrictEqual(shown(m.children(suggestionsRow, [{ folderUri: 'f', folderName: 'shop', state: 'ready', pending: [] }])), [
      'No merged work of yours found yet.',
    ]);
    const two: SuggestionsView = [
      { folderUri: 'f', folderName: 'shop', state: 'unavailable', reason: 'not a git repository' },
      { folderUri: 'g', folderName: 'docs', state: 'unavailable', reason: 'Set git config user.email' },
    ];
    assert.deepStrictEqual(shown(m.children(suggestionsRow, two)), ['shop: not a git repository', 'docs: Set git config user.email']);
  });

  it('keeps sync merges, releases and version bumps apart, in a collapsed Maintenance group with its count', () => {
    const index = new FakeIndex();
    index.folder('shop', { 'docs/decisions/0001-a.md': adr('A', 'accepted') });
    const m = model(index);
    const suggestionsRow = m.roots().find((r) => r.type === 'suggestions')!;
    const work = suggestion({ title: 'Add export to CSV' });
    const sync = suggestion({ sha: 'c'.repeat(40), kind: 'merge', pr: null, title: "Merge branch 'main' into feature" });
    const release = suggestion({ sha: 'd'.repeat(40), title: '4.17.1' });
    const rows = m.children(suggestionsRow, [
      { folderUri: 'file:///ws/shop', folderName: 'shop', state: 'ready', pending: [sync, work, release] },
    ]);
    assert.deepStrictEqual(
      rows.map((r) => [r.type, r.label, r.description ?? '', r.collapsible]),
      [
        ['suggestion', 'Add export to CSV', '#12 · 2026-03-05', 'collapsed'],
        ['maintenance', 'Maintenance', '2', 'collapsed'],
      ],
    );
    assert.deepStrictEqual(
      m.children(rows[1], []).map((r) => r.label),
      ["Merge branch 'main' into feature", '4.17.1'],
    );
  });

  it('puts every user-facing text through the translate function it is given', () => {
    const index = new FakeIndex();
    index.folder('shop', { 'docs/decisions/0001-a.md': adr('A', 'accepted') });
    const m = new EvidenceTreeModel((message, ...args) => `«${english(message, ...args)}»`, inRepo);
    m.setView(view());
    m.apply(index.scan());
    assert.deepStrictEqual(shown(m.roots()), ['«Benchmark»', '«Decisions» [1]', '«Suggestions»']);
    const suggestionsRow = m.roots()[2];
    assert.deepStrictEqual(shown(m.children(suggestionsRow, [])), ['«No merged work of yours found yet.»']);
  });

  it('reads snapshots without changing them (they are frozen: a write would throw)', () => {
    const index = new FakeIndex();
    const shop = index.folder('shop', {
      'docs/decisions/0001-a.md': adr('A', 'accepted'),
      'docs/decisions/0002-b.md': adr('B', 'proposed'),
    });
    const first = index.scan();
    const m = new EvidenceTreeModel(english, inRepo);
    m.setView(view({ groupBy: 'tag' }));
    m.apply(first);
    m.children(group(m, 'Untagged'), []);
    m.apply(index.edit(shop, { 'docs/decisions/0002-b.md': adr('B2', 'proposed') }));
    assert.deepStrictEqual(
      first.snapshot.folders[0].documents.map((d) => d.item.title),
      ['A', 'B'],
      'the earlier snapshot still says what it said',
    );
  });

  it('builds tooltips as Markdown, with paths in code spans (not escaped)', () => {
    const index = new FakeIndex();
    index.folder('shop', { 'docs/decisions/0001-use-helm.md': adr('Use *Helm*', 'accepted') });
    const m = model(index);
    const [row] = m.children(group(m, 'Decisions'), []);
    const tooltip = m.tooltip(row)!;
    assert.ok(tooltip.startsWith('**Use \\*Helm\\***'), tooltip);
    assert.ok(tooltip.includes('Status: accepted'));
    assert.ok(tooltip.endsWith('`docs/decisions/0001-use-helm.md`'), tooltip);
  });
});
