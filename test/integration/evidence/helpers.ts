import * as vscode from 'vscode';
import type { CareerEvidenceApi } from '../../../src/vscode/extension';
import type { EvidenceNode } from '../../../src/vscode/evidenceView/nodes';

export const EXTENSION_ID = 'career-evidence.career-evidence';

/** Activates the extension under test and returns its API. */
export async function api(): Promise<CareerEvidenceApi> {
  const ext = vscode.extensions.getExtension<CareerEvidenceApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
  return ext.activate();
}

/** A node with its rendered tree item, for assertions. */
export interface Rendered {
  node: EvidenceNode;
  item: vscode.TreeItem;
  label: string;
  description: string;
}

export async function children(a: CareerEvidenceApi, node?: EvidenceNode): Promise<Rendered[]> {
  const nodes = (await a.evidenceTree.getChildren(node)) ?? [];
  return nodes.map((n) => {
    const item = a.evidenceTree.getTreeItem(n) as vscode.TreeItem;
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    return { node: n, item, label, description: typeof item.description === 'string' ? item.description : '' };
  });
}

export function workspaceRoot(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('no workspace folder open');
  return f.uri;
}

/** Polls `probe` every 100 ms until it gives a value (not undefined, null or false); rejects after `ms`. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== null && v !== (false as unknown)) return v as T;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
