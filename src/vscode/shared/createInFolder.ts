import * as vscode from 'vscode';
import { localToday } from '../../core/evidence/dates';
import { KINDS } from '../../core/evidence/kinds';
import { EvidenceKind } from '../../core/evidence/model';
import { CreatedDocument, createDocument } from '../../node/createDocument';
import { UserError } from '../../node/errors';
import { configValue } from '../../node/git/repository';
import { scanEvidence } from '../../node/scanEvidence';
import { Services } from '../services/services';

/**
 * Creates a document of `kind` in `folder` and opens it: asks once where such documents go when the
 * repository has no folder for the kind (and remembers the answer in this workspace's storage —
 * written into the repository's settings only when the user shares it with the team),
 * numbers past every branch (trusted workspaces only: that reads git), fills the repository's
 * template, and turns its snippet tab stops into a live snippet. Errors are shown, not thrown.
 */
export async function createInFolder(
  services: Services,
  folder: vscode.WorkspaceFolder,
  kind: EvidenceKind,
  title: string,
  documentFolder?: string,
): Promise<CreatedDocument | undefined> {
  try {
    // The index's view of the folder (read once, kept current by its watchers), not a scan of our own.
    const indexed = await services.index.folder(folder);
    const layout = indexed?.layout ?? (await scanEvidence(folder.uri.fsPath, { settings: services.documentFolders.for(folder) })).folders;
    const existing = layout.filter((f) => f.kind === kind);
    // A folder chosen just now is in the settings, not yet in the index: then the folder is read anew.
    let chosenNow = false;
    if (existing.length === 0) {
      const chosen = documentFolder !== undefined ? { path: documentFolder, share: false } : await askFolder(kind);
      if (!chosen) return undefined;
      await services.documentFolders.remember(folder, kind, chosen.path);
      if (chosen.share) await services.documentFolders.share(folder, kind, chosen.path);
      chosenNow = true;
    } else if (existing.length > 1 && existing.every((f) => f.convention === 'log4brains')) {
      // log4brains with packages: ask which package's folder.
      const pick = await vscode.window.showQuickPick(
        existing.map((f) => ({ label: f.path })),
        { placeHolder: vscode.l10n.t('Which log4brains package?') },
      );
      if (!pick) return undefined;
      await services.documentFolders.remember(folder, kind, pick.label);
      chosenNow = true;
    }
    const repo = (await services.git.repository(folder)) ?? null;
    const author = repo ? await configValue(repo, 'user.name') : null;
    const selection = selectedText();
    const created = await createDocument(folder.uri.fsPath, kind, title, localToday(), author, {
      settings: services.documentFolders.for(folder),
      repo,
      selection,
      indexed: indexed && !chosenNow ? { layout: indexed.layout, documents: indexed.documents } : undefined,
    });
    services.log.info(`created ${created.path} (${created.format}${created.template ? `, from ${created.template}` : ''})`);
    await services.index.include([vscode.Uri.file(created.absolutePath)]);
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(created.absolutePath), { preview: false });
    if (created.snippet) {
      const doc = editor.document;
      await editor.insertSnippet(
        new vscode.SnippetString(created.snippet),
        new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)),
      );
    }
    for (const w of created.warnings) void vscode.window.showWarningMessage(vscode.l10n.t('Career Evidence: {0}', w));
    return created;
  } catch (err) {
    const message = err instanceof UserError ? err.message : vscode.l10n.t('unexpected failure: {0}', (err as Error).message);
    if (!(err instanceof UserError)) services.log.error('New Design Doc failed', err);
    void vscode.window.showErrorMessage(vscode.l10n.t('Career Evidence: could not create the document: {0}', message));
    return undefined;
  }
}

/** A folder the user chose for a kind, and whether to share the choice with the team. */
interface FolderChoice {
  path: string;
  share: boolean;
}

const SHARE_BUTTON: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('organization'),
  tooltip: vscode.l10n.t('Use this folder and share the choice with your team (in .vscode/settings.json)'),
};

/**
 * Asks where documents of `kind` go: the usual folders, or another one. Choosing a folder keeps it
 * for this workspace only; its Share button also writes it for the team. Undefined when cancelled.
 */
async function askFolder(kind: EvidenceKind): Promise<FolderChoice | undefined> {
  const suggested = [
    KINDS[kind].newFolder,
    ...(kind === 'decision' ? ['docs/adr', 'doc/adr', 'docs/architecture/decisions'] : KINDS[kind].scanFolders),
  ];
  const other = vscode.l10n.t('Other…');
  const items: vscode.QuickPickItem[] = [...new Set(suggested)].map((p) => ({ label: p, buttons: [SHARE_BUTTON] }));
  items.push({ label: other });
  const picked = await new Promise<{ label: string; share: boolean } | undefined>((resolve) => {
    const pick = vscode.window.createQuickPick();
    pick.title = vscode.l10n.t('Where do {0} go in this repository?', KINDS[kind].plural.toLowerCase());
    pick.placeholder = vscode.l10n.t('Remembered for this workspace; the Share button also writes it for your team');
    pick.items = items;
    let result: { label: string; share: boolean } | undefined;
    pick.onDidAccept(() => {
      result = pick.selectedItems[0] && { label: pick.selectedItems[0].label, share: false };
      pick.hide();
    });
    pick.onDidTriggerItemButton((e) => {
      result = { label: e.item.label, share: true };
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(result);
    });
    pick.show();
  });
  if (!picked) return undefined;
  if (picked.label !== other) return { path: picked.label, share: picked.share };
  const typed = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('Folder, relative to the workspace folder'),
    value: KINDS[kind].newFolder,
    validateInput: (v) =>
      /^(\/|\.\.)|\.\.\//.test(v.trim()) || !v.trim() ? vscode.l10n.t('A folder inside the workspace folder') : undefined,
  });
  return typed === undefined ? undefined : { path: typed.trim(), share: false };
}

function selectedText(): string | undefined {
  const e = vscode.window.activeTextEditor;
  return e && !e.selection.isEmpty ? e.document.getText(e.selection) : undefined;
}
