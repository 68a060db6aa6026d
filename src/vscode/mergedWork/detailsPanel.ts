import * as vscode from 'vscode';
import { escapeHtml } from '../../core/report/escapeHtml';
import { Services } from '../services/services';
import { SHOW_SUGGESTION_COMMAND } from '../shared/commandIds';
import { acceptSuggestion, dismissSuggestion } from '../shared/suggestionActions';
import { readDetailsMessage, suggestionDetailsHtml } from './detailsHtml';

const VIEW_TYPE = 'careerEvidence.suggestionDetails';

/**
 * A suggestion's details in a webview panel (one, reused like a preview tab): rendered, with
 * Accept, Accept and Edit, Dismiss, Open Pull Request and New STAR Story. The page runs under a
 * strict Content-Security-Policy (no inline script or style) and can only post one of those five
 * actions; anything else it sends is ignored and logged. Resolves with the panel.
 */
export function registerSuggestionDetails(context: vscode.ExtensionContext, services: Services): void {
  let panel: vscode.WebviewPanel | undefined;
  let shown: { folderUri: string; sha: string } | undefined;
  const media = vscode.Uri.joinPath(context.extensionUri, 'media');

  const render = async (decided?: string) => {
    if (!panel || !shown) return;
    const found = await services.mergedWork.find(shown.folderUri, shown.sha);
    if (!found) {
      panel.webview.html = `<!DOCTYPE html><html><body><p>${escapeHtml(vscode.l10n.t('This suggestion is no longer there. Scan merged work again.'))}</p></body></html>`;
      return;
    }
    panel.title = found.suggestion.title;
    panel.webview.html = suggestionDetailsHtml(
      found.suggestion,
      {
        cspSource: panel.webview.cspSource,
        scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'suggestionDetails.js')).toString(),
        styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'suggestionDetails.css')).toString(),
      },
      vscode.l10n.t,
      decided,
    );
  };

  const act = async (message: unknown) => {
    const m = readDetailsMessage(message);
    if (!m || !shown) return services.log.warn(`the suggestion details page sent an unknown message: ${JSON.stringify(message)}`);
    const ref = shown;
    const found = await services.mergedWork.find(ref.folderUri, ref.sha);
    if (m.type === 'accept' || m.type === 'acceptAndEdit') {
      const entry = await acceptSuggestion(services, ref, m.type === 'acceptAndEdit');
      if (entry) await render(vscode.l10n.t('Added to your brag document.'));
    } else if (m.type === 'dismiss') {
      await dismissSuggestion(services, ref);
      await render(vscode.l10n.t('Dismissed. Undo it from the message, or later with Restore Dismissed Suggestions….'));
    } else if (m.type === 'openPullRequest') await vscode.commands.executeCommand('careerEvidence.openPullRequest', ref);
    else if (found)
      await vscode.commands.executeCommand('careerEvidence.newStarStoryFrom', { folderUri: ref.folderUri, suggestion: found.suggestion });
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_SUGGESTION_COMMAND, async (folderUri: string, sha: string): Promise<vscode.WebviewPanel> => {
      shown = { folderUri, sha };
      if (!panel) {
        panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Suggestion', vscode.ViewColumn.Active, {
          enableScripts: true,
          localResourceRoots: [media],
        });
        panel.onDidDispose(() => (panel = undefined));
        panel.webview.onDidReceiveMessage((message) => void act(message));
      } else panel.reveal(undefined, false);
      await render();
      return panel;
    }),
  );
}
