import * as vscode from 'vscode';
import { Suggestion } from '../../core/git/suggestions';
import { UserError } from '../../node/errors';
import { configValue, mineSuggestions, openRepository } from '../../node/git';

/** Suggestions of one workspace folder, or why there are none. */
export type FolderSuggestions =
  | { folder: vscode.WorkspaceFolder; state: 'ready'; repoRoot: string; email: string; suggestions: Suggestion[] }
  | { folder: vscode.WorkspaceFolder; state: 'unavailable'; reason: string };

/**
 * Brag-entry suggestions mined from each workspace folder's repository (the user's own merged work,
 * by `git config user.email`). Mined on first use and on {@link refresh}; in an untrusted workspace
 * no git process is started at all.
 */
export class SuggestionStore implements vscode.Disposable {
  private cache: Promise<FolderSuggestions[]> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when suggestions were re-mined. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Suggestions of all `file:` workspace folders (mining them if not done yet). */
  all(): Promise<FolderSuggestions[]> {
    this.cache ??= this.mineAll();
    return this.cache;
  }

  /** Mines again and resolves when done; listeners are told. */
  async refresh(): Promise<FolderSuggestions[]> {
    this.cache = this.mineAll();
    const result = await this.cache;
    this.changed.fire();
    return result;
  }

  /** The suggestion with commit `sha` in `folderUri`, if mined. */
  async find(folderUri: string, sha: string): Promise<Suggestion | undefined> {
    const all = await this.all();
    const f = all.find((x) => x.folder.uri.toString() === folderUri);
    return f?.state === 'ready' ? f.suggestions.find((s) => s.sha === sha) : undefined;
  }

  private async mineAll(): Promise<FolderSuggestions[]> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    return Promise.all(folders.map((f) => this.mineFolder(f)));
  }

  private async mineFolder(folder: vscode.WorkspaceFolder): Promise<FolderSuggestions> {
    if (!vscode.workspace.isTrusted) {
      return { folder, state: 'unavailable', reason: 'Git is not run in Restricted Mode. Trust this workspace to see your merged work.' };
    }
    const started = Date.now();
    try {
      const repo = await openRepository(folder.uri.fsPath);
      const email = await configValue(repo, 'user.email');
      if (!email) return { folder, state: 'unavailable', reason: 'Set git config user.email to find your merged work.' };
      const suggestions = await mineSuggestions(repo, { authors: [email] });
      this.log.info(`mined ${suggestions.length} suggestion(s) for ${email} in ${repo.root} in ${Date.now() - started} ms`);
      return { folder, state: 'ready', repoRoot: repo.root, email, suggestions };
    } catch (err) {
      const reason = err instanceof UserError ? err.message : `Could not read merged work: ${(err as Error).message}`;
      if (!(err instanceof UserError)) this.log.error(`mining ${folder.uri.fsPath} failed`, err);
      return { folder, state: 'unavailable', reason };
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
