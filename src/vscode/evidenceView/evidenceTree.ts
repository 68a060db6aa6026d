import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { Identity, groupDocuments, isFiltering, matchesViewFilter, viewFilterTest } from '../../core/index/viewModel';
import { userIdentities } from '../../node/git/identity';
import { configValue, openRepository } from '../../node/git/repository';
import { settings } from '../settings/settings';
import { ViewState } from './viewState';
import { Services } from '../shared/services';
import { DocumentsLoaded, FolderDocuments, locateFile } from './documentStore';
import { DocumentRow, EvidenceNode, ListedDocument, resolveTooltip, suggestionDetails, toTreeItem } from './nodes';

type GroupNode = Extract<EvidenceNode, { type: 'group' }>;

/**
 * The Evidence view: documents grouped (by kind, quarter, status or tag), then Suggestions. The
 * grouping is made when the index loads or the view changes, and kept, so `getChildren` only returns
 * nodes; a group's rows are made when it is expanded, a row's link rows when it is. A changed file
 * refreshes its own rows when the grouping stays the same, the whole tree otherwise. Returns no
 * children when there is nothing to show, so the view's welcome content (New Design Doc, Scan
 * merged work) appears.
 */
export class EvidenceTreeProvider implements vscode.TreeDataProvider<EvidenceNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EvidenceNode | EvidenceNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  private me: Promise<Identity> | undefined;
  private mineOnly = false;
  /**
   * The root nodes: made as soon as the index is loaded or the view changes (so `getChildren` only
   * returns them); undefined until then, or while the index is to be read again.
   */
  private roots: Promise<EvidenceNode[]> | undefined;
  /** Whether the index is loaded (and not invalidated since): the roots can be made without reading anything. */
  private indexLoaded = false;
  private lastRoots: EvidenceNode[] = [];
  /** The folders the last roots were made from. */
  private lastFolders: readonly FolderDocuments[] = [];
  /** Parents of link rows (a group's rows find theirs by `groupKey`: no entry per row). */
  private readonly linkParents = new WeakMap<EvidenceNode, DocumentRow>();

  constructor(
    private readonly services: Services,
    private readonly viewState: ViewState,
  ) {
    this.subscriptions = [
      services.documents.onDidChange(() => {
        this.forgetListing();
        this.indexLoaded = false;
        this.refreshAll();
      }),
      services.documents.onDidLoad((e) => void this.onDocumentsLoaded(e)),
      services.suggestions.onDidChange(() => {
        const node = this.lastRoots.find((n) => n.type === 'suggestions');
        this.changed.fire(node); // undefined (everything) when there was no Suggestions row yet
      }),
      viewState.onDidChange(() => {
        // Who "mine" is, read again each time Mine Only is turned on: git's user.email may have changed since.
        const mineOnly = !!viewState.filter.mineOnly;
        if (mineOnly && !this.mineOnly) this.me = undefined;
        this.mineOnly = mineOnly;
        this.refreshAll();
      }),
    ];
  }

  /** Parent of a node, for `TreeView.reveal`. */
  getParent(node: EvidenceNode): EvidenceNode | undefined {
    if (node.type === 'document') return this.lastRoots.find((g) => g.type === 'group' && g.key === node.groupKey);
    return this.linkParents.get(node);
  }

  /** The first document row of `uri` in the tree as last shown, if any (a search of the listed documents: no index to keep). */
  findDocument(uri: vscode.Uri): EvidenceNode | undefined {
    const located = locateFile(this.lastFolders, uri);
    if (!located) return undefined;
    for (const group of this.lastRoots) {
      if (group.type !== 'group') continue;
      const index = indexOfMember(group, located.folder, located.rel);
      if (index >= 0) return this.groupChildren(group)[index];
    }
    return undefined;
  }

  getTreeItem(node: EvidenceNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  resolveTreeItem(item: vscode.TreeItem, node: EvidenceNode): vscode.TreeItem {
    item.tooltip ??= resolveTooltip(node);
    return item;
  }

  async getChildren(node?: EvidenceNode): Promise<EvidenceNode[]> {
    if (!node) {
      this.roots ??= this.computeRoots();
      return this.roots;
    }
    if (node.type === 'group') return this.groupChildren(node);
    if (node.type === 'document') return this.linkRows(node);
    if (node.type === 'suggestions') return this.suggestionNodes();
    if (node.type === 'suggestion') return suggestionDetails(node);
    return [];
  }

  private refreshAll(): void {
    // With the index loaded, a few ms now; otherwise the first ask reads it (the view may never be shown).
    this.roots = this.indexLoaded ? this.computeRoots() : undefined;
    this.changed.fire(undefined);
  }

  /** Every document of the index as listed, kept until the index changes (a filter or grouping reuses it). */
  private listedCache: ListedDocument[] | undefined;

  /** After the index changed beyond an edit in place: the listing and the link targets are made again when needed. */
  private forgetListing(): void {
    this.listedCache = undefined;
    this.linkTargets = new WeakMap();
  }

  private listed(folders: readonly FolderDocuments[]): ListedDocument[] {
    this.listedCache ??= folders.flatMap(({ folder, scan }) => scan.items.map((item): ListedDocument => ({ item, details: scan.details[item.path], folder, scan })));
    return this.listedCache;
  }

  /** Documents of every folder, filtered and grouped as the view is set. */
  private async groups(folders: readonly FolderDocuments[]): Promise<GroupNode[]> {
    const me = await this.identity();
    const { groupBy, filter } = this.viewState;
    const listed = this.listed(folders);
    const shown = isFiltering(filter) ? listed.filter(viewFilterTest(filter, me)) : listed;
    return groupDocuments(shown, groupBy).map((g) => ({ type: 'group', key: g.key, label: g.label, members: g.members }));
  }

  private async computeRoots(): Promise<EvidenceNode[]> {
    const folders = await this.services.documents.all();
    if (folders.length === 0) return (this.lastRoots = []);
    this.multiRoot = folders.filter((f) => f.folder.index >= 0).length > 1; // the journal is not a workspace folder
    const roots: EvidenceNode[] = await this.groups(folders);
    // Suggestions need a repository: `.git` is looked up on disk (no git process).
    if (folders.some(({ folder }) => this.inRepository(folder.uri.fsPath))) roots.push({ type: 'suggestions' });
    this.lastRoots = roots;
    this.lastFolders = folders;
    return roots;
  }

  private multiRoot = false;

  /** A group's document rows, made on first expansion and kept with the group. */
  private groupChildren(group: GroupNode): EvidenceNode[] {
    group.children ??= group.members.map((d) => new DocumentRow(d, group.key, this.multiRoot ? d.folder.name : undefined));
    return group.children;
  }

  /** A document row's links (to documents of its folder, by path), made when the row is first expanded. */
  private linkRows(row: DocumentRow): EvidenceNode[] {
    if (!row.links) {
      const { doc } = row;
      const parentId = row.id;
      row.links = (doc.details?.links ?? []).map((l) => {
        const target = doc.scan.items.find((i) => i.path === l.target);
        return {
          type: 'link',
          parentId,
          relation: l.relation,
          title: target?.title ?? l.target.split('/').pop() ?? l.target,
          uri: vscode.Uri.joinPath(doc.folder.uri, ...l.target.split('/')),
          exists: target !== undefined,
        };
      });
      for (const l of row.links) this.linkParents.set(l, row);
    }
    return row.links;
  }

  /**
   * After files were re-read (`changed`): when the groups and their members stay the same, the
   * changed rows are updated in place and refreshed alone; otherwise (a document moved, appeared or
   * went, or a linked document changed its title) the whole tree is.
   */
  private async onDocumentsLoaded({ folders, changed }: DocumentsLoaded): Promise<void> {
    this.indexLoaded = true;
    if (!changed) {
      // A full scan: the roots are made from it now, unless a pending ask (waiting for this scan) makes them.
      this.forgetListing();
      this.roots ??= this.computeRoots();
      return;
    }
    const current = this.roots;
    if (!current) {
      this.forgetListing();
      return this.refreshAll();
    }
    const before = await current;
    if (this.roots !== current) return; // the whole tree was refreshed meanwhile
    const inPlace = await this.updateInPlace(folders, changed);
    if (this.roots !== current) return;
    if (inPlace) {
      if (inPlace.length > 0) this.changed.fire(inPlace);
      return;
    }
    this.forgetListing(); // links may have changed too: the rows below are compared anew
    const after = await this.groups(folders);
    if (this.roots !== current) return;
    const groupsBefore = before.filter((n): n is GroupNode => n.type === 'group');
    const sameShape =
      groupsBefore.length === after.length &&
      after.every((g, i) => g.key === groupsBefore[i].key && g.label === groupsBefore[i].label && sameMembers(g.members, groupsBefore[i].members));
    const retitledTargets = sameShape && after.some((g, i) => g.members.some((d, k) => d.item.title !== groupsBefore[i].members[k].item.title && this.isLinkTarget(d)));
    if (!sameShape || retitledTargets) return this.refreshAll();
    const refreshed: EvidenceNode[] = [];
    after.forEach((g, i) => {
      const old = groupsBefore[i];
      old.members = g.members;
      if (!old.children) return;
      g.members.forEach((d, k) => {
        const row = old.children![k] as DocumentRow;
        const unchanged = row.item === d.item && row.details === d.details; // a re-read file gets new objects
        row.doc = d;
        if (unchanged) return;
        row.links = undefined;
        refreshed.push(row);
      });
    });
    if (refreshed.length > 0) this.changed.fire(refreshed);
  }

  /**
   * The common case of an edit, in time proportional to the files changed (and a search of the
   * groups they are in): each stays listed, in the same groups, and is not a link target whose title
   * changed. Its listed entry is updated in place (its rows read it); resolves with the rows to
   * refresh, or undefined when the groups must be made again.
   */
  private async updateInPlace(folders: readonly FolderDocuments[], changed: readonly vscode.Uri[]): Promise<EvidenceNode[] | undefined> {
    const me = await this.identity();
    const { groupBy, filter } = this.viewState;
    const updates: { listed: ListedDocument; next: Pick<ListedDocument, 'item' | 'details'>; shownIn: GroupNode[]; scan: FolderDocuments['scan'] }[] = [];
    for (const uri of changed) {
      const located = locateFile(folders, uri);
      if (!located) return undefined;
      const { folder: f, rel } = located;
      const item = f.scan.items.find((i) => i.path === rel);
      if (!item) return undefined; // deleted
      const next = { item, details: f.scan.details[rel] };
      if (!matchesViewFilter(next, filter, me)) return undefined;
      // The groups it belongs in now must be shown, and hold it already (else it moves or appears)…
      const groups = groupDocuments([next], groupBy).map((g) => this.lastRoots.find((n): n is GroupNode => n.type === 'group' && n.key === g.key && n.label === g.label));
      if (groups.length === 0 || groups.some((g) => !g)) return undefined;
      const shownIn = groups as GroupNode[];
      const listed = shownIn[0].members[indexOfMember(shownIn[0], f, rel)];
      if (!listed) return undefined;
      // …and be all the groups it was in (grouped by tag, a document is in one group per tag).
      const keys = (gs: readonly { key: string }[]) => gs.map((g) => g.key).sort().join('\n');
      if (keys(groupDocuments([listed], groupBy)) !== keys(shownIn)) return undefined;
      if (item.title !== listed.item.title && this.isLinkTarget(listed)) return undefined;
      updates.push({ listed, next, shownIn, scan: f.scan });
    }
    // Every file stays in place: only now is anything changed (a refusal above leaves the tree as it was).
    const rows: EvidenceNode[] = [];
    for (const { listed, next, shownIn, scan } of updates) {
      const linksChanged = JSON.stringify(listed.details?.links ?? []) !== JSON.stringify(next.details?.links ?? []);
      if (linksChanged) this.linkTargets.delete(scan);
      listed.item = next.item;
      listed.details = next.details;
      for (const g of shownIn) {
        const row = g.children?.[g.members.indexOf(listed)];
        if (row?.type !== 'document') continue;
        if (linksChanged) row.links = undefined;
        rows.push(row);
      }
    }
    return rows;
  }

  /**
   * Paths some document links to, by folder scan: made when first needed (a walk over every
   * document's details, 1–4 ms for 11,000), dropped when links may have changed.
   */
  private linkTargets = new WeakMap<FolderDocuments['scan'], Set<string>>();

  /** Whether any document of `d`'s folder links to it (its link rows show its title). */
  private isLinkTarget(d: ListedDocument): boolean {
    let targets = this.linkTargets.get(d.scan);
    if (!targets) {
      // Over the items (an array), not `Object.values(details)`: listing a dictionary of 11,000 keys costs ~3× more.
      targets = new Set<string>();
      for (const item of d.scan.items) for (const l of d.scan.details[item.path]?.links ?? []) targets.add(l.target);
      this.linkTargets.set(d.scan, targets);
    }
    return targets.has(d.item.path);
  }

  /**
   * Whether a folder is in a git work tree, looked up once per folder (not on every refresh), and
   * synchronously: a few `stat`s of cached directories, where an asynchronous one would wait behind
   * whatever else the extension host runs after a load (the Problems panel's checks).
   */
  private readonly repoFolders = new Map<string, boolean>();
  private inRepository(dir: string): boolean {
    let known = this.repoFolders.get(dir);
    if (known === undefined) this.repoFolders.set(dir, (known = isGitWorkTree(dir)));
    return known;
  }

  /** The user's identity for "Mine only": setting aliases, and git's user.name/email when trusted. */
  private async identity(): Promise<Identity> {
    if (!this.viewState.filter.mineOnly) return { emails: [], names: [] };
    this.me ??= (async () => {
      const emails = [...settings.identities()];
      const names: string[] = [];
      if (vscode.workspace.isTrusted) {
        for (const f of vscode.workspace.workspaceFolders ?? []) {
          try {
            const repo = await openRepository(f.uri.fsPath);
            emails.push(...(await userIdentities(repo, [])));
            const name = await configValue(repo, 'user.name');
            if (name) names.push(name);
          } catch {
            /* not a repository, or git missing: the settings' identities only (the roots must not fail) */
          }
        }
      }
      return { emails, names };
    })();
    return this.me;
  }

  private async suggestionNodes(): Promise<EvidenceNode[]> {
    const all = await this.services.suggestions.all();
    const nodes: EvidenceNode[] = [];
    for (const f of all) {
      if (f.state === 'unavailable') {
        nodes.push({ type: 'message', text: all.length > 1 ? `${f.folder.name}: ${f.reason}` : f.reason });
        continue;
      }
      for (const s of f.pending) nodes.push({ type: 'suggestion', suggestion: s, folderUri: f.folder.uri.toString() });
    }
    if (nodes.length === 0) nodes.push({ type: 'message', text: 'No merged work of yours found yet.' });
    return nodes;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.changed.dispose();
  }
}

/** Where the document at `rel` (POSIX, relative to the folder) is among a group's members, or -1. */
function indexOfMember(group: GroupNode, folder: FolderDocuments, rel: string): number {
  return group.members.findIndex((d) => d.item.path === rel && d.folder === folder.folder);
}

/** Same documents in the same order (the same files; their contents may differ). */
function sameMembers(a: readonly ListedDocument[], b: readonly ListedDocument[]): boolean {
  return a.length === b.length && a.every((d, i) => d.item.path === b[i].item.path && d.folder === b[i].folder);
}

/** True when `dir` or a parent holds `.git` (a folder, or a file for worktrees and submodules). */
function isGitWorkTree(dir: string): boolean {
  for (let d = dir, up = 0; up < 32; up++) {
    if (fs.statSync(path.join(d, '.git'), { throwIfNoEntry: false })) return true;
    const parent = path.dirname(d);
    if (parent === d) return false;
    d = parent;
  }
  return false;
}
