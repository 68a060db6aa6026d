import * as vscode from 'vscode';
import { EVIDENCE_VIEW_ID } from '../evidenceView/register';
import { Services } from '../shared/services';

/**
 * "Career Evidence: Scan Merged Work": mines every workspace folder's merged work again, with a
 * progress notification, then shows the Evidence view. Resolves with the number of suggestions.
 */
export function registerScanMergedWork(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('careerEvidence.scanMergedWork', async (): Promise<number> => {
      if (!vscode.workspace.workspaceFolders?.length) {
        void vscode.window.showInformationMessage('Open a folder in a git repository to scan its merged work.');
        return 0;
      }
      const results = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Career Evidence: scanning merged work…' },
        () => services.suggestions.refresh(),
      );
      const count = results.reduce((n, r) => n + (r.state === 'ready' ? r.suggestions.length : 0), 0);
      const reasons = results.flatMap((r) => (r.state === 'unavailable' ? [r.reason] : []));
      if (count === 0 && reasons.length > 0) void vscode.window.showWarningMessage(`Career Evidence: ${reasons[0]}`);
      else void vscode.window.showInformationMessage(`Career Evidence: ${count} suggestion${count === 1 ? '' : 's'} from your merged work.`);
      await vscode.commands.executeCommand(`${EVIDENCE_VIEW_ID}.focus`);
      return count;
    }),
  );
}
