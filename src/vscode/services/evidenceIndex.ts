import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  DocumentKey,
  EMPTY_SNAPSHOT,
  EvidenceSnapshot,
  FileReading,
  FolderSnapshot,
  IndexedFolder,
  SnapshotChange,
  folderSnapshot,
  fullChange,
  nextSnapshot,
  withAdditions,
  withReadings,
} from '../../core/index/snapshot';
import { StatusAliases } from '../../core/evidence/status';
import { JOURNAL_SETTINGS_FILE, mergeStatusAliases } from '../../core/evidence/statusAliases';
import { ParsedDocuments } from '../../node/parsedDocuments';
import { StatusAliasRead, readJournalStatusAliases } from '../../node/statusVocabulary';
import { JOURNAL_FOLDERS, ScanResult, readChangedFile, scanEvidence } from '../../node/scanEvidence';
import { settings } from '../settings/settings';
import { DocumentFolders } from './documentFolders';
import { GitAdditions, GitAttribution, cacheName } from './gitAttribution';
import { WorkspaceGit } from './workspaceGit';

/** How long after a full scan its parsed documents are saved for the next session (ms). */
const SAVE_DELAY_MS = 2000;

/** The key of the journal's folder in snapshots. */
export const JOURNAL_KEY = 'career-evidence:journal';

/**
 * The indexed folder holding the file at `fsPath` (absolute), with the file's path relative to it
 * (POSIX), or undefined when no indexed folder (workspace folder or journal) holds it.
 */
export function locateFile(snapshot: EvidenceSnapshot, fsPath: string): { folder: FolderSnapshot; rel: string } | undefined {
  const folder = snapshot.folders.find((x) => fsPath.startsWith(x.folder.root + path.sep));
  return folder && { folder, rel: path.relative(folder.folder.root, fsPath).split(path.sep).join('/') };
}

/** The file URI of the document at `rel` (POSIX, relative to the folder at `root`: normal already, as the scan gives it). */
export function documentUri(root: string, rel: string): vscode.Uri {
  return vscode.Uri.file(`${root}${path.sep}${path.sep === '/' ? rel : rel.split('/').join(path.sep)}`);
}

/**
 * The evidence index: the one owner of scans, file watching and the caches of parsed documents and
 * git authors. It publishes immutable {@link EvidenceSnapshot}s, each with a change list
 * ({@link onDidChange}): the first scan (when something first asks for a snapshot), each file
 * event (only the files changed are read again), who added the documents after HEAD moved, and a
 * rescan when folders, their layout or the settings naming them change. Changes are applied one
 * after another, so versions grow in the order they are published. A folder that cannot be
 * scanned is logged and left out; nothing here throws into the UI.
 */
export class EvidenceIndex implements vscode.Disposable {
  private latest: EvidenceSnapshot = EMPTY_SNAPSHOT;
  /** The first scan, or the rescan under way; undefined until something asks. */
  private loading: Promise<EvidenceSnapshot> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly changed = new vscode.EventEmitter<SnapshotChange>();
  /** Fires with each new snapshot and what differs from the one before. */
  readonly onDidChange = this.changed.event;
  private readonly attribution: GitAttribution;
  private readonly parsed = new Map<string, Promise<ParsedDocuments>>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private journalWatcher: vscode.FileSystemWatcher | undefined;
  private flush: NodeJS.Immediate | undefined;
  private readonly pending = new Map<string, vscode.Uri>();
  /** The status words each folder (by key) was last scanned with, for re-reading one of its files. */
  private readonly statusAliases = new Map<string, StatusAliases>();

