import * as vscode from 'vscode';
import { Services } from '../services/services';
import { EVIDENCE_VIEW_ID } from '../shared/commandIds';
import { StatusDecorations } from './decorations';
import { EvidenceNode, EvidenceTreeProvider } from './evidenceTree';
import { registerViewCommands } from './viewCommands';
import { ViewState } from './viewState';

/**
 * Registers the Evidence view, its status decorations, its Refresh command, its badge (the
 * suggestions waiting, as soon as a mine made them known) and its progress bar while merged work
 * is read. Nothing is read until the view asks.
 */
export function registerEvidenceView(
  context: vscode.ExtensionContext,
  services: Services,
): { provider: EvidenceTreeProvider; decorations: StatusDecorations; view: vscode.TreeView<EvidenceNode> } {
  const viewState = new ViewState(context.workspaceState);
  const provider = new EvidenceTreeProvider(services, viewState);
  const view = vscode.window.createTreeView(EVIDENCE_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const decorations = new StatusDecorations(services.index);
  registerViewCommands(context, services, viewState, view);
  // Keep the tree on the document being edited (setting careerEvidence.evidenceView.revealActiveDocument).
  // Reveals run one after another, and one asked for while another runs is skipped when a newer
  // editor came meanwhile: a reveal can take long while the tree refreshes, and one finishing late
  // would leave the selection on a document the user has left.
  let revealing: Promise<unknown> = Promise.resolve();
  let latestReveal = 0;
  const revealActive = (editor: vscode.TextEditor | undefined) => {
    if (!editor || !view.visible) return;
    if (!vscode.workspace.getConfiguration('careerEvidence').get<boolean>('evidenceView.revealActiveDocument', true)) return;
    const ticket = ++latestReveal;
    revealing = revealing
      .then(() => {
        if (ticket !== latestReveal) return undefined;
        const node = provider.findDocument(editor.document.uri);
        return node && view.reveal(node, { select: true, focus: false });
      })
      .then(undefined, () => undefined); // a refused reveal (the tree changed meanwhile) must not stop the next ones
  };
  const showBadge = () => {
    const n = services.mergedWork.pendingCount;
    view.badge = n
      ? { value: n, tooltip: n === 1 ? vscode.l10n.t('1 suggestion to review') : vscode.l10n.t('{0} suggestions to review', n) }
      : undefined;
  };
  // The view's progress bar while merged work is read (the Suggestions group says so in a row too).
  let endProgress: (() => void) | undefined;
  const showProgress = () => {
    if (services.mergedWork.mining && !endProgress)
      void vscode.window.withProgress({ location: { viewId: EVIDENCE_VIEW_ID } }, () => new Promise<void>((end) => (endProgress = end)));
    else if (!services.mergedWork.mining && endProgress) {
      endProgress();
      endProgress = undefined;
    }
  };
  context.subscriptions.push(
    provider,
    services.mergedWork.onDidChange(showProgress),
    { dispose: () => endProgress?.() },
    view,
    viewState,
    decorations,
    vscode.window.registerFileDecorationProvider(decorations),
    vscode.window.onDidChangeActiveTextEditor(revealActive),
    services.mergedWork.onDidChange(showBadge),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void services.mergedWork.refresh()),
    vscode.commands.registerCommand('careerEvidence.refresh', async () => {
      services.index.invalidate();
      await services.mergedWork.refresh();
    }),
  );
  return { provider, decorations, view };
}
