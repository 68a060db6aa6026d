import * as vscode from 'vscode';
import { DocumentStore } from './evidenceView/documentStore';
import { EvidenceTreeProvider } from './evidenceView/evidenceTree';
import { registerEvidenceView } from './evidenceView/register';
import { registerScanMergedWork } from './mergedWork/scanCommand';
import { registerSuggestionDocuments } from './mergedWork/suggestionDocument';
import { SuggestionStore } from './mergedWork/suggestionStore';
import { registerNewDesignDoc } from './newDesignDoc/command';
import { Services } from './shared/services';

/** What `activate` returns to other extensions and to our integration tests. */
export interface CareerEvidenceApi {
  evidenceTree: EvidenceTreeProvider;
  services: Services;
}

/**
 * Activated implicitly by the Evidence view or a command. Only registers: no file is read and no
 * git process started until the view asks for its children or a command runs.
 */
export function activate(context: vscode.ExtensionContext): CareerEvidenceApi {
  const log = vscode.window.createOutputChannel('Career Evidence', { log: true });
  const services: Services = { log, documents: new DocumentStore(log), suggestions: new SuggestionStore(log) };
  context.subscriptions.push(log, services.documents, services.suggestions);
  const evidenceTree = registerEvidenceView(context, services);
  registerSuggestionDocuments(context, services.suggestions);
  registerNewDesignDoc(context, services);
  registerScanMergedWork(context, services);
  return { evidenceTree, services };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
