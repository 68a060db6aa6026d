import * as vscode from 'vscode';
import { scanEvidence, ScanResult } from '../../node/scanEvidence';
import { documentFolderSettings } from '../settings/settings';

/** The evidence documents of one workspace folder. */
export interface FolderDocuments {
  folder: vscode.WorkspaceFolder;
  scan: ScanResult;
}

/**
 * Evidence documents of every workspace folder, scanned on first use and cached until
 * {@link invalidate} (called by the file watcher). Scans never throw into the UI: a folder that
 * cannot be scanned is logged and left out.
 */
export class DocumentStore implements vscode.Disposable {
  private cache: Promise<FolderDocuments[]> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after {@link invalidate}. */
  readonly onDidChange = this.changed.event;
  private readonly loaded = new vscode.EventEmitter<FolderDocuments[]>();
  /** Fires after each scan, with its result. */
  readonly onDidLoad = this.loaded.event;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Documents of all `file:` workspace folders, in folder order. */
  all(): Promise<FolderDocuments[]> {
    this.cache ??= this.scanAll();
    return this.cache;
  }

  invalidate(): void {
    this.cache = undefined;
    this.changed.fire();
  }

  private async scanAll(): Promise<FolderDocuments[]> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    const started = Date.now();
    const results = await Promise.all(
      folders.map(async (folder) => {
        try {
          return { folder, scan: await scanEvidence(folder.uri.fsPath, { settings: documentFolderSettings(folder) }) };
        } catch (err) {
          this.log.warn(`scan of ${folder.uri.fsPath} failed: ${(err as Error).message}`);
          return undefined;
        }
      }),
    );
    const ok = results.filter((r): r is FolderDocuments => r !== undefined);
    this.log.info(`scanned ${ok.length} folder(s): ${ok.reduce((n, r) => n + r.scan.items.length, 0)} documents in ${Date.now() - started} ms`);
    this.loaded.fire(ok);
    return ok;
  }

  dispose(): void {
    this.loaded.dispose();
    this.changed.dispose();
  }
}
