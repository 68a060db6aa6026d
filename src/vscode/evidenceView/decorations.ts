import * as path from 'path';
import * as vscode from 'vscode';
import { CanonicalStatus } from '../../core/evidence/model';
import { statusInfo } from '../../core/evidence/status';
import { DocumentStore, FolderDocuments, locateFile } from './documentStore';


/**
 * Shows a document's status on its file — in the Evidence view and the explorer alike: a letter
 * (P proposed, Dr draft, R rejected, D deprecated, S superseded; accepted has none), dimmed when
 * the document no longer applies. Statuses are looked up when VS Code asks for a file's decoration;
 * after a full scan every decoration is asked for again, after a per-file update only that file's.
 */
export class StatusDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  /** Status of each document by its absolute file path (`Uri.fsPath`). */
  private byPath = new Map<string, CanonicalStatus>();
  private readonly subscription: vscode.Disposable;

  constructor(documents: DocumentStore) {
    this.subscription = documents.onDidLoad(({ folders, changed }) => (changed ? this.updateFiles(folders, changed) : this.replaceAll(folders)));
  }

  private replaceAll(folders: readonly FolderDocuments[]): void {
    this.byPath = new Map();
    for (const { folder, scan } of folders) {
      // Joined by hand: our scan's paths are normal already, and `path.join` (which normalizes) is
      // ~1 µs a call, on the way to the tree's first rows.
      const base = folder.uri.fsPath + path.sep;
      for (const item of scan.items) if (item.status) this.byPath.set(base + (path.sep === '/' ? item.path : item.path.split('/').join(path.sep)), item.status);
    }
    this.changed.fire(undefined); // every file: cheaper than naming 10,000 of them
  }

  /** After a per-file update: only the files re-read, and only those whose status changed. */
  private updateFiles(folders: readonly FolderDocuments[], changed: readonly vscode.Uri[]): void {
    const fired: vscode.Uri[] = [];
    for (const uri of changed) {
      const at = locateFile(folders, uri);
      const status = at?.folder.scan.items.find((i) => i.path === at.rel)?.status ?? undefined;
      if (this.byPath.get(uri.fsPath) === status) continue;
      if (status) this.byPath.set(uri.fsPath, status);
      else this.byPath.delete(uri.fsPath);
      fired.push(uri);
    }
    if (fired.length > 0) this.changed.fire(fired);
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== 'file') return undefined;
    const status = this.byPath.get(uri.fsPath);
    const info = status && statusInfo(status);
    if (!info?.badge) return undefined;
    return new vscode.FileDecoration(info.badge.letter, info.label, info.badge.dim ? new vscode.ThemeColor('disabledForeground') : undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
