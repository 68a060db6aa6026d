import * as vscode from 'vscode';
import { Services } from '../shared/services';
import { settings } from '../settings/settings';
import { StatusDecorations } from './decorations';
import { EvidenceTreeProvider } from './evidenceTree';
import { EvidenceNode } from './nodes';
import { registerViewCommands } from './viewCommands';
import { ViewState } from './viewState';

/** View id of the Evidence tree (package.json `contributes.views`). */
export const EVIDENCE_VIEW_ID = 'careerEvidence.evidence';

/**
 * Registers the Evidence view, its Refresh command and the file watchers: a changed Markdown file
 * updates its own entry; a changed ADR configuration file (`.adr-dir`, `.log4brains.yml`,
 * `adr.config.json`) rescans its folder. Nothing is read until the view asks.
 */
export function registerEvidenceView(context: vscode.ExtensionContext, services: Services): { provider: EvidenceTreeProvider; decorations: StatusDecorations; view: vscode.TreeView<EvidenceNode> } {
  const viewState = new ViewState(context.workspaceState);
  const provider = new EvidenceTreeProvider(services, viewState);
  const view = vscode.window.createTreeView(EVIDENCE_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const decorations = new StatusDecorations(services.documents);
  registerViewCommands(context, viewState, view);
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

  // VS Code delivers file events in batches (already coalesced by its watcher): the events of one
  // batch arrive in one turn of the event loop and are applied together right after it, each file
  // updating only its own entry. No extra delay: an edit shows at once.
  let flush: NodeJS.Immediate | undefined;
  const pending = new Map<string, vscode.Uri>();
  const onFileEvent = (uri: vscode.Uri) => {
    pending.set(uri.toString(), uri);
    flush ??= setImmediate(() => {
      flush = undefined;
      const batch = [...pending.values()];
      pending.clear();
      void services.documents.update(batch);
    });
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/{*.md,.adr-dir,.log4brains.yml,adr.config.json}');
  const showBadge = () => {
    const n = services.suggestions.pendingCount;
    view.badge = n ? { value: n, tooltip: `${n} suggestion${n === 1 ? '' : 's'} to review` } : undefined;
  };
  // The journal lives outside the workspace: its own watcher, re-created when the setting changes.
  let journalWatcher: vscode.FileSystemWatcher | undefined;
  const watchJournal = () => {
    journalWatcher?.dispose();
    journalWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(settings.journalDir()), '**/*.md'));
    journalWatcher.onDidCreate(onFileEvent);
    journalWatcher.onDidChange(onFileEvent);
    journalWatcher.onDidDelete(onFileEvent);
  };
  watchJournal();
  context.subscriptions.push(
    { dispose: () => journalWatcher?.dispose() },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('careerEvidence.journal.path')) return;
      watchJournal();
      services.documents.invalidate();
    }),
    provider,
    view,
    viewState,
    decorations,
    vscode.window.registerFileDecorationProvider(decorations),
    vscode.window.onDidChangeActiveTextEditor(revealActive),
    watcher,
    watcher.onDidCreate(onFileEvent),
    watcher.onDidChange(onFileEvent),
    watcher.onDidDelete(onFileEvent),
    vscode.workspace.onDidChangeWorkspaceFolders(() => services.documents.invalidate()),
    services.suggestions.onDidChange(showBadge),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('careerEvidence.documentFolders') || e.affectsConfiguration('adrManager.adrDirectory')) services.documents.invalidate();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void services.suggestions.refresh()),
    { dispose: () => flush && clearImmediate(flush) },
    vscode.commands.registerCommand('careerEvidence.refresh', async () => {
      services.documents.invalidate();
      await services.suggestions.refresh();
    }),
  );
  return { provider, decorations, view };
}
