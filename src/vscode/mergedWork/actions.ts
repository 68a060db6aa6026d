import * as vscode from 'vscode';
import { Services } from '../services/services';
import { settings } from '../settings/settings';
import { SuggestionRef, acceptSuggestion, dismissSuggestion, refOf, snoozeSuggestion } from '../shared/suggestionActions';

/** Registers Accept, Accept and Edit, Dismiss, Snooze and Open Pull Request (tree actions; hidden from the palette). */
export function registerSuggestionActions(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('careerEvidence.acceptSuggestion', (arg?: SuggestionRef) => acceptSuggestion(services, arg, false)),
    vscode.commands.registerCommand('careerEvidence.acceptSuggestionAndEdit', (arg?: SuggestionRef) =>
      acceptSuggestion(services, arg, true),
    ),
    vscode.commands.registerCommand('careerEvidence.dismissSuggestion', (arg?: SuggestionRef) => dismissSuggestion(services, arg)),
    vscode.commands.registerCommand('careerEvidence.snoozeSuggestion', (arg?: SuggestionRef) => snoozeSuggestion(services, arg)),
    vscode.commands.registerCommand('careerEvidence.openPullRequest', async (arg?: SuggestionRef) => {
      const ref = refOf(arg);
      const found = ref && (await services.mergedWork.find(ref.folderUri, ref.sha));
      const url = found?.suggestion.pr?.url;
      if (url) return vscode.env.openExternal(vscode.Uri.parse(url));
      void vscode.window.showInformationMessage(
        'Career Evidence: no web address is known for this pull request (the origin remote is not a known host).',
      );
      return false;
    }),
    vscode.commands.registerCommand('careerEvidence.openJournal', async () => {
      const dir = vscode.Uri.file(settings.journalDir());
      await vscode.workspace.fs.createDirectory(dir);
      return vscode.commands.executeCommand('revealFileInOS', dir);
    }),
  );
}
