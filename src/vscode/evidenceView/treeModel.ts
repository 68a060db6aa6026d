import { GroupBy, Identity, ViewFilter, groupDocuments, isFiltering, viewFilterTest } from '../../core/index/viewModel';
import { DocumentKey, EvidenceSnapshot, FolderSnapshot, SnapshotChange, documentAt } from '../../core/index/snapshot';
import { equalData } from '../../core/index/equalData';
import { Translate } from '../shared/translate';
import {
  BenchmarkRow,
  DetailRow,
  DocumentRow,
  GroupRow,
  LinkRow,
  ListedDocument,
  SuggestionRow,
  SuggestionsRow,
  TreeRow,
} from './rowsModel';
import { SuggestionsView, suggestionRows } from './suggestionsModel';
import { documentTooltip, suggestionTooltip } from './tooltipsModel';

export type { SuggestionsView } from './suggestionsModel';

// What the Evidence view shows, computed without VS Code: rows with their labels, descriptions,
// icons, ids, collapsible states and order, from the index's snapshots and change lists, the
// view's grouping and filter, and the Suggestions list. `EvidenceTreeProvider` only maps rows to
// `TreeItem`s. Rows are this model's own objects: a row keeps its identity while it stays in its
// group, so VS Code can refresh it alone.

/** What a change of the inputs asks the view to refresh. */
export type Refresh = { readonly all: true } | { readonly all: false; readonly rows: readonly TreeRow[] };

/** Groups with more documents than this start collapsed. */
export const EXPANDED_GROUP_MAX = 500;

/** The view's settings the rows depend on. */
export interface ViewSettings {
  groupBy: GroupBy;
  filter: ViewFilter;
  /** Who "mine" is (read when Mine Only is on). */
  me: Identity;
}

const keyOf = (k: DocumentKey) => `${k.folder}\n${k.path}`;

/**
 * The Evidence view's rows. The Benchmark group when a folder is in a repository, documents grouped
 * (by kind, quarter, status or tag), then Suggestions when a folder is in a repository. The groups are made when a snapshot or the view settings
 * change, so `roots` only returns them; a group's rows are made when it is expanded, a row's link
 * rows when it is. A change list that keeps each changed document in its groups updates its rows
 * in place and asks for them alone to be refreshed; any other change refreshes everything.
 */
export class EvidenceTreeModel {
  private snapshot: EvidenceSnapshot | undefined;
  private settings: ViewSettings = { groupBy: 'kind', filter: {}, me: { emails: [], names: [] } };
  private rootRows: TreeRow[] = [];
  private readonly suggestionsRow: SuggestionsRow;
  private suggestions: SuggestionsView = { folders: undefined, mining: false, range: null };
  private suggestionChildren: readonly TreeRow[] = [];
  private benchmarkRow: BenchmarkRow;
  /** Every document of the snapshot as listed, made again only when the snapshot changes beyond an edit in place. */
  private listing: ListedDocument[] | undefined;
  /** Paths some document links to, by folder snapshot: made when first needed, dropped when links may have changed. */
  private linkTargets = new Map<string, Set<string>>();

  /**
   * @param t translates user-facing text (`vscode.l10n.t` in the extension).
   * @param inRepository whether a folder (absolute path) is in a git work tree: Suggestions are shown only then.
   */
  constructor(
    private readonly t: Translate,
    private readonly inRepository: (root: string) => boolean,
  ) {
    this.suggestionsRow = {
      type: 'suggestions',
      id: 'suggestions',
      label: t('Suggestions'),
      collapsible: 'expanded',
      contextValue: 'suggestions',
    };
    this.benchmarkRow = this.makeBenchmarkRow('');
    this.remakeSuggestions();
  }

  /** The Benchmark group's row for a quarter: collapsed, so nothing is computed until it is opened. */
  private makeBenchmarkRow(quarter: string): BenchmarkRow {
    return {
      type: 'benchmark',
      id: 'benchmark',
      label: this.t('Benchmark'),
      description: quarter,
      icon: 'graph',
      collapsible: 'collapsed',
      contextValue: 'benchmark',
    };
  }

  /** The quarter the Benchmark group shows (`2026-Q3`): its row is made again. */
  setBenchmarkQuarter(quarter: string): Refresh {
    if (this.benchmarkRow.description === quarter) return { all: false, rows: [] };
    this.benchmarkRow = this.makeBenchmarkRow(quarter);
    if (this.snapshot) this.rootRows = this.makeRoots(this.snapshot);
    return { all: true };
  }

  /** The Benchmark group's row (its children are the Reports service's, see `benchmarkModel.ts`). */
  get benchmark(): BenchmarkRow {
    return this.benchmarkRow;
  }

