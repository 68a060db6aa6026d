import * as path from 'path';
import * as vscode from 'vscode';
import { EvidenceIndex, documentUri } from '../services/evidenceIndex';
import { DecorationsModel } from './decorationsModel';

/**
 * Shows a document's status on its file — in the Evidence view and the explorer alike (see
 * {@link DecorationsModel}): maps its badges to `FileDecoration`s.
 */
export class StatusDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly model = new DecorationsModel(path.sep);
  private readonly subscription: vscode.Disposable;

  constructor(index: EvidenceIndex) {
    this.subscription = index.onDidChange((change) => {
      const refresh = this.model.apply(change);
      if (refresh.all) this.changed.fire(undefined);
      else if (refresh.files.length > 0) this.changed.fire(refresh.files.map((f) => documentUri(f.root, f.path)));
    });
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== 'file') return undefined;
    const b = this.model.badge(uri.fsPath);
    return b && new vscode.FileDecoration(b.letter, b.tooltip, b.dim ? new vscode.ThemeColor('disabledForeground') : undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
