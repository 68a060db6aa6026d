import * as vscode from 'vscode';
import { DocumentFolders } from './documentFolders';
import { EvidenceIndex } from './evidenceIndex';
import { MergedWork } from './mergedWork';
import { Reports } from './reports';
import { WorkspaceGit } from './workspaceGit';

/** What features share: built once in `activate`, passed to each feature through its constructor or register function (no global container). */
export interface Services {
  readonly log: vscode.LogOutputChannel;
  /** Trust, repositories, identities, HEAD watchers: the one owner of git. */
  readonly git: WorkspaceGit;
  /** Where each kind of document goes (settings, and New Design Doc's answers kept in workspace storage). */
  readonly documentFolders: DocumentFolders;
  /** The evidence documents: snapshots and change lists. */
  readonly index: EvidenceIndex;
  /** The user's merged work: the Suggestions list and new work after each commit. */
  readonly mergedWork: MergedWork;
  /** The quarterly benchmark the Evidence view shows. */
  readonly reports: Reports;
}

/** Builds the services, each disposed with the extension. */
export function createServices(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Services {
  const git = new WorkspaceGit(log);
  const documentFolders = new DocumentFolders(context.workspaceState);
  const index = new EvidenceIndex(log, git, documentFolders, context.storageUri?.fsPath, String(context.extension.packageJSON.version));
  const mergedWork = new MergedWork(log, git, context.globalStorageUri.fsPath);
  const reports = new Reports(log, git, index, mergedWork, context.globalStorageUri.fsPath, String(context.extension.packageJSON.version));
  context.subscriptions.push(reports, mergedWork, index, documentFolders, git);
  return { log, git, documentFolders, index, mergedWork, reports };
}
