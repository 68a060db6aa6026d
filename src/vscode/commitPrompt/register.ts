import * as vscode from 'vscode';
import { Services } from '../services/services';
import { settings } from '../settings/settings';
import { CommitPrompter } from './commitPrompter';

/** The part of the built-in git extension's API (`vscode.git`, `getAPI(1)`) we use. */
interface GitExtensionApi {
  repositories: { rootUri: vscode.Uri; onDidCommit?: vscode.Event<void> }[];
  onDidOpenRepository: vscode.Event<{ rootUri: vscode.Uri; onDidCommit?: vscode.Event<void> }>;
}

/**
 * Starts commit-time prompts for every trusted workspace folder in a git repository: the merged
 * work service watches each repository's git directory (commits from anywhere) and the built-in
 * git extension's `onDidCommit` (acquired softly: no hard dependency; it may be missing or
 * disabled) tells it at once of VS Code's own. Runs after activation returns (`ready` settles when
 * the first look is done); does nothing in an untrusted workspace or with prompts off.
 */
export function registerCommitPrompts(
  context: vscode.ExtensionContext,
  services: Services,
): { prompter: CommitPrompter; ready: Promise<void> } {
  const prompter = new CommitPrompter(services);
  context.subscriptions.push(prompter);

  let hooked = false;
  const start = async () => {
    if (!services.git.trusted || settings.prompt().mode === 'off') return;
    await Promise.all(services.git.folders().map((f) => services.mergedWork.watch(f)));
    if (!hooked) {
      hooked = true; // once: starting again (a setting changed, trust granted) must not subscribe twice
      await hookGitExtension();
    }
  };
  const hookGitExtension = async () => {
    try {
      const ext = vscode.extensions.getExtension<{ getAPI(v: 1): GitExtensionApi }>('vscode.git');
      const api = ext && (ext.isActive ? ext.exports : await ext.activate()).getAPI(1);
      if (!api) return;
      const hook = (r: { rootUri: vscode.Uri; onDidCommit?: vscode.Event<void> }) => {
        if (!r.onDidCommit) return;
        context.subscriptions.push(
          r.onDidCommit(() => {
            const folder = vscode.workspace.getWorkspaceFolder(r.rootUri);
            if (folder) services.git.headMayHaveMoved(folder);
          }),
        );
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
      if (services.git.trusted && settings.prompt().mode !== 'off') e.added.forEach((f) => void services.mergedWork.watch(f));
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