  /** True once a snapshot was taken: the rows can be made without reading anything. */
  get hasSnapshot(): boolean {
    return this.snapshot !== undefined;
  }

  /** The root rows as last made (none before the first snapshot, or when there is nothing: the welcome content shows). */
  roots(): readonly TreeRow[] {
    return this.rootRows;
  }

  /** The children of a row (made on first ask and kept with it). */
  children(row: TreeRow): readonly TreeRow[] {
    if (row.type === 'group') return this.groupChildren(row);
    if (row.type === 'document') return this.linkRows(row);
    if (row.type === 'suggestions') return this.suggestionChildren;
    if (row.type === 'suggestion') return this.suggestionDetails(row);
    if (row.type === 'suggestionGroup') return row.rows;
    return [];
  }

  /**
   * A new Suggestions list (as the MergedWork service published it): the Suggestions group's rows
   * are made again, and its description says how many are shown. Asks to refresh that group alone.
   */
  setSuggestions(view: SuggestionsView): Refresh {
    this.suggestions = view;
    return this.remakeSuggestions();
  }

  private remakeSuggestions(): Refresh {
    const { rows, shown } = suggestionRows(this.t, this.suggestions, this.settings.groupBy, this.settings.filter.text);
    this.suggestionChildren = rows;
    this.suggestionsRow.description = shown === undefined ? undefined : String(shown);
    return { all: false, rows: this.rootRows.includes(this.suggestionsRow) ? [this.suggestionsRow] : [] };
  }

  /** The parent of a row, for `TreeView.reveal`. */
  parent(row: TreeRow): TreeRow | undefined {
    if (row.type === 'document') return this.rootRows.find((g) => g.type === 'group' && g.key === row.groupKey);
    if (row.type === 'link') return row.parent;
    if (row.type === 'suggestion') return this.suggestionsRow;
    return undefined;
  }

  /** The first row of the document at `path` in `folderKey`, as last shown. */
  findDocument(folderKey: string, path: string): DocumentRow | undefined {
    for (const group of this.rootRows) {
      if (group.type !== 'group') continue;
      const index = group.members.findIndex((d) => d.item.path === path && d.folder.key === folderKey);
      if (index >= 0) return this.groupChildren(group)[index];
    }
    return undefined;
  }

  /** New view settings (grouping, filter, who "mine" is): the rows are made again. */
  setView(settings: ViewSettings): Refresh {
    this.settings = settings;
    if (this.snapshot) this.rootRows = this.makeRoots(this.snapshot);
    this.remakeSuggestions();
    return { all: true };
  }

  /** A new snapshot of the index, with what changed since the one before. */
  apply(change: SnapshotChange): Refresh {
    const before = this.snapshot;
    this.snapshot = change.snapshot;
    if (!before || change.layoutChanged || change.previous?.version !== before.version) return this.rebuild();
    const touched = [...change.added, ...change.changed, ...change.removed];
    if (touched.length === 0) return { all: false, rows: [] };
    if (change.added.length === 0 && change.removed.length === 0) {
      const rows = this.updateInPlace(change.changed);
      if (rows) return { all: false, rows };
    }
    return this.regroupKeepingRows(new Set(touched.map(keyOf)));
  }

  private rebuild(): Refresh {
    this.listing = undefined;
    this.linkTargets = new Map();
    this.rootRows = this.makeRoots(this.snapshot!);
    return { all: true };
  }

  private listed(snapshot: EvidenceSnapshot): ListedDocument[] {
    this.listing ??= snapshot.folders.flatMap((f) =>
      f.documents.map((d): ListedDocument => ({ item: d.item, details: d.details, folder: f.folder })),
    );
    return this.listing;
  }

  private groups(snapshot: EvidenceSnapshot): GroupRow[] {
    const { groupBy, filter } = this.settings;
    const listed = this.listed(snapshot);
    const shown = isFiltering(filter) ? listed.filter(this.filterTest()) : listed;
    return groupDocuments(shown, groupBy).map((g) => this.groupRow(g.key, g.label, g.members));
  }

  /**
   * The view's filter as a test of a listed document. The journal's entries (brag entries, stories)
   * are the user's own by definition: Mine Only keeps them whoever they name.
   */
  private filterTest(): (d: ListedDocument) => boolean {
    const { filter, me } = this.settings;
    const test = viewFilterTest(filter, me);
    const journalTest = filter.mineOnly ? viewFilterTest({ ...filter, mineOnly: false }, me) : test;
    return (d) => (d.folder.index < 0 ? journalTest(d) : test(d));
  }

