import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EVIDENCE_KINDS } from '../../core/evidence/kinds';
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

  constructor(private readonly services: Services) {
    this.subscriptions = [
      services.documents.onDidChange(() => this.changed.fire(undefined)),
      services.suggestions.onDidChange(() => this.changed.fire(undefined)),
    ];
  }

  getTreeItem(node: EvidenceNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  async getChildren(node?: EvidenceNode): Promise<EvidenceNode[]> {
    if (!node) return this.roots();
    if (node.type === 'kind') return node.children;
    if (node.type === 'suggestions') return this.suggestionNodes();
    if (node.type === 'suggestion') return suggestionDetails(node);
    return [];
  }

  private async roots(): Promise<EvidenceNode[]> {
    const folders = await this.services.documents.all();
    if (folders.length === 0) return [];
    const multiRoot = folders.length > 1;
    const groups: EvidenceNode[] = [];
    for (const kind of EVIDENCE_KINDS) {
      const children: EvidenceNode[] = [];
      for (const { folder, scan } of folders) {
        for (const item of scan.items) {
          if (item.kind !== kind) continue;
          const uri = vscode.Uri.joinPath(folder.uri, ...item.path.split('/'));
          children.push({ type: 'document', item, uri, folderName: multiRoot ? folder.name : undefined });
        }
      }
      if (children.length > 0) groups.push({ type: 'kind', kind, children });
    }
    // Suggestions need a repository; `.git` is checked on disk so no git process runs here.
    const anyRepo = (await Promise.all(folders.map(({ folder }) => isGitWorkTree(folder.uri.fsPath)))).some(Boolean);
    if (anyRepo) groups.push({ type: 'suggestions' });
    return groups;
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
