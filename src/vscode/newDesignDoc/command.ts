import * as vscode from 'vscode';
import { KINDS } from '../../core/evidence/kinds';
import { EvidenceKind } from '../../core/evidence/model';
import { cleanTitle } from '../../core/naming/fileName';
import { NEW_DOCUMENT_KINDS } from '../../core/templates/builtin';
import { localToday } from '../../core/evidence/dates';
import { CreatedDocument, createDocument } from '../../node/createDocument';
import { UserError } from '../../node/errors';
import { Repository, configValue, openRepository } from '../../node/git/repository';
import { scanEvidence } from '../../node/scanEvidence';
import { Services } from '../shared/services';
import { documentFolderSettings, rememberDocumentFolder } from '../settings/settings';

/** Optional arguments, so keybindings and tests can skip the prompts. */
export interface NewDesignDocArgs {
  kind?: EvidenceKind;
  title?: string;
  /** Workspace folder URI (string); defaults to the only folder, else the user picks. */
  folder?: string;
  /** Folder for the kind when the repository has none yet (skips the question). */
  documentFolder?: string;
}

/**
 * "Career Evidence: New Design Doc": pick a kind, type a title, and the document is created in the
 * repository's own convention with the next number (never overwriting a file) and opened.
 * Resolves with the new file's URI, or undefined when cancelled or failed (the error is shown).
 */
export function registerNewDesignDoc(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('careerEvidence.newDesignDoc', (args?: NewDesignDocArgs) => newDesignDoc(services, args ?? {})),
  );
}

async function newDesignDoc(services: Services, args: NewDesignDocArgs): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder(args.folder);
  if (!folder) return undefined;
  const kind = args.kind ?? (await pickKind());
  if (!kind) return undefined;
  const title =
    args.title ??
    (await vscode.window.showInputBox({
      title: `New ${KINDS[kind].label}`,
      prompt: 'Title of the document',
      placeHolder: kind === 'decision' ? 'e.g. Use PostgreSQL for the billing service' : 'A short, specific title',
      validateInput: (v) => {
        try {
          cleanTitle(v);
          return undefined;
        } catch (err) {
          return `The ${(err as Error).message}.`;
        }
      },
    }));
  if (title === undefined) return undefined;
  const created = await createInFolder(services, folder, kind, title, args.documentFolder);
  return created ? vscode.Uri.file(created.absolutePath) : undefined;
}

/**
 * Creates a document of `kind` in `folder` and opens it: asks once where such documents go when the
 * repository has no folder for the kind (and remembers the answer in the workspace settings),
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
    const scan = await scanEvidence(folder.uri.fsPath, { settings: documentFolderSettings(folder) });
    const existing = scan.folders.filter((f) => f.kind === kind);
    if (existing.length === 0) {
      const chosen = documentFolder ?? (await askFolder(kind));
      if (!chosen) return undefined;
      await rememberDocumentFolder(folder, kind, chosen);
    } else if (existing.length > 1 && existing.every((f) => f.convention === 'log4brains')) {
      // log4brains with packages: ask which package's folder.
      const pick = await vscode.window.showQuickPick(existing.map((f) => ({ label: f.path })), { placeHolder: 'Which log4brains package?' });
      if (!pick) return undefined;
      await rememberDocumentFolder(folder, kind, pick.label);
    }
    const repo = await trustedRepository(folder);
    const author = repo ? await configValue(repo, 'user.name') : null;
    const selection = selectedText();
    const created = await createDocument(folder.uri.fsPath, kind, title, localToday(), author, { settings: documentFolderSettings(folder), repo, selection });
    services.log.info(`created ${created.path} (${created.format})`);
    await services.documents.include([vscode.Uri.file(created.absolutePath)]);
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(created.absolutePath), { preview: false });
    if (created.snippet) {
      const doc = editor.document;
      await editor.insertSnippet(new vscode.SnippetString(created.snippet), new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)));
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
  const suggested = [KINDS[kind].newFolder, ...(kind === 'decision' ? ['docs/adr', 'doc/adr', 'docs/architecture/decisions'] : KINDS[kind].scanFolders)];
  const items = [...new Set(suggested)].map((p) => ({ label: p })).concat([{ label: 'Other…' }]);
  const picked = await vscode.window.showQuickPick(items, { title: `Where do ${KINDS[kind].plural.toLowerCase()} go in this repository?`, placeHolder: 'Remembered in this workspace folder’s settings' });
  if (!picked) return undefined;
  if (picked.label !== 'Other…') return picked.label;
  return vscode.window.showInputBox({ prompt: 'Folder, relative to the workspace folder', value: KINDS[kind].newFolder, validateInput: (v) => (/^(\/|\.\.)|\.\.\//.test(v.trim()) || !v.trim() ? 'A folder inside the workspace folder' : undefined) });
}

function selectedText(): string | undefined {
  const e = vscode.window.activeTextEditor;
  return e && !e.selection.isEmpty ? e.document.getText(e.selection) : undefined;
}

async function pickFolder(folderArg: string | undefined): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folderArg) return folders.find((f) => f.uri.toString() === folderArg);
  if (folders.length === 0) {
    void vscode.window.showInformationMessage('Open a folder first: design documents are written into its repository.');
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder to create the document in' });
}

async function pickKind(): Promise<EvidenceKind | undefined> {
  const picked = await vscode.window.showQuickPick(
    NEW_DOCUMENT_KINDS.map((k) => ({ label: k.label, detail: k.description, evidenceKind: k.kind })),
    { title: 'New Design Doc', placeHolder: 'What kind of document?' },
  );
  return picked?.evidenceKind;
}

/** The folder's repository for reading git config and refs; null in an untrusted workspace (no git). */
async function trustedRepository(folder: vscode.WorkspaceFolder): Promise<Repository | null> {
  if (!vscode.workspace.isTrusted) return null;
  return openRepository(folder.uri.fsPath).catch(() => null);
}
