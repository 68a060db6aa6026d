import * as vscode from 'vscode';
import { DocumentStore } from './evidenceView/documentStore';
import { EvidenceTreeProvider } from './evidenceView/evidenceTree';
import { registerEvidenceView } from './evidenceView/register';
import { CommitPrompter } from './commitPrompt/commitPrompter';
import { registerCommitPrompts } from './commitPrompt/register';
import { registerSuggestionActions } from './mergedWork/actions';
import { registerScanMergedWork } from './mergedWork/scanCommand';
import { registerSuggestionDocuments } from './mergedWork/suggestionDocument';
import { SuggestionStore } from './mergedWork/suggestionStore';
import { registerNewDesignDoc } from './newDesignDoc/command';
import { registerLifecycleCommands } from './lifecycle/commands';
import { registerDiagnostics } from './diagnostics/register';
import { Services } from './shared/services';

/** What `activate` returns to other extensions and to our integration tests. */
export interface CareerEvidenceApi {
  evidenceTree: EvidenceTreeProvider;
  services: Services;
  commitPrompter: CommitPrompter;
  /** Settles when commit-time prompts have taken their first look at each repository. */
  commitPromptsReady: Promise<void>;
  statusDecorations: vscode.FileDecorationProvider;
  evidenceView: vscode.TreeView<unknown>;
  /** How long `activate` took, in ms (it reads no file and starts no process). */
  activationMs: number;
}

/**
 * Activated by the Evidence view, a command, or once start-up has finished (`onStartupFinished`,
 * for commit-time prompts). Only registers: no document is read until the view asks for its
 * children; the commit watcher starts after activation returns, reading two refs per repository.
 */
export function activate(context: vscode.ExtensionContext): CareerEvidenceApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Career Evidence', { log: true });
  const services: Services = { log, documents: new DocumentStore(log, context.storageUri?.fsPath, String(context.extension.packageJSON.version)), suggestions: new SuggestionStore(log, context.globalStorageUri.fsPath) };
  context.subscriptions.push(log, services.documents, services.suggestions);
  const { provider: evidenceTree, decorations: statusDecorations, view: evidenceView } = registerEvidenceView(context, services);
  registerSuggestionDocuments(context, services.suggestions);
  registerNewDesignDoc(context, services);
  registerLifecycleCommands(context, services);
  registerDiagnostics(context, services);
  registerScanMergedWork(context, services);
  registerSuggestionActions(context, services);
  const prompts = registerCommitPrompts(context, services);
  const activationMs = performance.now() - started;
  log.info(`activated in ${activationMs.toFixed(1)} ms`);
  return { evidenceTree, services, commitPrompter: prompts.prompter, commitPromptsReady: prompts.ready, statusDecorations, evidenceView, activationMs };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
