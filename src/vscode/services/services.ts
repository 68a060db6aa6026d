import * as vscode from 'vscode';
import { DocumentFolders } from './documentFolders';
import { EvidenceIndex } from './evidenceIndex';
import { MergedWork } from './mergedWork';
import { PullRequests } from './pullRequests';
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
  /** Pull requests' descriptions and review times from GitHub, only with the user's yes. */
  readonly pullRequests: PullRequests;
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
  const pullRequests = new PullRequests(log, context.globalState, context.secrets, context.globalStorageUri.fsPath);
  const mergedWork = new MergedWork(log, git, pullRequests, context.globalStorageUri.fsPath);
  const reports = new Reports(
    log,
    git,
    index,
    mergedWork,
    pullRequests,
    context.globalStorageUri.fsPath,
    String(context.extension.packageJSON.version),
  );
  context.subscriptions.push(reports, mergedWork, pullRequests, index, documentFolders, git);
  return { log, git, documentFolders, index, pullRequests, mergedWork, reports };
}