  private groupRow(key: string, label: string, members: ListedDocument[]): GroupRow {
    return {
      type: 'group',
      id: `group:${key}`,
      key,
      label: this.t(label),
      description: String(members.length),
      // Large groups start collapsed: opening the view should not mean rendering thousands of rows.
      collapsible: members.length > EXPANDED_GROUP_MAX ? 'collapsed' : 'expanded',
      contextValue: 'group',
      members,
    };
  }

  private makeRoots(snapshot: EvidenceSnapshot): TreeRow[] {
    if (snapshot.folders.length === 0) return [];
    const roots: TreeRow[] = this.groups(snapshot);
    if (snapshot.folders.some((f) => f.folder.index >= 0 && this.inRepository(f.folder.root))) {
      roots.unshift(this.benchmarkRow); // where you stand first, then the evidence
      roots.push(this.suggestionsRow);
    }
    return roots;
  }

  private get multiRoot(): boolean {
    return (this.snapshot?.folders.filter((f) => f.folder.index >= 0).length ?? 0) > 1; // the journal is not a workspace folder
  }

  /** A group's document rows, made on first expansion and kept with the group. */
  private groupChildren(group: GroupRow): DocumentRow[] {
    if (!group.children) {
      const multiRoot = this.multiRoot;
      const statusIcon = this.settings.groupBy === 'kind';
      group.children = group.members.map((d) => new DocumentRow(d, group.key, multiRoot ? d.folder.name : undefined, statusIcon));
    }
    return group.children;
  }

  /** A document row's links (to documents of its folder, by path), made when the row is first expanded. */
  private linkRows(row: DocumentRow): LinkRow[] {
    row.links ??= (row.doc.details?.links ?? []).map((l) => {
      const folder = this.folderSnapshotOf(row.doc.folder.key);
      const target = folder && documentAt(folder, l.target);
      const relation = l.relation.replace(/-/g, ' ');
      return {
        type: 'link',
        id: `${row.id}:link:${l.relation}:${l.target}`,
        parent: row,
        relation: l.relation,
        resource: { folder: row.doc.folder, path: l.target },
        exists: target !== undefined,
        label: target?.item.title ?? l.target.split('/').pop() ?? l.target,
        description: target ? this.t(relation) : this.t('{0} · missing', this.t(relation)),
        icon: l.relation.startsWith('superseded') ? 'arrow-right' : l.relation === 'supersedes' ? 'arrow-left' : 'link',
        collapsible: 'none',
        contextValue: 'link',
      };
    });
    return row.links;
  }

  /**
   * The common case of an edit, in time proportional to the files changed (and a search of the
   * groups they are in): each stays listed, in the same groups, and is not a link target whose title
   * changed. Its listed entry and rows are updated; returns the rows to refresh, or undefined when
   * the groups must be made again (nothing is changed then).
   */
  private updateInPlace(changed: readonly DocumentKey[]): TreeRow[] | undefined {
    const snapshot = this.snapshot!;
    const { groupBy } = this.settings;
    const updates: { next: ListedDocument; shownIn: GroupRow[]; at: number[]; listingAt: number; linksChanged: boolean }[] = [];
    for (const key of changed) {
      const folder = snapshot.folders.find((f) => f.folder.key === key.folder);
      const doc = folder && documentAt(folder, key.path);
      if (!folder || !doc) return undefined;
      const next: ListedDocument = { item: doc.item, details: doc.details, folder: folder.folder };
      if (!this.filterTest()(next)) return undefined;
      // The groups it belongs in now must be shown, and hold it already (else it moves or appears)…
      const wanted = groupDocuments([next], groupBy);
      const shownIn = wanted.map((g) =>
        this.rootRows.find((n): n is GroupRow => n.type === 'group' && n.key === g.key && n.label === this.t(g.label)),
      );
      if (shownIn.length === 0 || shownIn.some((g) => !g)) return undefined;
      const groups = shownIn as GroupRow[];
      const at = groups.map((g) => g.members.findIndex((d) => d.item.path === key.path && d.folder.key === key.folder));
      if (at.some((i) => i < 0)) return undefined;
      const before = groups[0].members[at[0]];
      // …and be all the groups it was in (grouped by tag, a document is in one group per tag).
      const keys = (gs: readonly { key: string }[]) =>
        gs
          .map((g) => g.key)
          .sort()
          .join('\n');
      if (keys(groupDocuments([before], groupBy)) !== keys(groups)) return undefined;
      if (next.item.title !== before.item.title && this.isLinkTarget(before)) return undefined;
      const listingAt = this.listing ? this.listing.indexOf(before) : -1;
      const linksChanged = !equalData(before.details?.links ?? [], next.details?.links ?? []);
      updates.push({ next, shownIn: groups, at, listingAt, linksChanged });
    }
    // Every file stays in place: only now is anything changed (a refusal above leaves the rows as they were).
    const rows: TreeRow[] = [];
    for (const { next, shownIn, at, listingAt, linksChanged } of updates) {
      if (this.listing && listingAt >= 0) this.listing[listingAt] = next;
      if (linksChanged) this.linkTargets.delete(next.folder.key); // made again when next needed
      shownIn.forEach((g, i) => {
        g.members[at[i]] = next;
        const row = g.children?.[at[i]];
        if (!row) return;
        row.doc = next;
        if (linksChanged) row.links = undefined;
        rows.push(row);
      });
    }
    return rows;
  }

