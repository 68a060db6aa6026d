import * as vscode from 'vscode';
import { DAY_MS } from '../../core/evidence/dates';
import { Suggestion } from '../../core/git/suggestions';
import { UserError } from '../../node/errors';
import { writeBragEntry } from '../../node/journal';
import { Services } from '../services/services';
import { repoName } from '../services/mergedWork';
import { settings } from '../settings/settings';

/** A suggestion as commands receive it: the tree node, or `{ folderUri, sha }` from prompts and tests. */
export type SuggestionRef = { folderUri: string; sha: string } | { type: 'suggestion'; folderUri: string; suggestion: Suggestion };

/** The `{ folderUri, sha }` of a suggestion argument. */
export function refOf(arg: SuggestionRef | undefined): { folderUri: string; sha: string } | undefined {
  if (!arg) return undefined;
  return 'sha' in arg ? arg : { folderUri: arg.folderUri, sha: arg.suggestion.sha };
}

/**
 * Accepts a suggestion: writes its brag entry into the journal (outside the repository), records
 * the decision, and opens the entry when `open` (to add the impact). Resolves with the entry's URI.
 */
export async function acceptSuggestion(services: Services, arg: SuggestionRef | undefined, open: boolean): Promise<vscode.Uri | undefined> {
  const ref = refOf(arg);
  const found = ref && (await services.mergedWork.find(ref.folderUri, ref.sha));
  if (!ref || !found) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Career Evidence: that suggestion is no longer there. Scan merged work again.'));
    return undefined;
  }
  try {
    const file = await writeBragEntry(settings.journalDir(), found.suggestion, repoName(found.folder.repo));
    await services.mergedWork.decide(ref.folderUri, ref.sha, { state: 'accepted', at: new Date().toISOString(), entry: file });
    services.log.info(`accepted ${ref.sha.slice(0, 12)} → ${file}`);
    const uri = vscode.Uri.file(file);
    await services.index.update([uri]);
    if (open) await vscode.window.showTextDocument(uri, { preview: false });
    else vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Added to your brag document: {0}', found.suggestion.title), 5000);
    return uri;
  } catch (err) {
    const message = err instanceof UserError ? err.message : (err as Error).message;
    void vscode.window.showErrorMessage(vscode.l10n.t('Career Evidence: could not write the brag entry: {0}', message));
    return undefined;
  }
}

/**
 * Dismisses a suggestion: it leaves the list and is never suggested again — unless the user takes
 * it back with Undo on the confirmation, or later with Restore Dismissed Suggestions….
 */
export async function dismissSuggestion(services: Services, arg: SuggestionRef | undefined): Promise<void> {
  const ref = refOf(arg);
  if (!ref) return;
  const found = await services.mergedWork.find(ref.folderUri, ref.sha);
  await services.mergedWork.decide(ref.folderUri, ref.sha, { state: 'dismissed', at: new Date().toISOString() });
  const undo = vscode.l10n.t('Undo');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Career Evidence: dismissed “{0}”.', found?.suggestion.title ?? ref.sha.slice(0, 7)), undo)
    .then((picked) => (picked === undo ? services.mergedWork.undoDismiss(ref.folderUri, ref.sha) : undefined));
}

/** Restore Dismissed Suggestions…: a multi-select of the dismissed ones; the chosen are listed again. Resolves with how many. */
export async function restoreDismissed(services: Services, shas?: string[]): Promise<number> {
  const dismissed = await services.mergedWork.dismissed();
  if (dismissed.length === 0 && !shas) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Career Evidence: no dismissed suggestions.'));
    return 0;
  }
  const chosen = shas
    ? dismissed.filter((d) => shas.includes(d.suggestion.sha))
    : (
        await vscode.window.showQuickPick(
          dismissed.map((d) => ({
            label: d.suggestion.title,
            description: [
              d.suggestion.pr ? `#${d.suggestion.pr.number}` : d.suggestion.sha.slice(0, 7),
              d.suggestion.mergedAt.slice(0, 10),
            ].join(' · '),
            d,
          })),
          {
            canPickMany: true,
            title: vscode.l10n.t('Restore Dismissed Suggestions'),
            placeHolder: vscode.l10n.t('Which ones should be suggested again?'),
          },
        )
      )?.map((i) => i.d);
  let restored = 0;
  for (const d of chosen ?? []) if (await services.mergedWork.undoDismiss(d.folderUri, d.suggestion.sha)) restored++;
  return restored;
}

/** Snoozes the prompt for a suggestion for one day; it stays in the Suggestions group. */
export async function snoozeSuggestion(services: Services, arg: SuggestionRef | undefined, now = Date.now()): Promise<void> {
  const ref = refOf(arg);
  if (!ref) return;
  await services.mergedWork.decide(ref.folderUri, ref.sha, {
    state: 'snoozed',
    at: new Date(now).toISOString(),
    until: new Date(now + DAY_MS).toISOString(),
  });
}
