import * as vscode from 'vscode';
import { EvidenceKind } from '../../core/evidence/model';
import { cleanTitle } from '../../core/naming/fileName';
import { NEW_DOCUMENT_KINDS } from '../../core/templates/builtin';
import { createDocument, localToday } from '../../node/createDocument';
import { UserError } from '../../node/errors';
import { configValue, openRepository } from '../../node/git/repository';
import { Services } from '../shared/services';

/** Optional arguments, so keybindings and tests can skip the prompts. */
export interface NewDesignDocArgs {
  kind?: EvidenceKind;
  title?: string;
  /** Workspace folder URI (string); defaults to the only folder, else the user picks. */
  folder?: string;
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
  const label = NEW_DOCUMENT_KINDS.find((k) => k.kind === kind)?.label ?? kind;
  const title =
    args.title ??
    (await vscode.window.showInputBox({
      title: `New ${label}`,
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
  try {
    const author = await authorName(folder);
    const created = await createDocument(folder.uri.fsPath, kind, title, localToday(), author);
    services.log.info(`created ${created.path} (${created.format})`);
    services.documents.invalidate();
    const uri = vscode.Uri.file(created.absolutePath);
    await vscode.window.showTextDocument(uri, { preview: false });
    return uri;
  } catch (err) {
    const message = err instanceof UserError ? err.message : `unexpected failure: ${(err as Error).message}`;
    if (!(err instanceof UserError)) services.log.error('New Design Doc failed', err);
    void vscode.window.showErrorMessage(`Career Evidence: could not create the document: ${message}`);
    return undefined;
  }
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

/** `git config user.name` for the template's author fields; git is not run in an untrusted workspace. */
async function authorName(folder: vscode.WorkspaceFolder): Promise<string | null> {
  if (!vscode.workspace.isTrusted) return null;
  try {
    return await configValue(await openRepository(folder.uri.fsPath), 'user.name');
  } catch {
    return null;
  }
}
