import * as vscode from 'vscode';
import { IndexedFolder } from '../../core/index/snapshot';
import { documentUri } from '../services/evidenceIndex';

/**
 * The file a document command is about, from what VS Code hands it: a file URI (explorer, editor
 * title), or a row of the Evidence view (a document or a link: it names its folder and path).
 * Undefined for anything else (a group row, nothing).
 */
export function documentArgumentUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const resource = (arg as { resource?: { folder?: IndexedFolder; path?: unknown } } | undefined)?.resource;
  if (resource && typeof resource.folder?.root === 'string' && typeof resource.path === 'string')
    return documentUri(resource.folder.root, resource.path);
  return undefined;
}