  /**
   * @param storageDir the workspace's storage folder (`ExtensionContext.storageUri`) for caches
   *   (parsed documents, git authors); none: memory only.
   * @param version the extension's version: parsed documents cached by another version are not used.
   */
  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly git: WorkspaceGit,
    private readonly documentFolders: DocumentFolders,
    private readonly storageDir?: string,
    private readonly version = '0',
  ) {
    this.attribution = new GitAttribution(git, storageDir);
    const watcher = vscode.workspace.createFileSystemWatcher('**/{*.md,.adr-dir,.log4brains.yml,adr.config.json,statuses.yml}');
    const onFile = (uri: vscode.Uri) => this.onFileEvent(uri);
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate(onFile),
      watcher.onDidChange(onFile),
      watcher.onDidDelete(onFile),
      git.onDidMoveHead((folder) => void this.refreshGitAuthors(folder)),
      documentFolders.onDidChange(() => this.invalidate()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidate()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('careerEvidence.journal.path')) {
          this.watchJournal();
          this.invalidate();
        } else if (
          e.affectsConfiguration('careerEvidence.documentFolders') ||
          e.affectsConfiguration('adrManager.adrDirectory') ||
          e.affectsConfiguration('careerEvidence.statusAliases')
        )
          this.invalidate();
      }),
    );
    this.watchJournal();
  }

  /** The latest snapshot published (the empty one before the first scan). */
  get current(): EvidenceSnapshot {
    return this.latest;
  }

  /** True once a scan has been published (a snapshot can be had without reading anything). */
  get loaded(): boolean {
    return this.latest.version > 0;
  }

  /** The latest snapshot, scanning every folder first when nothing was read yet. */
  snapshot(): Promise<EvidenceSnapshot> {
    if (this.loaded && !this.loading) return Promise.resolve(this.latest);
    return this.loading ?? this.rescan();
  }

  /** The latest snapshot of a workspace folder (scanning first if nothing is indexed yet), or undefined. */
  async folder(folder: vscode.WorkspaceFolder): Promise<FolderSnapshot | undefined> {
    return (await this.snapshot()).folders.find((f) => f.folder.key === folder.uri.toString());
  }

  /** Reads everything again (when something was read before; otherwise the first ask does). */
  invalidate(): void {
    if (!this.loaded && !this.loading) return;
    void this.rescan();
  }

  /** Queues a full scan; {@link loading} is it until it is published. */
  private rescan(): Promise<EvidenceSnapshot> {
    const run = this.serial(() => this.scanAll());
    this.loading = run;
    const settled = () => {
      if (this.loading === run) this.loading = undefined;
    };
    run.then(settled, settled);
    return run;
  }

  /**
   * Re-reads only the files that changed (created, changed, deleted — a rename is both) and
   * publishes the snapshot with them, when any reads differently; a layout file (`.adr-dir`,
   * `.log4brains.yml`, `adr.config.json`) or the first entry of a journal folder that did not exist
   * rescans everything. Resolves with the files taken (a file outside every evidence folder is not).
   */
  update(uris: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
    if (!this.loaded && !this.loading) return Promise.resolve([]); // nothing read yet: the first look reads everything anyway
    return this.serial(() => this.applyUpdate(uris));
  }

  /**
   * Takes documents our commands just created or edited: like {@link update}, but a file that no
   * evidence folder holds yet (the first document of a new folder) rescans, so it is always listed.
   */
  async include(uris: readonly vscode.Uri[]): Promise<void> {
    if (!this.loaded && !this.loading) return;
    const taken = await this.update(uris);
    if (taken.length < uris.length) await this.rescan();
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private publish(folders: readonly FolderSnapshot[], change: Omit<SnapshotChange, 'snapshot' | 'previous'>): void {
    const previous = this.latest;
    this.latest = nextSnapshot(previous, folders);
    this.changed.fire(Object.freeze({ ...change, snapshot: this.latest, previous }));
  }

  private onFileEvent(uri: vscode.Uri): void {
    // VS Code delivers file events in batches: the events of one batch arrive in one turn of the
    // event loop and are applied together right after it, each file updating only its own entry.
    this.pending.set(uri.toString(), uri);
    this.flush ??= setImmediate(() => {
      this.flush = undefined;
      const batch = [...this.pending.values()];
      this.pending.clear();
      void this.update(batch);
    });
  }

  private async applyUpdate(uris: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
    const snapshot = this.latest;
    const taken: vscode.Uri[] = [];
    const readings = new Map<FolderSnapshot, FileReading[]>();
    for (const uri of uris) {
      const at = uri.scheme === 'file' ? locateFile(snapshot, uri.fsPath) : undefined;
      if (!at) {
        // The first entry of a journal that did not exist at the last scan: scan again.
        if (uri.scheme === 'file' && uri.fsPath.startsWith(settings.journalDir() + path.sep)) return this.rescanFor(uris);
        continue;
      }
      const reading = readChangedFile(at.folder.folder.root, at.folder.layout, at.rel, this.statusAliases.get(at.folder.folder.key));
      if (reading === 'rescan') return this.rescanFor(uris);
      if (reading === 'ignored') continue;
      taken.push(uri);
      const forFolder = readings.get(at.folder);
      if (forFolder) forFolder.push(reading);
      else readings.set(at.folder, [reading]);
    }
    const added: DocumentKey[] = [];
    const changed: DocumentKey[] = [];
    const removed: DocumentKey[] = [];
    const folders = snapshot.folders.map((f) => {
      const forFolder = readings.get(f);
      if (!forFolder) return f;
      const r = withReadings(f, forFolder);
      const key = (p: string) => ({ folder: f.folder.key, path: p });
      added.push(...r.added.map(key));
      changed.push(...r.changed.map(key));
      removed.push(...r.removed.map(key));
      return r.snapshot;
    });
    if (added.length + changed.length + removed.length > 0) this.publish(folders, { layoutChanged: false, added, changed, removed });
    return taken;
  }

  private async rescanFor(uris: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
    await this.scanAll();
    return [...uris];
  }

  private async scanAll(): Promise<EvidenceSnapshot> {
    const folders = this.git.folders();
    const started = Date.now();
    const vocabulary = await this.userStatusAliases();
    const journalScan = this.scanJournal(vocabulary); // meanwhile
    const results = await Promise.all(folders.map((folder) => this.scanFolder(folder, vocabulary.aliases)));
    const ok = results.filter((r): r is FolderSnapshot => r !== undefined);
    const journal = await journalScan;
    if (journal && folders.length > 0) ok.push(journal);
    this.log.info(
      `scanned ${ok.length} folder(s): ${ok.reduce((n, r) => n + r.documents.length, 0)} documents in ${Date.now() - started} ms`,
    );
    const previous = this.latest;
    this.latest = nextSnapshot(previous, ok);
    this.changed.fire(fullChange(this.latest, previous));
    return this.latest;
  }

  /** The user's status words: the journal's `career-evidence.yml`, then the setting (which wins); problems logged. */
  private async userStatusAliases(): Promise<StatusAliasRead> {
    const journal = await readJournalStatusAliases(settings.journalDir());
    const own = settings.statusAliases();
    for (const p of own.problems) this.log.warn(`${p.path}: ${p.message}`);
    return { aliases: mergeStatusAliases(journal.aliases, own.aliases), problems: journal.problems };
  }

  private async scanFolder(folder: vscode.WorkspaceFolder, statusAliases: StatusAliases): Promise<FolderSnapshot | undefined> {
    try {
      const t0 = performance.now();
      const parsed = await this.parsedDocuments(folder.uri.fsPath);
      // git runs (in its own process) while the documents are read: it needs only the folders.
      let git: Promise<GitAdditions | undefined> = Promise.resolve(undefined);
      const scan = await scanEvidence(folder.uri.fsPath, {
        settings: this.documentFolders.for(folder),
        parsed,
        statusAliases,
        onListed: (evidenceFolders) => (git = this.attribution.lookUp(folder, evidenceFolders)),
      });
      if (parsed) setTimeout(() => void parsed.save(), SAVE_DELAY_MS); // off the path to the tree
      const t1 = performance.now();
      const indexed: IndexedFolder = { key: folder.uri.toString(), name: folder.name, index: folder.index, root: folder.uri.fsPath };
      this.statusAliases.set(indexed.key, scan.statusAliases);
      const additions = await git;
      const read = fromScan(indexed, scan);
      const snapshot = additions ? withAdditions(read, additions).snapshot : read;
      this.log.info(
        `${folder.name}: read ${scan.items.length} documents in ${(t1 - t0).toFixed(0)} ms, git authors ${(performance.now() - t1).toFixed(0)} ms later`,
      );
      return snapshot;
    } catch (err) {
      this.log.warn(`scan of ${folder.uri.fsPath} failed: ${(err as Error).message}`);
      return undefined;
    }
  }

  /** After HEAD moved in a folder's repository: who added what, again, publishing the documents that changed. */
  private refreshGitAuthors(folder: vscode.WorkspaceFolder): Promise<void> {
    if (!this.loaded) return Promise.resolve();
    return this.serial(async () => {
      const key = folder.uri.toString();
      const current = this.latest.folders.find((f) => f.folder.key === key);
      if (!current) return;
      const additions = await this.attribution.lookUp(folder, current.layout);
      if (!additions) return;
      // Applied to the snapshot as it is now: file events may have come in during the lookup.
      const now = this.latest.folders.find((f) => f.folder.key === key);
      if (!now) return;
      const r = withAdditions(now, additions);
      if (r.changed.length === 0) return;
      this.publish(
        this.latest.folders.map((f) => (f === now ? r.snapshot : f)),
        { layoutChanged: false, added: [], changed: r.changed.map((p) => ({ folder: key, path: p })), removed: [] },
      );
    });
  }

  private parsedDocuments(root: string): Promise<ParsedDocuments> | undefined {
    if (!this.storageDir) return undefined;
    let p = this.parsed.get(root);
    if (!p)
      this.parsed.set(root, (p = ParsedDocuments.load(path.join(this.storageDir, `documents-${cacheName(root)}.json`), this.version)));
    return p;
  }

  /** The personal journal (brag entries, STAR stories), indexed like a folder named "Journal". */
  private async scanJournal(vocabulary: StatusAliasRead): Promise<FolderSnapshot | undefined> {
    const dir = settings.journalDir();
    const exists = await fs.stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!exists) return undefined;
    const scan = await scanEvidence(dir, { folders: [...JOURNAL_FOLDERS], statusAliases: vocabulary.aliases }).catch(() => undefined);
    if (!scan) return undefined;
    this.statusAliases.set(JOURNAL_KEY, scan.statusAliases);
    return fromScan(
      { key: JOURNAL_KEY, name: 'Journal', index: -1, root: scan.root },
      { ...scan, problems: [...vocabulary.problems, ...scan.problems] },
    );
  }

  /** The journal lives outside the workspace: its own watcher, made again when the setting changes. */
  private watchJournal(): void {
    this.journalWatcher?.dispose();
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(vscode.Uri.file(settings.journalDir()), `{**/*.md,${JOURNAL_SETTINGS_FILE}}`),
    );
    const onFile = (uri: vscode.Uri) => this.onFileEvent(uri);
    watcher.onDidCreate(onFile);
    watcher.onDidChange(onFile);
    watcher.onDidDelete(onFile);
    this.journalWatcher = watcher;
  }

  dispose(): void {
    if (this.flush) clearImmediate(this.flush);
    this.journalWatcher?.dispose();
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

/** A folder snapshot from a scan's result. */
function fromScan(folder: IndexedFolder, scan: ScanResult): FolderSnapshot {
  return folderSnapshot(
    folder,
    scan.folders,
    scan.items.map((item) => {
      const details = scan.details[item.path];
      return details ? { item, details } : { item };
    }),
    scan.problems,
  );
}
