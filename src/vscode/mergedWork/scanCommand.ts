import * as vscode from 'vscode';
import { DayRange, readRange } from '../../core/evidence/quarters';
import { isIsoDate, localToday } from '../../core/evidence/dates';
import { matchesFilter } from '../../core/git/suggestions';
import { maintenanceKind } from '../../core/report/maintenance';
import { FolderSuggestions } from '../services/mergedWork';
import { Services } from '../services/services';
import { EVIDENCE_VIEW_ID, SET_IDENTITIES_COMMAND, SHOW_ALL_MERGED_WORK_COMMAND } from '../shared/commandIds';

/** Arguments for automation and tests: a range name (`this-quarter`, `last-quarter`, `YYYY-Qn`, `all`) or a start date. */
export interface ScanArgs {
  range?: string;
  since?: string;
}

async function pickRange(): Promise<DayRange | null | undefined> {
  const today = localToday();
  const items: (vscode.QuickPickItem & { value: DayRange | null | 'since' })[] = [
    {
      label: vscode.l10n.t('This quarter'),
      description: describe(readRange('this-quarter', today)!),
      value: readRange('this-quarter', today),
    },
    {
      label: vscode.l10n.t('Last quarter'),
      description: describe(readRange('last-quarter', today)!),
      value: readRange('last-quarter', today),
    },
    { label: vscode.l10n.t('Since a date…'), value: 'since' },
    { label: vscode.l10n.t('All history'), value: null },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Scan Merged Work'),
    placeHolder: vscode.l10n.t('Which merged work?'),
  });
  if (!picked) return undefined;
  if (picked.value !== 'since') return picked.value;
  const since = await vscode.window.showInputBox({
    title: vscode.l10n.t('Scan Merged Work since'),
    prompt: vscode.l10n.t('First day, YYYY-MM-DD'),
    value: `${today.slice(0, 4)}-01-01`,
    validateInput: (v) => (isIsoDate(v.trim()) ? undefined : 'A date YYYY-MM-DD, e.g. 2026-01-01'),
  });
  return since === undefined ? undefined : { since: since.trim(), until: today };
}

function describe(r: DayRange): string {
  return `${r.since} – ${r.until}`;
}

function fromArgs(args: ScanArgs): DayRange | null | undefined {
  if (args.since && isIsoDate(args.since)) return { since: args.since, until: localToday() };
  if (args.range === 'all') return null;
  return args.range ? (readRange(args.range, localToday()) ?? undefined) : undefined;
}

/**
 * "Career Evidence: Scan Merged Work…": asks for a range (this quarter, last quarter, since a date,
 * all history), mines every workspace folder with a cancellable progress notification, fills the
 * Suggestions group and shows the view. Resolves with the number of undecided suggestions.
 */
export function registerScanMergedWork(context: vscode.ExtensionContext, services: Services): void {
  let rangeShown = false;
  context.subscriptions.push(
    vscode.commands.registerCommand('careerEvidence.scanMergedWork', async (args?: ScanArgs): Promise<number> => {
      if (!vscode.workspace.workspaceFolders?.length) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder in a git repository to scan its merged work.'));
        return 0;
      }
      // Said before asking for a range: the command is hidden there, but a key binding can still run it.
      if (!services.git.trusted) {
        const manage = vscode.l10n.t('Manage Workspace Trust');
        void vscode.window
          .showInformationMessage(
            vscode.l10n.t('Career Evidence: merged work is read with git, which does not run in Restricted Mode.'),
            manage,
          )
          .then((picked) => picked === manage && vscode.commands.executeCommand('workbench.trust.manage'));
        return 0;
      }
      const range = args ? fromArgs(args) : await pickRange();
      if (range === undefined) return 0;
      const results = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('Career Evidence: scanning merged work…'),
          cancellable: true,
        },
        (_progress, token) => {
          const abort = new AbortController();
          token.onCancellationRequested(() => abort.abort());
          return services.mergedWork.refresh(range, abort.signal);
        },
      );
      const count = pendingInRange(results, range);
      const unavailable = results.flatMap((r) => (r.state === 'unavailable' ? [r] : []));
      const shallow = results.some((r) => r.state === 'ready' && r.result.shallow);
      if (count === 0 && unavailable.length > 0) {
        // Every warning says what helps, as a button.
        const first = unavailable[0];
        const action = first.cause === 'identity' ? vscode.l10n.t('Set My Identities…') : undefined;
        void vscode.window
          .showWarningMessage(vscode.l10n.t('Career Evidence: {0}', first.reason), ...(action ? [action] : []))
          .then((picked) => picked && vscode.commands.executeCommand(SET_IDENTITIES_COMMAND, first.folder.uri.toString()));
      } else {
        const note = shallow ? ` ${vscode.l10n.t('This is a shallow clone: only the history it holds was read.')}` : '';
        void vscode.window.showInformationMessage(
          count === 1
            ? vscode.l10n.t('Career Evidence: 1 suggestion from your merged work.{0}', note)
            : vscode.l10n.t('Career Evidence: {0} suggestions from your merged work.{1}', count, note),
        );
      }
      await vscode.commands.executeCommand(`${EVIDENCE_VIEW_ID}.focus`);
      return count;
    }),
    vscode.commands.registerCommand(SHOW_ALL_MERGED_WORK_COMMAND, () => services.mergedWork.showRange(null)),
    services.mergedWork.onDidChange(() => {
      const shown = services.mergedWork.currentRange !== null;
      if (shown !== rangeShown) void vscode.commands.executeCommand('setContext', 'careerEvidence.rangeShown', (rangeShown = shown));
    }),
  );
}

/** Undecided suggestions merged in `range` (null: all history), upkeep (sync merges, releases, version bumps) left out. */
function pendingInRange(results: readonly FolderSuggestions[], range: DayRange | null): number {
  const filter = { authors: 'all' as const, since: range?.since, until: range?.until };
  return results.reduce(
    (n, r) => n + (r.state === 'ready' ? r.pending.filter((s) => maintenanceKind(s) === null && matchesFilter(s, filter)).length : 0),
    0,
  );
}
