import { createHash } from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import { EvidenceFolder } from '../../core/documents/layout';
import { AdditionCache } from '../../node/git/additionCache';
import { Closable, watchHead } from '../../node/git/headWatcher';
import { FileAddition, Repository, gitDirectory, openRepository } from '../../node/git/repository';
import { ScanResult } from '../../node/scanEvidence';

/** Who added each file of a repository, by repository-relative path, and how a folder's paths map to them. */
export interface GitAdditions {
  byPath: Map<string, FileAddition>;
  toRepo(folderRelative: string): string;
}

/** A file name for a folder's cache in the workspace's storage: a digest of its path. */
export function cacheName(root: string): string {
  return createHash('sha256').update(root).digest('hex').slice(0, 16);
}

/**
 * Who added each evidence document and when, from git (trusted workspaces only): "mine" then also
 * covers documents the user committed, and a document without a date of its own takes the day it
 * was added. One `git ls-tree` per repository and, for files not seen before, one `git log` (see
 * {@link AdditionCache}, kept in the workspace's storage between sessions). Once a folder has been
 * looked up, its repository's HEAD is watched and `onHeadMoved` called after a commit, checkout or pull.
 */
export class GitAttribution implements vscode.Disposable {
  private readonly caches = new Map<string, AdditionCache>();
  private readonly headWatchers = new Map<string, Closable>();
  private disposed = false;

  /** @param storageDir where the caches are kept (`ExtensionContext.storageUri`); none: memory only. */
  constructor(
    private readonly storageDir: string | undefined,
    private readonly onHeadMoved: (folder: vscode.WorkspaceFolder) => void,
  ) {}

  /**
   * The additions under a workspace folder's evidence folders (paths relative to that folder);
   * undefined when untrusted, not a repository, or git is missing. Never rejects.
   */
  async lookUp(folder: vscode.WorkspaceFolder, evidenceFolders: readonly EvidenceFolder[]): Promise<GitAdditions | undefined> {
    if (!vscode.workspace.isTrusted || evidenceFolders.length === 0) return undefined;
    try {
      const repo = await openRepository(folder.uri.fsPath);
      const prefix = path.relative(repo.root, folder.uri.fsPath).split(path.sep).join('/');
      const toRepo = (p: string) => (prefix ? `${prefix}/${p}` : p);
      const byPath = await this.cache(repo.root).additions(repo, evidenceFolders.map((f) => toRepo(f.path)));
      this.watch(folder, repo);
      return { byPath, toRepo };
    } catch {
      return undefined;
    }
  }

  private cache(repoRoot: string): AdditionCache {
    let cache = this.caches.get(repoRoot);
    if (!cache) {
      const file = this.storageDir && path.join(this.storageDir, `git-additions-${cacheName(repoRoot)}.json`);
      this.caches.set(repoRoot, (cache = new AdditionCache(file)));
    }
    return cache;
  }

  private watch(folder: vscode.WorkspaceFolder, repo: Repository): void {
    const key = folder.uri.toString();
    if (this.headWatchers.has(key)) return;
    this.headWatchers.set(key, { close: () => undefined }); // taken while the git directory is looked up
    void gitDirectory(repo).then(
      (dir) => {
        if (!this.disposed) this.headWatchers.set(key, watchHead(dir, () => this.onHeadMoved(folder)));
      },
      () => undefined,
    );
  }

  dispose(): void {
    this.disposed = true;
    for (const w of this.headWatchers.values()) w.close();
  }
}

/** Sets `added` on the documents of `scan` (new detail objects, so views see what changed); returns the paths that changed. */
export function applyGitAdditions(scan: ScanResult, git: GitAdditions | undefined): string[] {
  if (!git) return [];
  const changed: string[] = [];
  for (const item of scan.items) {
    const a = git.byPath.get(git.toRepo(item.path));
    const d = scan.details[item.path];
    if (!d) continue;
    const was = d.added;
    if (a ? was && was.name === a.author.name && was.email === a.author.email && was.date === a.date : !was) continue;
    const added = a && { name: a.author.name, email: a.author.email, date: a.date };
    scan.details[item.path] = { ...d, added };
    changed.push(item.path);
  }
  return changed;
}
