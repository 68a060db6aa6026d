import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { JOURNAL_FOLDERS, scanEvidence, ScanResult, updateScanFile } from '../../node/scanEvidence';
import { ParsedDocuments } from '../../node/parsedDocuments';
import { documentFolderSettings, settings } from '../settings/settings';
import { GitAdditions, GitAttribution, applyGitAdditions, cacheName } from './gitAttribution';

/** The evidence documents of one workspace folder. */
export interface FolderDocuments {
  folder: vscode.WorkspaceFolder;
  scan: ScanResult;
}

/** How long after a full scan its parsed documents are saved for the next session (ms). */
const SAVE_DELAY_MS = 2000;

/** What {@link DocumentStore.onDidLoad} carries: every folder, and which files were re-read (none: all of them). */
export interface DocumentsLoaded {
  folders: FolderDocuments[];
  /** The files a per-file update re-read (changed, created or deleted); undefined after a full scan. */
  changed?: vscode.Uri[];
}

/**
 * The indexed folder holding `uri`, with the file's path relative to it (POSIX), or undefined
 * when no indexed folder (workspace folder or journal) holds it.
 */
export function locateFile(folders: readonly FolderDocuments[], uri: vscode.Uri): { folder: FolderDocuments; rel: string } | undefined {
  const folder = folders.find((x) => uri.fsPath.startsWith(x.folder.uri.fsPath + path.sep));
  return folder && { folder, rel: path.relative(folder.folder.uri.fsPath, uri.fsPath).split(path.sep).join('/') };
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

  /**
   * @param storageDir the workspace's storage folder (`ExtensionContext.storageUri`) for caches (parsed
   *   documents, git authors); none: memory only.
   * @param version the extension's version: parsed documents cached by another version are not used.
   */
  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly storageDir?: string,
    private readonly version = '0',
  ) {
    this.git = new GitAttribution(storageDir, (folder) => void this.refreshGitAuthors(folder));
  }

  private readonly git: GitAttribution;

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
   * already made, then fires {@link onDidLoad} with them; a layout file (`.adr-dir`,
   * `.log4brains.yml`, `adr.config.json`) rescans everything. Only files that read differently
   * than before are announced. Resolves with the files taken (a file outside every evidence folder
   * is not).
   */
  async update(uris: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
    if (!this.cache) return []; // nothing scanned yet: the first look reads everything anyway
    const folders = await this.cache;
    const taken: vscode.Uri[] = [];
    const changed: vscode.Uri[] = [];
    for (const uri of uris) {
      const at = locateFile(folders, uri);
      if (!at) {
        // The first entry of a journal that did not exist at the last scan: scan again.
        if (uri.fsPath.startsWith(settings.journalDir() + path.sep)) return this.rescan(uris);
        continue;
      }
      const outcome = updateScanFile(at.folder.scan, at.rel);
      if (outcome === 'rescan') return this.rescan(uris);
      if (outcome !== 'ignored') taken.push(uri);
      if (outcome === 'updated' || outcome === 'removed') changed.push(uri);
    }
    if (changed.length > 0) this.loaded.fire({ folders, changed });
    return taken;
  }

  /**
   * Takes documents our commands just created or edited: like {@link update}, but a file that no
   * evidence folder holds yet (the first document of a new folder) rescans, so it is always listed.
   */
  async include(uris: readonly vscode.Uri[]): Promise<void> {
    if (!this.cache) return;
    const taken = await this.update(uris);
    if (taken.length < uris.length) await this.rescan(uris);
  }

  /** The index's scan of a workspace folder (scanning first if nothing is indexed yet), or undefined. */
  async scanOf(folder: vscode.WorkspaceFolder): Promise<ScanResult | undefined> {
    return (await this.all()).find((f) => f.folder.uri.toString() === folder.uri.toString())?.scan;
  }

  private async rescan(uris: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
    this.invalidate();
    await this.all();
    return [...uris];
  }

  private async scanAll(): Promise<FolderDocuments[]> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    const started = Date.now();
    const journalScan = this.scanJournal(); // meanwhile
    const results = await Promise.all(
      folders.map(async (folder) => {
        try {
          const t0 = performance.now();
          const parsed = await this.parsedDocuments(folder.uri.fsPath);
          // git runs (in its own process) while the documents are read: it needs only the folders.
          let git: Promise<GitAdditions | undefined> = Promise.resolve(undefined);
          const scan = await scanEvidence(folder.uri.fsPath, { settings: documentFolderSettings(folder), parsed, onListed: (evidenceFolders) => (git = this.git.lookUp(folder, evidenceFolders)) });
          if (parsed) setTimeout(() => void parsed.save(), SAVE_DELAY_MS); // off the path to the tree
          const t1 = performance.now();
          applyGitAdditions(scan, await git);
          this.log.info(`${folder.name}: read ${scan.items.length} documents in ${(t1 - t0).toFixed(0)} ms, git authors ${(performance.now() - t1).toFixed(0)} ms later`);
          return { folder, scan };
        } catch (err) {
          this.log.warn(`scan of ${folder.uri.fsPath} failed: ${(err as Error).message}`);
          return undefined;
        }
      }),
    );
    const ok = results.filter((r): r is FolderDocuments => r !== undefined);
    const journal = await journalScan;
    if (journal && folders.length > 0) ok.push(journal);
    this.log.info(`scanned ${ok.length} folder(s): ${ok.reduce((n, r) => n + r.scan.items.length, 0)} documents in ${Date.now() - started} ms`);
    this.loaded.fire({ folders: ok });
    return ok;
  }

  /** After HEAD moved in a folder's repository: who added what, again, announcing the documents that changed. */
  private async refreshGitAuthors(folder: vscode.WorkspaceFolder): Promise<void> {
    if (!this.cache) return;
    const folders = await this.cache;
    const f = folders.find((x) => x.folder.uri.toString() === folder.uri.toString());
    if (!f) return;
    const changed = applyGitAdditions(f.scan, await this.git.lookUp(folder, f.scan.folders));
    if (changed.length > 0) this.loaded.fire({ folders, changed: changed.map((p) => vscode.Uri.joinPath(folder.uri, ...p.split('/'))) });
  }

  private readonly parsed = new Map<string, Promise<ParsedDocuments>>();
  private parsedDocuments(root: string): Promise<ParsedDocuments> | undefined {
    if (!this.storageDir) return undefined;
    let p = this.parsed.get(root);
    if (!p) this.parsed.set(root, (p = ParsedDocuments.load(path.join(this.storageDir, `documents-${cacheName(root)}.json`), this.version)));
    return p;
  }

  /** The personal journal (brag entries, STAR stories), shown like a folder named "Journal". */
  private async scanJournal(): Promise<FolderDocuments | undefined> {
    const dir = settings.journalDir();
    const exists = await fs.stat(dir).then((s) => s.isDirectory(), () => false);
    if (!exists) return undefined;
    const scan = await scanEvidence(dir, { folders: [...JOURNAL_FOLDERS] }).catch(() => undefined);
    return scan && { folder: { uri: vscode.Uri.file(dir), name: 'Journal', index: -1 }, scan };
  }

  dispose(): void {
    this.git.dispose();
    this.loaded.dispose();
    this.changed.dispose();
  }
}
