import * as vscode from 'vscode';
import { CanonicalStatus, closestStatuses } from '../../core/evidence/status';
import { TEAM_STATUS_FILE, aliasKey } from '../../core/evidence/statusAliases';
import { UserError } from '../../node/errors';
import { addTeamStatusAlias } from '../../node/statusVocabulary';
import { rememberStatusAlias } from '../settings/settings';
import { Services } from '../services/services';

/** `careerEvidence.addStatusAlias`: teach the reader a status word. */
export const ADD_STATUS_ALIAS_COMMAND = 'careerEvidence.addStatusAlias';

/** Arguments of {@link ADD_STATUS_ALIAS_COMMAND} (quick fixes give them; the Command Palette asks). */
export interface AddStatusAliasArgs {
  /** The word as written (one or two words). */
  word?: string;
  /** The status it means; asked when absent. */
  status?: CanonicalStatus;
  /** The workspace folder (URI string) whose team file "share with the team" writes; asked when absent. */
  folder?: string;
  /** Where it is kept: the user's settings (default, nothing written into a repository) or the team's file. */
  scope?: 'user' | 'team';
}

/**
 * Records a status word: in the user's settings unless the user picks "share with the team",
 * which writes the repository's `.career-evidence/statuses.yml` (created or edited in place). The
 * index rereads the documents either way (a setting or file change). Errors are shown, never thrown.
 */
export async function addStatusAlias(services: Services, args: AddStatusAliasArgs = {}): Promise<boolean> {
  const word =
    args.word ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Add a status word'),
      prompt: vscode.l10n.t('A word or two your team writes as a status, e.g. "Ratified" or "On hold"'),
      validateInput: (v) => (aliasKey(v) ? undefined : vscode.l10n.t('One or two words of letters')),
    }));
  const key = word && aliasKey(word);
  if (!key) return false;
  const status =
    args.status ??
    (
      await vscode.window.showQuickPick(
        closestStatuses(key).map((s) => ({ label: s, status: s })),
        { title: vscode.l10n.t('Treat "{0}" as…', key), placeHolder: vscode.l10n.t('The status it means') },
      )
    )?.status;
  if (!status) return false;
  const scope = args.scope ?? (await pickScope(key, status));
  if (!scope) return false;
  try {
    if (scope === 'user') {
      await rememberStatusAlias(key, status);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('"{0}" is read as {1} (your settings)', key, status), 4000);
      return true;
    }
    const folder = await pickFolder(args.folder);
    if (!folder) return false;
    if (!vscode.workspace.isTrusted) throw new UserError(vscode.l10n.t('Writing the team file needs a trusted workspace'));
    const file = await addTeamStatusAlias(folder.uri.fsPath, key, status);
    await services.index.include([vscode.Uri.file(file)]);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('"{0}" is read as {1} ({2})', key, status, TEAM_STATUS_FILE), 4000);
    return true;
  } catch (err) {
    void vscode.window.showErrorMessage(
      err instanceof UserError ? err.message : vscode.l10n.t('Could not record the word: {0}', String(err)),
    );
    return false;
  }
}

async function pickScope(key: string, status: CanonicalStatus): Promise<'user' | 'team' | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      {
        label: vscode.l10n.t('In my settings'),
        detail: vscode.l10n.t('Only you; nothing is written into the repository'),
        scope: 'user' as const,
      },
      {
        label: vscode.l10n.t('Share with the team'),
        detail: vscode.l10n.t('Writes {0} in the repository, to commit with your work', TEAM_STATUS_FILE),
        scope: 'team' as const,
      },
    ],
    { title: vscode.l10n.t('Treat "{0}" as {1}: keep it where?', key, status) },
  );
  return picked?.scope;
}

async function pickFolder(key: string | undefined): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const given = key && folders.find((f) => f.uri.toString() === key);
  if (given) return given;
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('The repository whose team shares the word') });
}
