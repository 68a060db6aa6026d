import * as vscode from 'vscode';
import { CanonicalStatus } from '../../core/evidence/model';
import { DocumentStore } from './documentStore';

const BADGES: Partial<Record<CanonicalStatus, { badge: string; dim: boolean }>> = {
  proposed: { badge: 'P', dim: false },
  draft: { badge: 'Dr', dim: false },
  rejected: { badge: 'R', dim: true },
  deprecated: { badge: 'D', dim: true },
  superseded: { badge: 'S', dim: true },
};

/**
 * Shows a document's status on its file — in the Evidence view and the explorer alike: a letter
 * (P proposed, Dr draft, R rejected, D deprecated, S superseded; accepted has none), dimmed when
 * the document no longer applies.
 */
export class StatusDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private byUri = new Map<string, CanonicalStatus>();
  private readonly subscription: vscode.Disposable;

  constructor(documents: DocumentStore) {
    this.subscription = documents.onDidLoad((folders) => {
      const next = new Map<string, CanonicalStatus>();
      for (const { folder, scan } of folders) {
        for (const item of scan.items) if (item.status) next.set(vscode.Uri.joinPath(folder.uri, ...item.path.split('/')).toString(), item.status);
      }
      const touched = new Set([...this.byUri.keys(), ...next.keys()]);
      this.byUri = next;
      this.changed.fire([...touched].map((u) => vscode.Uri.parse(u)));
    });
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const status = this.byUri.get(uri.toString());
    const b = status && BADGES[status];
    if (!b) return undefined;
    return new vscode.FileDecoration(b.badge, status.charAt(0).toUpperCase() + status.slice(1), b.dim ? new vscode.ThemeColor('disabledForeground') : undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
