import * as vscode from 'vscode';
import { Services } from '../services/services';
import { settings } from '../settings/settings';
import { SuggestionRef, acceptSuggestion, dismissSuggestion, refOf, restoreDismissed, snoozeSuggestion } from '../shared/suggestionActions';

/** Registers Accept, Accept and Edit, Dismiss, Snooze and Open Pull Request (tree actions; hidden from the palette). */
export function registerSuggestionActions(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('careerEvidence.acceptSuggestion', (arg?: SuggestionRef) => acceptSuggestion(services, arg, false)),
    vscode.commands.registerCommand('careerEvidence.acceptSuggestionAndEdit', (arg?: SuggestionRef) =>
      acceptSuggestion(services, arg, true),
    ),
    vscode.commands.registerCommand('careerEvidence.dismissSuggestion', (arg?: SuggestionRef) => dismissSuggestion(services, arg)),
    vscode.commands.registerCommand('careerEvidence.restoreDismissed', (shas?: string[]) => restoreDismissed(services, shas)),
    vscode.commands.registerCommand('careerEvidence.snoozeSuggestion', (arg?: SuggestionRef) => snoozeSuggestion(services, arg)),
    vscode.commands.registerCommand('careerEvidence.openPullRequest', async (arg?: SuggestionRef) => {
      const ref = refOf(arg);
      const found = ref && (await services.mergedWork.find(ref.folderUri, ref.sha));
      const url = found?.suggestion.pr?.url;
      if (url) return vscode.env.openExternal(vscode.Uri.parse(url));
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Career Evidence: no web address is known for this pull request (the origin remote is not a known host).'),
      );
      return false;
    }),
    vscode.commands.registerCommand('careerEvidence.openJournal', () => openJournalFolder(services)),
  );
}

/**
 * Shows the journal folder with what the host offers: revealed in the operating system's file
 * manager on the desktop; in the browser (code-server, vscode.dev: no `revealFileInOS`) or a remote
 * window, a message with its path and Open in New Window / Copy Path — never a modal error.
 * Resolves with the way taken.
 */
async function openJournalFolder(services: Services): Promise<'revealed' | 'offered'> {
  const dir = vscode.Uri.file(settings.journalDir());
  await vscode.workspace.fs.createDirectory(dir);
  if (vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName) {
    try {
      await vscode.commands.executeCommand('revealFileInOS', dir);
      return 'revealed';
    } catch (err) {
      services.log.warn(`revealing the journal folder failed: ${(err as Error).message}`);
    }
  }
  const openWindow = vscode.l10n.t('Open in New Window');
  const copy = vscode.l10n.t('Copy Path');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Career Evidence: your journal is in {0}', dir.fsPath), openWindow, copy)
    .then((picked) => {
      if (picked === openWindow) return vscode.commands.executeCommand('vscode.openFolder', dir, { forceNewWindow: true });
      if (picked === copy) return vscode.env.clipboard.writeText(dir.fsPath);
      return undefined;
    });
  return 'offered';
}
