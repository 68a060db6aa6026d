import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { FileEdit, TextSource } from '../../node/lifecycle';

/** Reads a document from its editor buffer when open (unsaved changes included), else from disk. */
export const readFromBuffers: TextSource = async (absolutePath) => {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === absolutePath);
  return open ? open.getText() : fs.readFile(absolutePath, 'utf8');
};

/** The smallest replacement turning `before` into `after`: common prefix and suffix are left alone. */
function minimalReplace(doc: vscode.TextDocument, before: string, after: string): { range: vscode.Range; text: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end])
    end++;
  return {
    range: new vscode.Range(doc.positionAt(start), doc.positionAt(before.length - end)),
    text: after.slice(start, after.length - end),
  };
}

/**
 * Applies planned edits as one WorkspaceEdit, so they are undoable and go through editor buffers.
 * Files that were not dirty are saved afterwards; a file with unsaved changes gets the edit in its
 * buffer and stays unsaved (nothing is written under the user's feet).
 * @throws Error when a document changed since the edit was planned, or VS Code refused the edit.
 */
export async function applyFileEdits(edits: readonly FileEdit[], label: string): Promise<void> {
  const we = new vscode.WorkspaceEdit();
  const docs: { doc: vscode.TextDocument; wasDirty: boolean }[] = [];
  for (const e of edits) {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(e.absolutePath));
    if (doc.getText() !== e.before) throw new Error(`${e.path} changed while the edit was prepared; try again`);
    const { range, text } = minimalReplace(doc, e.before, e.after);
    we.replace(doc.uri, range, text, { label, needsConfirmation: false });
    docs.push({ doc, wasDirty: doc.isDirty });
  }
  if (!(await vscode.workspace.applyEdit(we))) throw new Error('VS Code did not apply the edit');
  for (const { doc, wasDirty } of docs) if (!wasDirty) await doc.save();
}
