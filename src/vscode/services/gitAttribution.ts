import { createHash } from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import { EvidenceFolder } from '../../core/documents/layout';
import { AdditionCache } from '../../node/git/additionCache';
import { WorkspaceGit } from './workspaceGit';

/** Who added each file of a folder, by path relative to the workspace folder (POSIX). */
export type GitAdditions = (folderRelative: string) => { name: string; email: string; date: string } | undefined;

/** A file name for a folder's cache in the workspace's storage: a digest of its path. */
export function cacheName(root: string): string {
  return createHash('sha256').update(root).digest('hex').slice(0, 16);
}

/**
 * Who added each evidence document and when, from git (trusted workspaces only): "mine" then also
 * covers documents the user committed, and a document without a date of its own takes the day it
 * was added. One `git ls-tree` per repository and, for files not seen before, one `git log` (see
 * {@link AdditionCache}, kept in the workspace's storage between sessions). Once a folder has been
 * looked up, its repository's HEAD is watched (by {@link WorkspaceGit}) so the index can look again.
 */
export class GitAttribution {
  private readonly caches = new Map<string, AdditionCache>();

  /** @param storageDir where the caches are kept (`ExtensionContext.storageUri`); none: memory only. */
  constructor(
    private readonly git: WorkspaceGit,
    private readonly storageDir: string | undefined,
  ) {}

  /**
   * The additions under a workspace folder's evidence folders; undefined when git may not run, the
   * folder is not in a repository, or git fails. Never rejects.
   */
  async lookUp(folder: vscode.WorkspaceFolder, evidenceFolders: readonly EvidenceFolder[]): Promise<GitAdditions | undefined> {
    if (evidenceFolders.length === 0) return undefined;
    try {
      const repo = await this.git.repository(folder);
      if (!repo) return undefined;
      const prefix = path.relative(repo.root, folder.uri.fsPath).split(path.sep).join('/');
      const toRepo = (p: string) => (prefix ? `${prefix}/${p}` : p);
      const byPath = await this.cache(repo.root).additions(
        repo,
        evidenceFolders.map((f) => toRepo(f.path)),
      );
      void this.git.watchHead(folder);
      return (p) => {
        const a = byPath.get(toRepo(p));
        return a && { name: a.author.name, email: a.author.email, date: a.date };
      };
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
}
