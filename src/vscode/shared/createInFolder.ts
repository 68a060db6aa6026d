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
      const chosen = documentFolder ?? (await askFolder(kind));
      if (!chosen) return undefined;
      await services.documentFolders.remember(folder, kind, chosen);
      chosenNow = true;
      if (!documentFolder) offerToShare(services, folder, kind, chosen);
    } else if (existing.length > 1 && existing.every((f) => f.convention === 'log4brains')) {
      // log4brains with packages: ask which package's folder.
      const pick = await vscode.window.showQuickPick(
        existing.map((f) => ({ label: f.path })),
        { placeHolder: 'Which log4brains package?' },
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
    for (const w of created.warnings) void vscode.window.showWarningMessage(`Career Evidence: ${w}`);
    return created;
  } catch (err) {
    const message = err instanceof UserError ? err.message : `unexpected failure: ${(err as Error).message}`;
    if (!(err instanceof UserError)) services.log.error('New Design Doc failed', err);
    void vscode.window.showErrorMessage(`Career Evidence: could not create the document: ${message}`);
    return undefined;
  }
}

async function askFolder(kind: EvidenceKind): Promise<string | undefined> {
  const suggested = [
    KINDS[kind].newFolder,
    ...(kind === 'decision' ? ['docs/adr', 'doc/adr', 'docs/architecture/decisions'] : KINDS[kind].scanFolders),
  ];
  const items = [...new Set(suggested)].map((p) => ({ label: p })).concat([{ label: 'Other…' }]);
  const picked = await vscode.window.showQuickPick(items, {
    title: `Where do ${KINDS[kind].plural.toLowerCase()} go in this repository?`,
    placeHolder: 'Remembered for this workspace (nothing is written into the repository)',
  });
  if (!picked) return undefined;
  if (picked.label !== 'Other…') return picked.label;
  return vscode.window.showInputBox({
    prompt: 'Folder, relative to the workspace folder',
    value: KINDS[kind].newFolder,
    validateInput: (v) => (/^(\/|\.\.)|\.\.\//.test(v.trim()) || !v.trim() ? 'A folder inside the workspace folder' : undefined),
  });
}

function selectedText(): string | undefined {
  const e = vscode.window.activeTextEditor;
  return e && !e.selection.isEmpty ? e.document.getText(e.selection) : undefined;
}

/** After a folder was chosen: offers (without waiting) to write the choice into the repository's settings, for the team. */
function offerToShare(services: Services, folder: vscode.WorkspaceFolder, kind: EvidenceKind, relPath: string): void {
  const share = 'Share with Team';
  void vscode.window
    .showInformationMessage(
      `Career Evidence: ${KINDS[kind].plural.toLowerCase()} go in ${relPath} in this workspace. Share the choice with your team in .vscode/settings.json?`,
      share,
    )
    .then((picked) => (picked === share ? services.documentFolders.share(folder, kind, relPath) : undefined));
}
