import * as vscode from 'vscode';
import { Closable, watchHead } from '../../node/git/headWatcher';
import { gitDirectory, openRepository, Repository } from '../../node/git/repository';
import { Services } from '../shared/services';
import { settings } from '../settings/settings';
import { CommitPrompter } from './commitPrompter';

/** The part of the built-in git extension's API (`vscode.git`, `getAPI(1)`) we use. */
interface GitExtensionApi {
  repositories: { rootUri: vscode.Uri; onDidCommit?: vscode.Event<void> }[];
  onDidOpenRepository: vscode.Event<{ rootUri: vscode.Uri; onDidCommit?: vscode.Event<void> }>;
}

/**
 * Starts commit-time prompts for every trusted workspace folder in a git repository: file watchers
 * on the git directory see commits from anywhere, and the built-in git extension's `onDidCommit`
 * (acquired softly: no hard dependency; it may be missing or disabled) sees VS Code's own at once.
 * Runs after activation returns (`ready` settles when the first look is done); does nothing in an
 * untrusted workspace or with prompts off.
 */
export function registerCommitPrompts(context: vscode.ExtensionContext, services: Services): { prompter: CommitPrompter; ready: Promise<void> } {
  const prompter = new CommitPrompter(services);
  const watchers = new Map<string, Closable>();
  const repos = new Map<string, Repository>();
  context.subscriptions.push(prompter, { dispose: () => watchers.forEach((w) => w.close()) });

  const startFolder = async (folder: vscode.WorkspaceFolder) => {
    const key = folder.uri.toString();
    if (watchers.has(key) || folder.uri.scheme !== 'file') return;
    try {
      const repo = await openRepository(folder.uri.fsPath);
      repos.set(key, repo);
      await prompter.baseline(key, repo);
      watchers.set(key, watchHead(await gitDirectory(repo), () => void prompter.check(key, repo)));
      services.log.info(`watching ${repo.root} for new work`);
    } catch {
      /* not a repository, or git missing: no prompts for this folder */
    }
  };
  const start = async () => {
    if (!vscode.workspace.isTrusted || settings.prompt().mode === 'off') return;
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map(startFolder));
    await hookGitExtension();
  };
  const hookGitExtension = async () => {
    try {
      const ext = vscode.extensions.getExtension<{ getAPI(v: 1): GitExtensionApi }>('vscode.git');
      const api = ext && (ext.isActive ? ext.exports : await ext.activate()).getAPI(1);
      if (!api) return;
      const hook = (r: { rootUri: vscode.Uri; onDidCommit?: vscode.Event<void> }) => {
        const folder = vscode.workspace.getWorkspaceFolder(r.rootUri);
        const repo = folder && repos.get(folder.uri.toString());
        if (folder && repo && r.onDidCommit) context.subscriptions.push(r.onDidCommit(() => void prompter.check(folder.uri.toString(), repo)));
      };
      api.repositories.forEach(hook);
      context.subscriptions.push(api.onDidOpenRepository(hook));
    } catch (err) {
      services.log.debug(`built-in git extension not available: ${(err as Error).message}`);
    }
  };

  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => void start()),
    vscode.workspace.onDidChangeWorkspaceFolders((e) => {
      for (const f of e.removed) {
        watchers.get(f.uri.toString())?.close();
        watchers.delete(f.uri.toString());
      }
      if (vscode.workspace.isTrusted) e.added.forEach((f) => void startFolder(f));
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('careerEvidence.prompt.mode')) void start();
    }),
  );
  // Not inside activate(): its first step already touches the disk (the folder, then git).
  const ready = new Promise((resolve) => setImmediate(resolve))
    .then(start)
    .catch((err) => services.log.error('commit prompts could not start', err));
  return { prompter, ready };
}
