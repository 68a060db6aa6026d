import * as vscode from 'vscode';
import { KINDS } from '../../core/evidence/kinds';
import { EvidenceKind } from '../../core/evidence/model';
import { cleanTitle } from '../../core/naming/fileName';
import { NEW_DOCUMENT_KINDS } from '../../core/templates/builtin';
import { Services } from '../services/services';
import { createInFolder } from '../shared/createInFolder';

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
      title: vscode.l10n.t('New {0}', KINDS[kind].label),
      prompt: vscode.l10n.t('Title of the document'),
      placeHolder:
        kind === 'decision' ? vscode.l10n.t('e.g. Use PostgreSQL for the billing service') : vscode.l10n.t('A short, specific title'),
      validateInput: (v) => {
        try {
          cleanTitle(v);
          return undefined;
        } catch (err) {
          return vscode.l10n.t('The {0}.', (err as Error).message);
        }
      },
    }));
  if (title === undefined) return undefined;
  const created = await createInFolder(services, folder, kind, title, args.documentFolder);
  return created ? vscode.Uri.file(created.absolutePath) : undefined;
}

async function pickFolder(folderArg: string | undefined): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folderArg) return folders.find((f) => f.uri.toString() === folderArg);
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: design documents are written into its repository.'));
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Folder to create the document in') });
}

async function pickKind(): Promise<EvidenceKind | undefined> {
  const picked = await vscode.window.showQuickPick(
    NEW_DOCUMENT_KINDS.map((k) => ({ label: k.label, detail: k.description, evidenceKind: k.kind })),
    { title: vscode.l10n.t('New Design Doc'), placeHolder: vscode.l10n.t('What kind of document?') },
  );
  return picked?.evidenceKind;
}
