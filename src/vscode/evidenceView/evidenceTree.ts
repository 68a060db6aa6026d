import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { Identity, groupDocuments, matchesViewFilter } from '../../core/index/viewModel';
import { userIdentities } from '../../node/git/identity';
import { configValue, openRepository } from '../../node/git/repository';
import { settings } from '../settings/settings';
import { ViewState } from './viewState';
import { Services } from '../shared/services';
import { DocumentsLoaded, FolderDocuments, locateFile } from './documentStore';
import { EvidenceNode, ListedDocument, resolveTooltip, suggestionDetails, toTreeItem } from './nodes';

type GroupNode = Extract<EvidenceNode, { type: 'group' }>;
type DocumentNode = Extract<EvidenceNode, { type: 'document' }>;

/**
 * The Evidence view: documents grouped (by kind, quarter, status or tag), then Suggestions. The
 * grouping is computed once per change and kept, so `getChildren` only returns nodes; a group's
 * rows are made when it is expanded. A changed file refreshes its own rows when the grouping stays
 * the same, the whole tree otherwise. Returns no children when there is nothing to show, so the
 * view's welcome content (New Design Doc, Scan merged work) appears.
 */
export class EvidenceTreeProvider implements vscode.TreeDataProvider<EvidenceNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EvidenceNode | EvidenceNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  private me: Promise<Identity> | undefined;
  /** The root nodes as last computed; undefined until asked for, or after a change of view or index. */
  private roots: Promise<EvidenceNode[]> | undefined;
  private lastRoots: EvidenceNode[] = [];
  /** Parents of link rows (a group's rows find theirs by `groupKey`: no entry per row). */
  private readonly linkParents = new WeakMap<EvidenceNode, EvidenceNode>();

  constructor(
    private readonly services: Services,
    private readonly viewState: ViewState,
  ) {
    this.subscriptions = [
      services.documents.onDidChange(() => {
        this.listedCache = undefined;
        this.refreshAll();
      }),
      services.documents.onDidLoad((e) => void this.onDocumentsLoaded(e)),
      services.suggestions.onDidChange(() => {
        const node = this.lastRoots.find((n) => n.type === 'suggestions');
        this.changed.fire(node); // undefined (everything) when there was no Suggestions row yet
      }),
      viewState.onDidChange(() => this.refreshAll()),
    ];
  }

  /** Parent of a node, for `TreeView.reveal`. */
  getParent(node: EvidenceNode): EvidenceNode | undefined {
    if (node.type === 'document') return this.lastRoots.find((g) => g.type === 'group' && g.key === node.groupKey);
    return this.linkParents.get(node);
  }

  /** The first document node of `uri` in the tree as last shown, if any. */
  findDocument(uri: vscode.Uri): EvidenceNode | undefined {
    const at = this.memberPlaces().get(uri.fsPath)?.[0];
    return at && this.groupChildren(at.group)[at.index];
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
    if (node.type === 'document') return node.links;
    if (node.type === 'suggestions') return this.suggestionNodes();
    if (node.type === 'suggestion') return suggestionDetails(node);
    return [];
  }

  private refreshAll(): void {
    this.roots = undefined;
    this.members = undefined;
    this.linkTargets.clear();
    this.changed.fire(undefined);
  }

  /** Every document of the index as listed, kept until the index changes (a filter or grouping reuses it). */
  private listedCache: ListedDocument[] | undefined;

  private listed(folders: readonly FolderDocuments[]): ListedDocument[] {
    this.listedCache ??= folders.flatMap(({ folder, scan }) => {
      const titles = new Map(scan.items.map((i) => [i.path, i.title])); // once per folder: link targets' titles
      return scan.items.map((item): ListedDocument => ({ item, details: scan.details[item.path], folder, titles }));
    });
    return this.listedCache;
  }

  /** Documents of every folder, filtered and grouped as the view is set. */
  private async groups(folders: readonly FolderDocuments[]): Promise<GroupNode[]> {
    const me = await this.identity();
    const { groupBy, filter } = this.viewState;
    const shown = this.listed(folders).filter((d) => matchesViewFilter(d, filter, me));
    return groupDocuments(shown, groupBy).map((g) => ({ type: 'group', key: g.key, label: g.label, members: g.members }));
  }

  private async computeRoots(): Promise<EvidenceNode[]> {
    const folders = await this.services.documents.all();
    if (folders.length === 0) return (this.lastRoots = []);
    this.multiRoot = folders.filter((f) => f.folder.index >= 0).length > 1; // the journal is not a workspace folder
    // Suggestions need a repository; `.git` is checked on disk (no git process), while the groups are made.
    const anyRepo = Promise.all(folders.map(({ folder }) => this.inRepository(folder.uri.fsPath))).then((r) => r.some(Boolean));
    const roots: EvidenceNode[] = await this.groups(folders);
    if (await anyRepo) roots.push({ type: 'suggestions' });
    this.lastRoots = roots;
    this.members = undefined;
    return roots;
  }

  private multiRoot = false;

  /** A group's document rows, made on first expansion and kept with the group. */
  private groupChildren(group: GroupNode): EvidenceNode[] {
    group.children ??= group.members.map((d) => this.documentNode(d, group.key));
    return group.children;
  }

  private documentNode(d: ListedDocument, groupKey: string): DocumentNode {
    const node: DocumentNode = { type: 'document', item: d.item, details: d.details, uri: documentUri(d), folderName: this.multiRoot ? d.folder.name : undefined, groupKey, links: [] };
    this.setLinks(node, d);
    return node;
  }

  private setLinks(node: DocumentNode, d: ListedDocument): void {
    const links = d.details?.links ?? [];
    if (links.length === 0 && node.links.length === 0) return; // most documents: nothing to make
    const parentId = `doc:${node.groupKey}:${node.uri.toString()}`;
    node.links = links.map((l) => ({
      type: 'link',
      parentId,
      relation: l.relation,
      title: d.titles.get(l.target) ?? l.target.split('/').pop() ?? l.target,
      uri: vscode.Uri.joinPath(d.folder.uri, ...l.target.split('/')),
      exists: d.titles.has(l.target),
    }));
    for (const l of node.links) this.linkParents.set(l, node);
  }

  /**
   * After files were re-read (`changed`): when the groups and their members stay the same, the
   * changed rows are updated in place and refreshed alone; otherwise (a document moved, appeared or
   * went, or a linked document changed its title) the whole tree is.
   */
  private async onDocumentsLoaded({ folders, changed }: DocumentsLoaded): Promise<void> {
    if (!changed) return (this.listedCache = undefined); // a full scan: the roots were (or will be) computed from it
    const current = this.roots;
    if (!current) {
      this.listedCache = undefined;
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
    this.listedCache = undefined;
    this.linkTargets.clear();
    const after = await this.groups(folders);
    if (this.roots !== current) return;
    const groupsBefore = before.filter((n): n is GroupNode => n.type === 'group');
    const sameShape =
      groupsBefore.length === after.length &&
      after.every((g, i) => g.key === groupsBefore[i].key && g.label === groupsBefore[i].label && sameMembers(g.members, groupsBefore[i].members));
    const retitledTargets = sameShape && after.some((g, i) => g.members.some((d, k) => d.item.title !== groupsBefore[i].members[k].item.title && this.isLinkTarget(folders, d)));
    if (!sameShape || retitledTargets) return this.refreshAll();
    const refreshed: EvidenceNode[] = [];
    after.forEach((g, i) => {
      const old = groupsBefore[i];
      old.members = g.members;
      if (!old.children) return;
      g.members.forEach((d, k) => {
        const node = old.children![k] as DocumentNode;
        if (node.item === d.item && node.details === d.details) return; // a re-read file gets new objects
        node.item = d.item;
        node.details = d.details;
        this.setLinks(node, d);
        refreshed.push(node);
      });
    });
    if (refreshed.length > 0) this.changed.fire(refreshed);
  }

  /** Where each listed document is in the groups shown, by file path (`Uri.fsPath`); made when first needed. */
  private members: Map<string, { group: GroupNode; index: number }[]> | undefined;

  private memberPlaces(): Map<string, { group: GroupNode; index: number }[]> {
    if (!this.members) {
      const places = new Map<string, { group: GroupNode; index: number }[]>();
      for (const group of this.lastRoots) {
        if (group.type !== 'group') continue;
        group.members.forEach((d, index) => {
          const key = fsPathOf(d);
          places.set(key, [...(places.get(key) ?? []), { group, index }]);
        });
      }
      this.members = places;
    }
    return this.members;
  }

  /**
   * The common case of an edit, in time proportional to the files changed: each stays listed, in
   * the same groups, and is not a link target whose title changed. Its listed entry and rows are
   * updated in place; resolves with the rows to refresh, or undefined when the groups must be made again.
   */
  private async updateInPlace(folders: readonly FolderDocuments[], changed: readonly vscode.Uri[]): Promise<EvidenceNode[] | undefined> {
    const me = await this.identity();
    const { groupBy, filter } = this.viewState;
    const places = this.memberPlaces();
    const rows: EvidenceNode[] = [];
    for (const uri of changed) {
      const located = locateFile(folders, uri);
      if (!located) return undefined;
      const { folder: f, rel } = located;
      const item = f.scan.items.find((i) => i.path === rel);
      const at = places.get(uri.fsPath);
      if (!item || !at) return undefined; // deleted, created, or filtered out before
      const listed = at[0].group.members[at[0].index];
      const next: ListedDocument = { ...listed, item, details: f.scan.details[rel] };
      if (!matchesViewFilter(next, filter, me)) return undefined;
      const keys = groupDocuments([next], groupBy).map((g) => `${g.key}\n${g.label}`);
      const placed = at.map((p) => `${p.group.key}\n${p.group.label}`);
      if (keys.length !== placed.length || keys.some((k) => !placed.includes(k))) return undefined;
      if (item.title !== listed.item.title && this.isLinkTarget(folders, listed)) return undefined;
      if (JSON.stringify(listed.details?.links ?? []) !== JSON.stringify(next.details?.links ?? [])) this.linkTargets.delete(f.folder.uri.toString());
      listed.item = item;
      listed.details = next.details;
      listed.titles.set(rel, item.title);
      for (const p of at) {
        const node = p.group.children?.[p.index];
        if (node?.type !== 'document') continue;
        node.item = item;
        node.details = next.details;
        this.setLinks(node, listed);
        rows.push(node);
      }
    }
    return rows;
  }

  /** Paths some document links to, by folder URI; made when first needed, dropped when links change. */
  private readonly linkTargets = new Map<string, Set<string>>();

  /** Whether any document of `d`'s folder links to it (its link rows show its title). */
  private isLinkTarget(folders: readonly FolderDocuments[], d: ListedDocument): boolean {
    const key = d.folder.uri.toString();
    let targets = this.linkTargets.get(key);
    if (!targets) {
      const f = folders.find((x) => x.folder === d.folder);
      targets = new Set(Object.values(f?.scan.details ?? {}).flatMap((det) => det.links.map((l) => l.target)));
      this.linkTargets.set(key, targets);
    }
    return targets.has(d.item.path);
  }

  /** Whether a folder is in a git work tree, looked up once per folder (not on every refresh). */
  private readonly repoFolders = new Map<string, Promise<boolean>>();
  private inRepository(dir: string): Promise<boolean> {
    let known = this.repoFolders.get(dir);
    if (!known) this.repoFolders.set(dir, (known = isGitWorkTree(dir)));
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
          const repo = await openRepository(f.uri.fsPath).catch(() => null);
          if (!repo) continue;
          emails.push(...(await userIdentities(repo, [])));
          const name = await configValue(repo, 'user.name');
          if (name) names.push(name);
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

/** URIs made so far, by document: an entry lives as long as its file is not re-read. */
const uris = new WeakMap<ListedDocument['item'], vscode.Uri>();

/** A document's URI; its path is already normal (from our own scan), so no `joinPath` normalising. */
function documentUri(d: ListedDocument): vscode.Uri {
  let uri = uris.get(d.item);
  if (!uri) uris.set(d.item, (uri = d.folder.uri.with({ path: `${d.folder.uri.path.replace(/\/$/, '')}/${d.item.path}` })));
  return uri;
}

/** A document's absolute file path, as `Uri.fsPath` gives it (without `path.join`'s normalising). */
function fsPathOf(d: ListedDocument): string {
  return `${d.folder.uri.fsPath}${path.sep}${path.sep === '/' ? d.item.path : d.item.path.split('/').join(path.sep)}`;
}

/** Same documents in the same order (the same files; their contents may differ). */
function sameMembers(a: readonly ListedDocument[], b: readonly ListedDocument[]): boolean {
  return a.length === b.length && a.every((d, i) => d.item.path === b[i].item.path && d.folder === b[i].folder);
}

/** True when `dir` or a parent holds `.git` (a folder, or a file for worktrees and submodules). */
async function isGitWorkTree(dir: string): Promise<boolean> {
  for (let d = dir, up = 0; up < 32; up++) {
    if (await fs.stat(path.join(d, '.git')).then(() => true, () => false)) return true;
    const parent = path.dirname(d);
    if (parent === d) return false;
    d = parent;
  }
  return false;
}
