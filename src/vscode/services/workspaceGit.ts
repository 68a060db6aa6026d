import * as vscode from 'vscode';
import { Identity } from '../../core/index/viewModel';
import { UserError } from '../../node/errors';
import { Closable, watchHead } from '../../node/git/headWatcher';
import { userIdentities } from '../../node/git/identity';
import { Repository, configValue, gitDirectory, openRepository } from '../../node/git/repository';
import { settings } from '../settings/settings';

/** A folder's repository, or why there is none (a sentence fit to show in the view). */
export type RepositoryOrReason = { repo: Repository } | { reason: string };

/** The message shown where git data would be, in Restricted Mode. */
export const RESTRICTED_REASON = vscode.l10n.t('Git is not run in Restricted Mode. Trust this workspace to see your merged work.');

/**
 * The one owner of git in the workspace: whether git may run at all (workspace trust: in Restricted
 * Mode no git process is started, by any feature), the repository of each workspace folder (opened
 * once, by one `git rev-parse`), who the user is (folder-scoped settings), the default branch
 * setting, and one watcher per repository of HEAD and the branches (`onDidMoveHead`). Git itself
 * runs in `src/node/git`: short commands through simple-git, history reads streamed through our
 * own spawn, both with the same environment (`gitEnvironment`) and argument rules.
 */
export class WorkspaceGit implements vscode.Disposable {
  private readonly repositories = new Map<string, Promise<RepositoryOrReason>>();
  private readonly headWatchers = new Map<string, Closable>();
  private readonly headMoved = new vscode.EventEmitter<vscode.WorkspaceFolder>();
  /** Fires (debounced) after a commit, checkout, merge, pull or fetch in a watched folder's repository. */
  readonly onDidMoveHead = this.headMoved.event;
  private readonly subscriptions: vscode.Disposable[];
  private disposed = false;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.subscriptions = [
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) this.forget(f);
      }),
    ];
  }

  /** True when git may run: the workspace is trusted. */
  get trusted(): boolean {
    return vscode.workspace.isTrusted;
  }

  /** Every `file:` workspace folder, in order. */
  folders(): vscode.WorkspaceFolder[] {
    return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  }

  /**
   * The repository of `folder`, or why there is none: Restricted Mode, not a repository, git
   * missing. A repository is opened once per folder; a failure is not remembered (`git init` or
   * installing git helps at the next ask). Never rejects.
   */
  repositoryOrReason(folder: vscode.WorkspaceFolder): Promise<RepositoryOrReason> {
    if (!this.trusted) return Promise.resolve({ reason: RESTRICTED_REASON });
    const key = folder.uri.toString();
    let known = this.repositories.get(key);
    if (!known) {
      known = openRepository(folder.uri.fsPath).then(
        (repo): RepositoryOrReason => ({ repo }),
        (err: Error): RepositoryOrReason => {
          this.repositories.delete(key);
          if (!(err instanceof UserError)) this.log.error(`opening the repository of ${folder.uri.fsPath} failed`, err);
          return { reason: err instanceof UserError ? err.message : vscode.l10n.t('Could not read the repository: {0}', err.message) };
        },
      );
      this.repositories.set(key, known);
    }
    return known;
  }

  /** The repository of `folder`; undefined in Restricted Mode, outside a repository, or without git. Never rejects. */
  async repository(folder: vscode.WorkspaceFolder): Promise<Repository | undefined> {
    const r = await this.repositoryOrReason(folder);
    return 'repo' in r ? r.repo : undefined;
  }

  /** Forgets what is known of `folder`'s repository (it is opened again when next asked for) and stops watching it. */
  forget(folder: vscode.WorkspaceFolder): void {
    const key = folder.uri.toString();
    this.repositories.delete(key);
    this.headWatchers.get(key)?.close();
    this.headWatchers.delete(key);
  }

  /**
   * The user's e-mail identities in `folder`'s repository, lower case: `git config user.email`, the
   * folder's `careerEvidence.identities`, and their `.mailmap` addresses. Empty when git may not run.
   */
  async identities(folder: vscode.WorkspaceFolder, repo?: Repository): Promise<string[]> {
    const r = repo ?? (await this.repository(folder));
    if (!r) return [];
    return userIdentities(r, settings.identities(folder));
  }

  /**
   * Who "mine" is across the workspace, for Mine Only: every folder's identities and git
   * `user.name`, plus the settings' identities (also in Restricted Mode, where git does not run).
   * Read afresh on each call. Never rejects.
   */
  async me(): Promise<Identity> {
    const emails = new Set(
      settings
        .identities()
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    );
    const names = new Set<string>();
    for (const folder of this.folders()) {
      try {
        const repo = await this.repository(folder);
        if (!repo) continue;
        for (const e of await this.identities(folder, repo)) emails.add(e);
        const name = await configValue(repo, 'user.name');
        if (name) names.add(name);
      } catch (err) {
        this.log.debug(`identity of ${folder.name}: ${(err as Error).message}`);
      }
    }
    return { emails: [...emails], names: [...names] };
  }

  /** The default branch setting of `folder` (`careerEvidence.defaultBranch`; empty: detect). */
  defaultBranch(folder: vscode.WorkspaceFolder): string {
    return settings.defaultBranch(folder);
  }

  /**
   * Watches `folder`'s repository for moves of HEAD and the branches (once per folder, however
   * often asked), firing {@link onDidMoveHead}. Nothing is watched in Restricted Mode or outside a
   * repository. Resolves when the watcher is in place.
   */
  async watchHead(folder: vscode.WorkspaceFolder): Promise<void> {
    const key = folder.uri.toString();
    if (this.headWatchers.has(key)) return;
    this.headWatchers.set(key, { close: () => undefined }); // taken while the git directory is looked up
    const repo = await this.repository(folder);
    const dir = repo && (await gitDirectory(repo).catch(() => undefined));
    if (!dir || this.disposed || !this.headWatchers.has(key)) {
      if (!dir) this.headWatchers.delete(key);
      return;
    }
    this.headWatchers.set(
      key,
      watchHead(dir, () => this.headMoved.fire(folder)),
    );
  }

  /** Tells the watchers of `folder` that HEAD may have moved (the built-in git extension's `onDidCommit`). */
  headMayHaveMoved(folder: vscode.WorkspaceFolder): void {
    if (this.headWatchers.has(folder.uri.toString())) this.headMoved.fire(folder);
  }

  dispose(): void {
    this.disposed = true;
    for (const w of this.headWatchers.values()) w.close();
    this.headWatchers.clear();
    for (const s of this.subscriptions) s.dispose();
    this.headMoved.dispose();
  }
}
