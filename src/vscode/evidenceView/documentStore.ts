import * as vscode from 'vscode';
import * as path from 'path';
import { promises as fs } from 'fs';
import { JOURNAL_FOLDERS, scanEvidence, ScanResult, updateScanFile } from '../../node/scanEvidence';
import { documentFolderSettings, settings } from '../settings/settings';
import { FileAddition, fileAdditions, headCommit, openRepository } from '../../node/git/repository';

/** The evidence documents of one workspace folder. */
export interface FolderDocuments {
  folder: vscode.WorkspaceFolder;
  scan: ScanResult;
}

/** What {@link DocumentStore.onDidLoad} carries: every folder, and which files were re-read (none: all of them). */
export interface DocumentsLoaded {
  folders: FolderDocuments[];
  /** The files a per-file update re-read (changed, created or deleted); undefined after a full scan. */
  changed?: vscode.Uri[];
}

/**
 * Evidence documents of every workspace folder, scanned on first use; afterwards a changed file
 * updates only its own entry ({@link update}, from the file watcher), and {@link invalidate} rescans.
 * Scans never throw into the UI: a folder that cannot be scanned is logged and left out.
 */
export class DocumentStore implements vscode.Disposable {
  private cache: Promise<FolderDocuments[]> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after {@link invalidate}: everything will be read again on the next {@link all}. */
  readonly onDidChange = this.changed.event;
  private readonly loaded = new vscode.EventEmitter<DocumentsLoaded>();
  /** Fires after each full scan and each per-file update, with the result. */
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

  /**
   * Re-reads only the files that changed (created, changed, deleted — a rename is both), in the scan
   * already made; a layout file (`.adr-dir`, `.log4brains.yml`, `adr.config.json`) rescans its folder.
   */
  async update(uris: readonly vscode.Uri[]): Promise<void> {
    if (!this.cache) return; // nothing scanned yet: the first look reads everything anyway
    const folders = await this.cache;
    const touched: vscode.Uri[] = [];
    for (const uri of uris) {
      const f = folders.find((x) => uri.fsPath.startsWith(x.folder.uri.fsPath + path.sep));
      if (!f) {
        // The first entry of a journal that did not exist at the last scan: scan again.
        if (uri.fsPath.startsWith(settings.journalDir() + path.sep)) return this.invalidate();
        continue;
      }
      const rel = path.relative(f.folder.uri.fsPath, uri.fsPath).split(path.sep).join('/');
      const outcome = updateScanFile(f.scan, rel);
      if (outcome === 'rescan') return this.invalidate();
      if (outcome !== 'ignored') touched.push(uri);
    }
    if (touched.length > 0) this.loaded.fire({ folders, changed: touched });
  }

  private async scanAll(): Promise<FolderDocuments[]> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    const journal = await this.scanJournal();
    const started = Date.now();
    const results = await Promise.all(
      folders.map(async (folder) => {
        try {
          const t0 = performance.now();
          const scan = await scanEvidence(folder.uri.fsPath, { settings: documentFolderSettings(folder) });
          const t1 = performance.now();
          await this.addGitAuthors(folder, scan);
          this.log.info(`${folder.name}: read ${scan.items.length} documents in ${(t1 - t0).toFixed(0)} ms, git authors in ${(performance.now() - t1).toFixed(0)} ms`);
          return { folder, scan };
        } catch (err) {
          this.log.warn(`scan of ${folder.uri.fsPath} failed: ${(err as Error).message}`);
          return undefined;
        }
      }),
    );
    const ok = results.filter((r): r is FolderDocuments => r !== undefined);
    if (journal && folders.length > 0) ok.push(journal);
    this.log.info(`scanned ${ok.length} folder(s): ${ok.reduce((n, r) => n + r.scan.items.length, 0)} documents in ${Date.now() - started} ms`);
    this.loaded.fire({ folders: ok });
    return ok;
  }

  /**
   * Who added each document and when, from one `git log` per repository (trusted workspaces only),
   * cached until HEAD moves: "mine" then also covers documents the user committed.
   */
  private async addGitAuthors(folder: vscode.WorkspaceFolder, scan: ScanResult): Promise<void> {
    if (!vscode.workspace.isTrusted || scan.folders.length === 0) return;
    try {
      const repo = await openRepository(folder.uri.fsPath);
      const head = await headCommit(repo);
      const key = `${repo.root}@${head}`;
      let additions = this.additionCache.get(key);
      if (!additions) {
        const prefix = path.relative(repo.root, scan.root).split(path.sep).join('/');
        const toRepo = (p: string) => (prefix ? `${prefix}/${p}` : p);
        additions = await fileAdditions(repo, scan.folders.map((f) => toRepo(f.path)));
        this.additionCache.clear();
        this.additionCache.set(key, additions);
      }
      const prefix = path.relative(repo.root, scan.root).split(path.sep).join('/');
      for (const item of scan.items) {
        const a = additions.get(prefix ? `${prefix}/${item.path}` : item.path);
        const d = scan.details[item.path];
        if (a && d) d.added = { name: a.author.name, email: a.author.email, date: a.date };
      }
    } catch {
      /* not a repository, or git missing: no git data */
    }
  }

  private readonly additionCache = new Map<string, Map<string, FileAddition>>();

  /** The personal journal (brag entries, STAR stories), shown like a folder named "Journal". */
  private async scanJournal(): Promise<FolderDocuments | undefined> {
    const dir = settings.journalDir();
    const exists = await fs.stat(dir).then((s) => s.isDirectory(), () => false);
    if (!exists) return undefined;
    const scan = await scanEvidence(dir, { folders: [...JOURNAL_FOLDERS] }).catch(() => undefined);
    return scan && { folder: { uri: vscode.Uri.file(dir), name: 'Journal', index: -1 }, scan };
  }

  dispose(): void {
    this.loaded.dispose();
    this.changed.dispose();
  }
}
