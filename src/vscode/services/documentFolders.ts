import * as vscode from 'vscode';
import { isEvidenceKind } from '../../core/evidence/kinds';
import { EvidenceKind } from '../../core/evidence/model';
import { documentFolderSettings } from '../settings/settings';

const MEMENTO_KEY = 'careerEvidence.documentFolders';

/** Folders chosen per kind, by workspace folder URI. */
type Remembered = Record<string, Partial<Record<EvidenceKind, string>>>;

/**
 * Where each kind of document goes in each workspace folder: the repository's own settings
 * (`careerEvidence.documentFolders`, ADR Manager's `adrManager.adrDirectory`) and the answers New
 * Design Doc was given, which are kept in this workspace's storage — nothing is written into the
 * repository unless the user shares the choice with the team ({@link share}: then into the
 * folder's `.vscode/settings.json`). The one owner of those answers.
 */
export class DocumentFolders implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when an answer was remembered (the index reads the folders again). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly workspaceState: vscode.Memento) {}

  /** Folder (relative to the workspace folder, `/`-separated) per kind: remembered answers over the settings. */
  for(folder: vscode.WorkspaceFolder): Partial<Record<EvidenceKind, string>> {
    return { ...documentFolderSettings(folder), ...this.remembered(folder) };
  }

  /** Remembers `relPath` for `kind` in this workspace's storage (not in the repository). */
  async remember(folder: vscode.WorkspaceFolder, kind: EvidenceKind, relPath: string): Promise<void> {
    const all = this.all();
    all[folder.uri.toString()] = { ...all[folder.uri.toString()], [kind]: relPath };
    await this.workspaceState.update(MEMENTO_KEY, all);
    this.changed.fire();
  }

  /** Writes the folder for `kind` into the workspace folder's settings (`.vscode/settings.json`), for the team. */
  async share(folder: vscode.WorkspaceFolder, kind: EvidenceKind, relPath: string): Promise<void> {
    const config = vscode.workspace.getConfiguration('careerEvidence', folder);
    const current = config.inspect<Record<string, string>>('documentFolders')?.workspaceFolderValue ?? {};
    await config.update('documentFolders', { ...current, [kind]: relPath }, vscode.ConfigurationTarget.WorkspaceFolder);
  }

  private all(): Remembered {
    const value = this.workspaceState.get<unknown>(MEMENTO_KEY);
    return value && typeof value === 'object' ? { ...(value as Remembered) } : {};
  }

  private remembered(folder: vscode.WorkspaceFolder): Partial<Record<EvidenceKind, string>> {
    const out: Partial<Record<EvidenceKind, string>> = {};
    for (const [k, v] of Object.entries(this.all()[folder.uri.toString()] ?? {}))
      if (isEvidenceKind(k) && typeof v === 'string' && v.trim()) out[k] = v.trim();
    return out;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
