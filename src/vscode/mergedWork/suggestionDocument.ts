import * as vscode from 'vscode';
import { formatSuggestionDetails } from '../../core/report/text';
import { MergedWork } from '../services/mergedWork';
import { SHOW_SUGGESTION_COMMAND } from '../shared/commandIds';
const SCHEME = 'career-evidence-suggestion';

/**
 * Shows a suggestion's details as a read-only Markdown document (a virtual document: nothing is
 * written to disk, nothing to save).
 */
export function registerSuggestionDocuments(context: vscode.ExtensionContext, store: MergedWork): void {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const q = new URLSearchParams(uri.query);
      const found = await store.find(q.get('folder') ?? '', q.get('sha') ?? '');
      return found
        ? formatSuggestionDetails(found.suggestion)
        : '# Suggestion not found\n\nScan merged work again (Career Evidence: Scan Merged Work).\n';
    },
  };
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider),
    vscode.commands.registerCommand(SHOW_SUGGESTION_COMMAND, async (folderUri: string, sha: string) => {
      const uri = vscode.Uri.from({
        scheme: SCHEME,
        path: `/${sha.slice(0, 7)}.md`,
        query: new URLSearchParams({ folder: folderUri, sha }).toString(),
      });
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
      return vscode.window.showTextDocument(doc, { preview: true });
    }),
  );
}
