import * as vscode from 'vscode';
import { Consent } from '../services/pullRequests';
import { Services } from '../services/services';
import { FETCH_PULL_REQUESTS_COMMAND } from '../shared/commandIds';

type Answer = Consent | 'not-now';

/**
 * "Fetch Pull Request Details…" (`(folderUri?, answer?)`, the Suggestions group's offer): asks
 * once per repository — Yes for this repository / Not now / Never for this repository — and on yes
 * reads the merged work again with its pull requests' descriptions and review times (signing in to
 * GitHub if need be). "Forget Fetched Pull Requests" removes what was fetched. Resolves with the answer.
 */
export function registerPullRequestCommands(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      FETCH_PULL_REQUESTS_COMMAND,
      async (folderUri?: string, given?: Answer): Promise<Answer | undefined> => {
        const folders = services.git.folders();
        const folder = folders.find((f) => f.uri.toString() === folderUri) ?? folders[0];
        const repo = folder && (await services.git.repository(folder));
        if (!repo) {
          void vscode.window.showInformationMessage(
            vscode.l10n.t('Career Evidence: pull requests are read for a trusted workspace folder in a git repository.'),
          );
          return undefined;
        }
        const choices: (vscode.QuickPickItem & { answer: Answer })[] = [
          {
            label: vscode.l10n.t('Yes, for this repository'),
            detail: vscode.l10n.t('Descriptions, review times and reviewers of your merged pull requests, kept on this machine'),
            answer: 'yes',
          },
          { label: vscode.l10n.t('Not now'), answer: 'not-now' },
          { label: vscode.l10n.t('Never for this repository'), answer: 'never' },
        ];
        const answer =
          given ??
          (
            await vscode.window.showQuickPick(choices, {
              title: vscode.l10n.t('Fetch your pull requests from the hosting service?'),
              ignoreFocusOut: true,
            })
          )?.answer;
        if (!answer) return undefined;
        await services.pullRequests.answer(repo, answer);
        await services.mergedWork.refresh(undefined, undefined, answer === 'yes');
        return answer;
      },
    ),
    vscode.commands.registerCommand('careerEvidence.forgetPullRequests', async () => {
      await services.pullRequests.forget();
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(trash) Career Evidence: fetched pull requests forgotten'), 5000);
    }),
  );
}
