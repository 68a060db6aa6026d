import * as vscode from 'vscode';
import { DAY_MS } from '../../core/evidence/dates';
import { Suggestion } from '../../core/git/suggestions';
import { UserError } from '../../node/errors';
import { writeBragEntry } from '../../node/journal';
import { Services } from '../shared/services';
import { settings } from '../settings/settings';
import { repoName } from './suggestionStore';

/** A suggestion as commands receive it: the tree node, or `{ folderUri, sha }` from prompts and tests. */
export type SuggestionRef = { folderUri: string; sha: string } | { type: 'suggestion'; folderUri: string; suggestion: Suggestion };

function refOf(arg: SuggestionRef | undefined): { folderUri: string; sha: string } | undefined {
  if (!arg) return undefined;
  return 'sha' in arg ? arg : { folderUri: arg.folderUri, sha: arg.suggestion.sha };
}

/**
 * Accepts a suggestion: writes its brag entry into the journal (outside the repository), records
 * the decision, and opens the entry when `open` (to add the impact). Resolves with the entry's URI.
 */
export async function acceptSuggestion(services: Services, arg: SuggestionRef | undefined, open: boolean): Promise<vscode.Uri | undefined> {
  const ref = refOf(arg);
  const found = ref && (await services.suggestions.find(ref.folderUri, ref.sha));
  if (!ref || !found) {
    void vscode.window.showWarningMessage('Career Evidence: that suggestion is no longer there. Scan merged work again.');
    return undefined;
  }
  try {
    const file = await writeBragEntry(settings.journalDir(), found.suggestion, repoName(found.folder.repo));
    await services.suggestions.decide(ref.folderUri, ref.sha, { state: 'accepted', at: new Date().toISOString(), entry: file });
    services.log.info(`accepted ${ref.sha.slice(0, 12)} → ${file}`);
    const uri = vscode.Uri.file(file);
    await services.documents.update([uri]);
    if (open) await vscode.window.showTextDocument(uri, { preview: false });
    else vscode.window.setStatusBarMessage(`$(check) Added to your brag document: ${found.suggestion.title}`, 5000);
    return uri;
  } catch (err) {
    const message = err instanceof UserError ? err.message : (err as Error).message;
    void vscode.window.showErrorMessage(`Career Evidence: could not write the brag entry: ${message}`);
    return undefined;
  }
}

/** Dismisses a suggestion for good (it never comes back). */
export async function dismissSuggestion(services: Services, arg: SuggestionRef | undefined): Promise<void> {
  const ref = refOf(arg);
  if (!ref) return;
  await services.suggestions.decide(ref.folderUri, ref.sha, { state: 'dismissed', at: new Date().toISOString() });
}

/** Snoozes the prompt for a suggestion for one day; it stays in the Suggestions group. */
export async function snoozeSuggestion(services: Services, arg: SuggestionRef | undefined, now = Date.now()): Promise<void> {
  const ref = refOf(arg);
  if (!ref) return;
  await services.suggestions.decide(ref.folderUri, ref.sha, { state: 'snoozed', at: new Date(now).toISOString(), until: new Date(now + DAY_MS).toISOString() });
}

/** Registers Accept, Accept and Edit, Dismiss, Snooze and Open Pull Request (tree actions; hidden from the palette). */
export function registerSuggestionActions(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('careerEvidence.acceptSuggestion', (arg?: SuggestionRef) => acceptSuggestion(services, arg, false)),
    vscode.commands.registerCommand('careerEvidence.acceptSuggestionAndEdit', (arg?: SuggestionRef) => acceptSuggestion(services, arg, true)),
    vscode.commands.registerCommand('careerEvidence.dismissSuggestion', (arg?: SuggestionRef) => dismissSuggestion(services, arg)),
    vscode.commands.registerCommand('careerEvidence.snoozeSuggestion', (arg?: SuggestionRef) => snoozeSuggestion(services, arg)),
    vscode.commands.registerCommand('careerEvidence.openPullRequest', async (arg?: SuggestionRef) => {
      const ref = refOf(arg);
      const found = ref && (await services.suggestions.find(ref.folderUri, ref.sha));
      const url = found?.suggestion.pr?.url;
      if (url) return vscode.env.openExternal(vscode.Uri.parse(url));
      void vscode.window.showInformationMessage('Career Evidence: no web address is known for this pull request (the origin remote is not a known host).');
      return false;
    }),
    vscode.commands.registerCommand('careerEvidence.openJournal', async () => {
      const dir = vscode.Uri.file(settings.journalDir());
      await vscode.workspace.fs.createDirectory(dir);
      return vscode.commands.executeCommand('revealFileInOS', dir);
    }),
  );
}
