import * as assert from 'assert';
import { Suggestion } from '../../src/core/git/suggestions';
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
    assert.deepStrictEqual(shown(m2.children(group(m2, 'Decisions'))), [
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
    const [old, next] = m.children(decisions);
    assert.strictEqual(old.id, 'doc:decision:file:///ws/shop:docs/decisions/0001-a.md');
    // Grouped by kind, the icon is the status (a long title pushes the description out of a narrow sidebar).
    assert.deepStrictEqual(
      [old.icon, next.icon, old.contextValue, old.collapsible, next.collapsible],
      ['arrow-right', 'pass-filled', 'document.decision', 'collapsed', 'none'],
    );
    const [link] = m.children(old);
    assert.deepStrictEqual([link.type, link.label, link.description, link.icon], ['link', 'New', 'superseded by', 'arrow-right']);
    assert.strictEqual(m.parent(link), old, "reveal finds a link row's parent");
    assert.strictEqual(m.parent(old), decisions);
    assert.strictEqual(m.findDocument('file:///ws/shop', 'docs/decisions/0002-b.md'), next);
    m.setView(view({ groupBy: 'quarter' }));
    const [byQuarter] = m.children(m.roots().find((r) => r.type === 'group')!);
    assert.strictEqual(byQuarter.icon, 'law', 'by quarter, status or tag: the kind');
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
    assert.deepStrictEqual(shown(m.children(group(m, 'Decisions'))), [
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
    const [first, second] = m.children(decisions);
    const refresh = m.apply(index.edit(shop, { 'docs/decisions/0002-b.md': adr('Cache search results', 'proposed') }));
    assert.ok(!refresh.all);
    assert.deepStrictEqual(refresh.rows, [second], 'the same row object, for VS Code to refresh it alone');
    assert.strictEqual(second.label, 'Cache search results');
    assert.strictEqual(m.children(decisions)[0], first, 'the other rows are kept');
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
    const [old] = m.children(group(m, 'Decisions'));
    assert.deepStrictEqual(shown(m.children(old)), ['New [superseded by]']);
    assert.deepStrictEqual(m.apply(index.edit(shop, { 'docs/decisions/0002-b.md': adr('Newer', 'accepted') })), { all: true });
    const [oldAgain] = m.children(group(m, 'Decisions'));
    assert.deepStrictEqual(shown(m.children(oldAgain)), ['Newer [superseded by]']);
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
    assert.deepStrictEqual(shown(m.children(group(m, 'Decisions'))), ['Use PostgreSQL [accepted · 2026-02-03]']);
    m.setView(view({ filter: { status: 'proposed' } }));
    assert.deepStrictEqual(shown(m.children(group(m, 'Decisions'))), ['Cache search [proposed · 2026-02-03]']);
    m.setView(view({ filter: { mineOnly: true }, me: { emails: [], names: ['Dana Developer'] } }));
    assert.deepStrictEqual(shown(m.children(group(m, 'Decisions'))), ['Use PostgreSQL [accepted · 2026-02-03]']);
    m.setView(view({ filter: { mineOnly: true }, me: { emails: ['someone@example.com'], names: [] } }));
    assert.deepStrictEqual(shown(m.roots()), ['Benchmark', 'Suggestions']);
  });

  const ready = (pending: Suggestion[], extra: Partial<SuggestionsView> = {}): SuggestionsView => ({
    folders: [{ folderUri: 'file:///ws/shop', folderName: 'shop', state: 'ready', pending }],
    mining: false,
    range: null,
    ...extra,
  });

  it('lists suggestions with their details, or says why there are none', () => {
    const index = new FakeIndex();
    index.folder('shop', { 'docs/decisions/0001-a.md': adr('A', 'accepted') });
    const m = model(index, view({ groupBy: 'status' }));
    const suggestionsRow = m.roots().find((r) => r.type === 'suggestions')!;
    const one = suggestion({});
    const fix = suggestion({
      sha: 'b'.repeat(40),
      title: 'Fix',
      pr: undefined,
      files: 1,
      paths: ['a.ts'],
      reviewLatencyHours: null,
      tags: ['performance'],
    });
    assert.deepStrictEqual(m.setSuggestions(ready([one, fix])), { all: false, rows: [suggestionsRow] }, 'the group alone is refreshed');
    const rows = m.children(suggestionsRow);
    assert.deepStrictEqual(shown(rows), ['Add export to CSV [#12 · 2026-03-05]', 'Fix [bbbbbbb · 2026-03-05 · performance]']);
    assert.strictEqual(suggestionsRow.description, '2', 'the count in the group label');
    assert.deepStrictEqual(
      rows.map((r) => r.contextValue),
      ['suggestion.pr', 'suggestion'],
      'Open PR only with a web address',
    );
    assert.deepStrictEqual(shown(m.children(rows[0])), [
      'Finance can export invoices.',
      '2 files [+2 −0]',
      'src/export.ts',
      'src/export.test.ts',
      'Review latency 98.5 h',
      'feature [category]',
    ]);
    assert.deepStrictEqual(shown(m.children(rows[1])).slice(1, 2), ['1 file [+2 −0]']);
    m.setSuggestions(ready([]));
    assert.deepStrictEqual(shown(m.children(suggestionsRow)), ['No merged work of yours found yet.']);
    m.setSuggestions({
      folders: [
        { folderUri: 'f', folderName: 'shop', state: 'unavailable', reason: 'not a git repository', cause: 'other' },
        { folderUri: 'g', folderName: 'docs', state: 'unavailable', reason: 'Set git config user.email', cause: 'identity' },
      ],
      mining: false,
      range: null,
    });
    assert.deepStrictEqual(shown(m.children(suggestionsRow)), [
      'shop: not a git repository',
      'docs: Who are you? Set your e-mail addresses…',
    ]);
  });

  it('shows the group at once, with a "Reading merged work…" row until the first mine is done', () => {
    const index = new FakeIndex();
    index.folder('shop', { 'docs/decisions/0001-a.md': adr('A', 'accepted') });
    const m = model(index);
    const suggestionsRow = m.roots().find((r) => r.type === 'suggestions')!;
    assert.deepStrictEqual(shown(m.children(suggestionsRow)), ['Reading merged work…']);
    assert.strictEqual(m.children(suggestionsRow)[0].icon, 'loading~spin');
    assert.strictEqual(suggestionsRow.description, undefined, 'no count before one is known');
    m.setSuggestions(ready([suggestion({})], { mining: true }));
    assert.deepStrictEqual(shown(m.children(suggestionsRow)).slice(0, 1), ['Reading merged work…'], 'a rescan keeps the list, and says so');
    m.setSuggestions(ready([suggestion({})]));
    assert.ok(!shown(m.children(suggestionsRow)).includes('Reading merged work…'));
  });

  it('makes every state where nothing can be found actionable: identities, workspace trust, addresses that look like the user', () => {
    const index = new FakeIndex();
    index.folder('shop', { 'docs/decisions/0001-a.md': adr('A', 'accepted') });
    const m = model(index);
    const suggestionsRow = m.roots().find((r) => r.type === 'suggestions')!;
    const one = (folder: SuggestionsView['folders']) => {
      m.setSuggestions({ folders: folder, mining: false, range: null });
      return m.children(suggestionsRow);
    };
    const [identity] = one([
      { folderUri: 'f', folderName: 'shop', state: 'unavailable', reason: 'Set git config user.email', cause: 'identity' },
    ]);
    assert.deepStrictEqual([identity.type, identity.type === 'action' && identity.command], ['action', 'careerEvidence.setIdentities']);
    const [trust] = one([{ folderUri: 'f', folderName: 'shop', state: 'unavailable', reason: 'Restricted', cause: 'restricted' }]);
    assert.deepStrictEqual([trust.type, trust.type === 'action' && trust.command], ['action', 'workbench.trust.manage']);
    const [hint] = one([{ folderUri: 'f', folderName: 'shop', state: 'ready', pending: [suggestion({})], lookalikeCommits: 412 }]);
    assert.strictEqual(hint.label, '412 more commits may be yours');
    assert.match(
      hint.type === 'action' ? (hint.tooltip ?? '') : '',
      /^412 commits under your name come from addresses that are not among your identities/,
    );
    assert.deepStrictEqual(hint.type === 'action' && [hint.command, hint.arguments], ['careerEvidence.setIdentities', ['f']]);
  });

  it('shows a range as a view of the list, saying what it shows and offering all history', () => {
    const index = new FakeIndex();
    index.folder('shop', { 'docs/decisions/0001-a.md': adr('A', 'accepted') });
    const m = model(index, view({ groupBy: 'status' }));
    const suggestionsRow = m.roots().find((r) => r.type === 'suggestions')!;
    const march = suggestion({ sha: 'a'.repeat(40), title: 'In Q1', mergedAt: '2026-03-05T10:00:00+01:00' });
    const july = suggestion({ sha: 'b'.repeat(40), title: 'In Q3', mergedAt: '2026-07-01T10:00:00+02:00' });
    m.setSuggestions(ready([july, march], { range: { since: '2025-10-01', until: '2025-12-31' } }));
    const [rangeRow, ...rest] = m.children(suggestionsRow);
    assert.deepStrictEqual([rangeRow.label, rangeRow.description], ['2025-Q4: 0 of 2', 'Show all']);
    assert.strictEqual(rangeRow.type === 'action' && rangeRow.command, 'careerEvidence.showAllMergedWork');
    assert.deepStrictEqual(shown(rest), [], 'no "nothing found": the range row says it');
    assert.strictEqual(suggestionsRow.description, '0');
    m.setSuggestions(ready([july, march], { range: { since: '2026-01-01', until: '2026-03-31' } }));
    assert.deepStrictEqual(shown(m.children(suggestionsRow)), ['2026-Q1: 1 of 2 [Show all]', 'In Q1 [#12 · 2026-03-05]']);
  });

  it("groups suggestions by quarter of merge (newest first) or by category, and follows the filter's words", () => {
    const index = new FakeIndex();
    index.folder('shop', { 'docs/decisions/0001-a.md': adr('A', 'accepted') });
    const m = model(index, view({ groupBy: 'quarter' }));
    const suggestionsRow = m.roots().find((r) => r.type === 'suggestions')!;
    const list = [
      suggestion({ sha: 'a'.repeat(40), title: 'Old fix', category: 'fix', mergedAt: '2025-11-02T10:00:00Z' }),
      suggestion({ sha: 'b'.repeat(40), title: 'New feature', category: 'feature', mergedAt: '2026-07-02T10:00:00Z' }),
      suggestion({ sha: 'c'.repeat(40), title: 'Newer fix', category: 'fix', mergedAt: '2026-08-02T10:00:00Z' }),
    ];
    m.setSuggestions(ready(list));
    const quarters = m.children(suggestionsRow);
    assert.deepStrictEqual(
      quarters.map((r) => [r.label, r.description, r.collapsible]),
      [
        ['2026-Q3', '2', 'expanded'],
        ['2025-Q4', '1', 'collapsed'],
      ],
    );
    assert.deepStrictEqual(
      m.children(quarters[0]).map((r) => r.label),
      ['Newer fix', 'New feature'],
      'newest first within',
    );
    m.setView(view({ groupBy: 'kind' }));
    assert.deepStrictEqual(
      m.children(suggestionsRow).map((r) => [r.label, r.description]),
      [
        ['Fixes', '2'],
        ['Features', '1'],
      ],
    );
    m.setView(view({ groupBy: 'status', filter: { text: 'fix' } }));
    assert.deepStrictEqual(
      shown(m.children(suggestionsRow)).map((l) => l.split(' [')[0]),
      ['Filtered: 2 of 3', 'Newer fix', 'Old fix'],
    );
    assert.strictEqual(suggestionsRow.description, '2');
  });

  it('puts every user-facing text through the translate function it is given', () => {
    const index = new FakeIndex();
    index.folder('shop', { 'docs/decisions/0001-a.md': adr('A', 'accepted') });
    const m = new EvidenceTreeModel((message, ...args) => `«${english(message, ...args)}»`, inRepo);
    m.setView(view());
    m.apply(index.scan());
    assert.deepStrictEqual(shown(m.roots()), ['«Benchmark»', '«Decisions» [1]', '«Suggestions»']);
    const suggestionsRow = m.roots()[2];
    assert.deepStrictEqual(shown(m.children(suggestionsRow)), ['«Reading merged work…»']);
    m.setSuggestions({ folders: [{ folderUri: 'f', folderName: 'shop', state: 'ready', pending: [] }], mining: false, range: null });
    assert.deepStrictEqual(shown(m.children(suggestionsRow)), ['«No merged work of yours found yet.»']);
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
    m.children(group(m, 'Untagged'));
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
    const [row] = m.children(group(m, 'Decisions'));
    const tooltip = m.tooltip(row)!;
    assert.ok(tooltip.startsWith('**Use \\*Helm\\***'), tooltip);
    assert.ok(tooltip.includes('Status: accepted'));
    assert.ok(tooltip.endsWith('`docs/decisions/0001-use-helm.md`'), tooltip);
  });
});