  private folderSnapshotOf(key: string): FolderSnapshot | undefined {
    return this.snapshot?.folders.find((f) => f.folder.key === key);
  }

  /**
   * Documents appeared, went or moved between groups: the groups are made again. When they come
   * out the same (same groups, same documents in the same order) and no link target changed its
   * title, the existing rows are kept and only those of touched documents refreshed.
   */
  private regroupKeepingRows(touched: ReadonlySet<string>): Refresh {
    this.listing = undefined;
    this.linkTargets = new Map();
    const before = this.rootRows.filter((n): n is GroupRow => n.type === 'group');
    const after = this.groups(this.snapshot!);
    const sameShape =
      before.length === after.length &&
      after.every((g, i) => g.key === before[i].key && g.label === before[i].label && sameMembers(g.members, before[i].members));
    const retitledTargets =
      sameShape && after.some((g, i) => g.members.some((d, k) => d.item.title !== before[i].members[k].item.title && this.isLinkTarget(d)));
    if (!sameShape || retitledTargets) {
      this.rootRows = this.makeRoots(this.snapshot!);
      return { all: true };
    }
    const rows: TreeRow[] = [];
    after.forEach((g, i) => {
      const old = before[i];
      old.members = g.members;
      if (!old.children) return;
      g.members.forEach((d, k) => {
        const row = old.children![k];
        row.doc = d;
        if (!touched.has(keyOf({ folder: d.folder.key, path: d.item.path }))) return; // unchanged: its link rows stay right
        row.links = undefined;
        rows.push(row);
      });
    });
    return { all: false, rows };
  }

  /** Whether any document of `d`'s folder links to it (its link rows show its title). */
  private isLinkTarget(d: ListedDocument): boolean {
    let targets = this.linkTargets.get(d.folder.key);
    if (!targets) {
      targets = new Set<string>();
      for (const doc of this.folderSnapshotOf(d.folder.key)?.documents ?? [])
        for (const l of doc.details?.links ?? []) targets.add(l.target);
      this.linkTargets.set(d.folder.key, targets);
    }
    return targets.has(d.item.path);
  }

  /** The expandable details of a suggestion: description, size and files, latency, tags, category. */
  private suggestionDetails(row: SuggestionRow): DetailRow[] {
    const s = row.suggestion;
    const detail = (icon: string, label: string, description?: string, tooltip?: string): DetailRow => ({
      type: 'detail',
      id: `${row.id}:${icon}:${label}`,
      label,
      description,
      icon,
      tooltip: tooltip ?? label,
      collapsible: 'none',
      contextValue: 'detail',
    });
    const out: DetailRow[] = [];
    const firstLine = s.description.split('\n').find((l) => l.trim()) ?? '';
    if (firstLine) out.push(detail('note', firstLine.slice(0, 200), undefined, s.description));
    out.push(
      detail(
        'diff',
        s.files === 1 ? this.t('1 file') : this.t('{0} files', s.files),
        `+${s.insertions} −${s.deletions}`,
        s.paths.join('\n'),
      ),
    );
    for (const p of s.paths.slice(0, 5)) out.push(detail('file', p));
    if (s.reviewLatencyHours !== null)
      out.push(detail('watch', this.t('Review latency {0} h', s.reviewLatencyHours), s.latencyEstimated ? this.t('estimated') : undefined));
    if (s.tags.length > 0) out.push(detail('tag', s.tags.join(', '), this.t('exposure')));
    out.push(detail('symbol-enum', s.category, this.t('category')));
    return out;
  }

  /** The rich tooltip of a document or suggestion row, as Markdown (made when the row is hovered). */
  tooltip(row: TreeRow): string | undefined {
    if (row.type === 'document') return documentTooltip(this.t, row.doc.item, row.doc.details);
    if (row.type === 'suggestion') return suggestionTooltip(this.t, row.suggestion);
    return undefined;
  }
}

/** Same documents in the same order (the same files; their contents may differ). */
function sameMembers(a: readonly ListedDocument[], b: readonly ListedDocument[]): boolean {
  return a.length === b.length && a.every((d, i) => d.item.path === b[i].item.path && d.folder.key === b[i].folder.key);
}
