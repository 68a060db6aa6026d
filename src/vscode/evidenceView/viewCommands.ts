import * as path from 'path';
import * as vscode from 'vscode';
import { CanonicalStatus } from '../../core/evidence/model';
import { CANONICAL_STATUSES } from '../../core/evidence/status';
import { GroupBy, describeFilter, isFiltering } from '../../core/index/viewModel';
import { renderPromotedEntry } from '../../core/journal/bragEntry';
import { localToday } from '../../core/evidence/dates';
import { writeJournalEntry } from '../../node/journal';
import { Services } from '../services/services';
import { settings } from '../settings/settings';
import { documentArgumentUri } from '../shared/documentArgument';
import { EvidenceNode } from './evidenceTree';
import { ViewState } from './viewState';

const GROUPS: { by: GroupBy; label: string }[] = [
  { by: 'kind', label: vscode.l10n.t('Kind') },
  { by: 'quarter', label: vscode.l10n.t('Quarter') },
  { by: 'status', label: vscode.l10n.t('Status') },
  { by: 'tag', label: vscode.l10n.t('Tag') },
];

function uriOf(node: EvidenceNode | vscode.Uri | undefined): vscode.Uri | undefined {
  return node ? documentArgumentUri(node) : vscode.window.activeTextEditor?.document.uri;
}

/**
 * Group By…, Filter…, Mine Only, Filter by Status…, Clear Filter, and the document actions Open to
 * the Side, Reveal in Explorer and Copy Link. Arguments for automation: `groupBy(by)`,
 * `filter(text)`, `filterStatus(status | '')`.
 */
export function registerViewCommands(
  context: vscode.ExtensionContext,
  services: Services,
  state: ViewState,
  view: vscode.TreeView<EvidenceNode>,
): void {
  const showMessage = () => {
    const restricted = services.git.trusted
      ? undefined
      : vscode.l10n.t('Restricted Mode: documents are listed; git data (merged work, authors) is off until you trust this workspace.');
    const filtered = isFiltering(state.filter)
      ? vscode.l10n.t('Filtered: {0} — “Clear Filter” in the title bar shows everything again.', describeFilter(state.filter))
      : undefined;
    view.message = [restricted, filtered].filter(Boolean).join(' ') || undefined;
  };
  context.subscriptions.push(
    state.onDidChange(showMessage),
    vscode.workspace.onDidGrantWorkspaceTrust(showMessage),
    vscode.commands.registerCommand('careerEvidence.groupBy', async (by?: GroupBy) => {
      const picked =
        by ??
        (
          await vscode.window.showQuickPick(
            GROUPS.map((g) => ({ label: g.label, description: g.by === state.groupBy ? 'current' : undefined, by: g.by })),
            { placeHolder: vscode.l10n.t('Group evidence by…') },
          )
        )?.by;
      if (picked) await state.setGroupBy(picked);
    }),
    vscode.commands.registerCommand('careerEvidence.filter', async (text?: string) => {
      const value =
        text ??
        (await vscode.window.showInputBox({
          prompt: vscode.l10n.t('Show documents whose title, tags, status or people contain…'),
          value: state.filter.text ?? '',
        }));
      if (value !== undefined) state.setFilter({ ...state.filter, text: value.trim() || undefined });
    }),
    vscode.commands.registerCommand('careerEvidence.toggleMineOnly', () =>
      state.setFilter({ ...state.filter, mineOnly: !state.filter.mineOnly }),
    ),
    // The same toggle, listed as "✓ Mine Only" while it is on (menus have no check marks of their own).
    vscode.commands.registerCommand('careerEvidence.toggleMineOnlyOff', () => state.setFilter({ ...state.filter, mineOnly: false })),
    vscode.commands.registerCommand('careerEvidence.filterStatus', async (status?: CanonicalStatus | '') => {
      const picked =
        status ??
        (await vscode.window.showQuickPick(['any', ...CANONICAL_STATUSES], { placeHolder: vscode.l10n.t('Show documents with status…') }));
      if (picked !== undefined)
        state.setFilter({ ...state.filter, status: picked && picked !== 'any' ? (picked as CanonicalStatus) : undefined });
    }),
    vscode.commands.registerCommand('careerEvidence.clearFilter', () => state.setFilter({})),
    vscode.commands.registerCommand('careerEvidence.openToSide', (node?: EvidenceNode) => {
      const uri = uriOf(node);
      if (uri) return vscode.commands.executeCommand('vscode.open', uri, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    }),
    vscode.commands.registerCommand('careerEvidence.revealInExplorer', (node?: EvidenceNode) => {
      const uri = uriOf(node);
      if (uri) return vscode.commands.executeCommand('revealInExplorer', uri);
    }),
    vscode.commands.registerCommand('careerEvidence.promoteToBrag', async (node?: EvidenceNode) => {
      if (!node || node.type !== 'document') return undefined;
      const entry = renderPromotedEntry(node.doc.item, node.doc.folder.index >= 0 ? node.doc.folder.name : 'journal', localToday());
      try {
        const file = await writeJournalEntry(settings.journalDir(), entry);
        await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
        return vscode.Uri.file(file);
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Career Evidence: could not write the brag entry: {0}', (err as Error).message));
        return undefined;
      }
    }),
    vscode.commands.registerCommand('careerEvidence.copyLink', async (node?: EvidenceNode) => {
      const uri = uriOf(node);
      const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
      if (!uri || !folder) return undefined;
      const title =
        node && !(node instanceof vscode.Uri) && node.type === 'document' ? node.doc.item.title : path.basename(uri.fsPath, '.md');
      const link = `[${title}](${path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/')})`;
      await vscode.env.clipboard.writeText(link);
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(clippy) Copied {0}', link), 3000);
      return link;
    }),
  );
  showMessage();
}
