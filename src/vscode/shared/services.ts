import * as vscode from 'vscode';
import { DocumentStore } from '../evidenceView/documentStore';
import { SuggestionStore } from '../mergedWork/suggestionStore';

/** What features share: built once in `activate`, passed to each feature (no global container). */
export interface Services {
  log: vscode.LogOutputChannel;
  documents: DocumentStore;
  suggestions: SuggestionStore;
}
