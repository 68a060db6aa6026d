import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { Identity, groupDocuments, matchesViewFilter } from '../../core/index/viewModel';
import { userIdentities } from '../../node/git/identity';
import { configValue, openRepository } from '../../node/git/repository';
import { settings } from '../settings/settings';
import { ViewState } from './viewState';
import { Services } from '../shared/services';
import { EvidenceNode, suggestionDetails, toTreeItem } from './nodes';

/**
 * The Evidence view: documents grouped by kind, then Suggestions. Returns no children when there is
 * nothing to show, so the view's welcome content (New Design Doc, Scan merged work) appears.
 */
export class EvidenceTreeProvider implements vscode.TreeDataProvider<EvidenceNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EvidenceNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  private me: Promise<Identity> | undefined;

  constructor(
    private readonly services: Services,
    private readonly viewState: ViewState,
  ) {
    this.subscriptions = [
      services.documents.onDidChange(() => this.changed.fire(undefined)),
      services.suggestions.onDidChange(() => this.changed.fire(undefined)),
      viewState.onDidChange(() => this.changed.fire(undefined)),
    ];
  }

  private readonly parents = new WeakMap<EvidenceNode, EvidenceNode>();
  private lastRoots: EvidenceNode[] = [];

  /** Parent of a node, for `TreeView.reveal`. */
  getParent(node: EvidenceNode): EvidenceNode | undefined {
    return this.parents.get(node);
  }

  /** The first document node of `uri` in the tree as last shown, if any. */
  findDocument(uri: vscode.Uri): EvidenceNode | undefined {
    for (const g of this.lastRoots) {
      if (g.type !== 'group') continue;
      const hit = g.children.find((c) => c.type === 'document' && c.uri.toString() === uri.toString());
      if (hit) return hit;
    }
    return undefined;
  }

  getTreeItem(node: EvidenceNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  async getChildren(node?: EvidenceNode): Promise<EvidenceNode[]> {
    if (!node) return this.roots();
    if (node.type === 'group') return node.children;
    if (node.type === 'document') return node.links;
    if (node.type === 'suggestions') return this.suggestionNodes();
    if (node.type === 'suggestion') return suggestionDetails(node);
    return [];
  }

  private async roots(): Promise<EvidenceNode[]> {
    const folders = await this.services.documents.all();
    if (folders.length === 0) return [];
    const multiRoot = folders.filter((f) => f.folder.index >= 0).length > 1; // the journal is not a workspace folder
    const { groupBy, filter } = this.viewState;
    const me = await this.identity();
    const docs = folders.flatMap(({ folder, scan }) => {
      const titles = new Map(scan.items.map((i) => [i.path, i.title])); // once per folder: link targets' titles
      return scan.items.map((item) => ({ item, details: scan.details[item.path], folder, titles }));
    });
    const shown = docs.filter((d) => matchesViewFilter(d, filter, me));
    const groups: EvidenceNode[] = groupDocuments(shown, groupBy).map((g) => ({
      type: 'group',
      key: g.key,
      label: g.label,
      children: g.members.map((d) => {
        const uri = vscode.Uri.joinPath(d.folder.uri, ...d.item.path.split('/'));
        const parentId = `doc:${g.key}:${uri.toString()}`;
        const links: EvidenceNode[] = (d.details?.links ?? []).map((l) => ({
          type: 'link',
          parentId,
          relation: l.relation,
          title: d.titles.get(l.target) ?? l.target.split('/').pop() ?? l.target,
          uri: vscode.Uri.joinPath(d.folder.uri, ...l.target.split('/')),
          exists: d.titles.has(l.target),
        }));
        return { type: 'document', item: d.item, details: d.details, uri, folderName: multiRoot ? d.folder.name : undefined, groupKey: g.key, links };
      }),
    }));
    for (const g of groups) {
      if (g.type !== 'group') continue;
      for (const c of g.children) {
        this.parents.set(c, g);
        if (c.type === 'document') for (const l of c.links) this.parents.set(l, c);
      }
    }
    this.lastRoots = groups;
    // Suggestions need a repository; `.git` is checked on disk so no git process runs here.
    const anyRepo = (await Promise.all(folders.map(({ folder }) => this.inRepository(folder.uri.fsPath)))).some(Boolean);
    if (anyRepo) groups.push({ type: 'suggestions' });
    return groups;
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
