import * as vscode from 'vscode';
import { localToday } from '../../core/evidence/dates';
import { KINDS } from '../../core/evidence/kinds';
import { cleanTitle, slugify } from '../../core/naming/fileName';
import { renderTemplate } from '../../core/templates/builtin';
import { STORY_DOCUMENT_KINDS, StoryDocumentKind, StorySource, storyFrom } from '../../core/journal/storyFrom';
import { Suggestion } from '../../core/git/suggestions';
import { Services } from '../services/services';
import { locateFile } from '../services/evidenceIndex';
import { documentArgumentUri } from '../shared/documentArgument';
import { writeJournalEntry } from '../../node/journal';
import { settings } from '../settings/settings';

/** Arguments for automation and tests: the story's title (skips the question), and whether to open it. */
export interface StarStoryArgs {
  title?: string;
  open?: boolean;
}

/**
 * "Career Evidence: New STAR Story…": asks for a title and writes a story into the journal
 * (`stories/YYYY-MM-DD-slug.md`, never over another file) with its four parts to fill: Situation,
 * Task, Action, Result. The benchmark counts it as ready once each part has text and the Result a
 * number. Resolves with the file's path, or undefined when cancelled.
 */
export function registerStarStoryCommand(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('careerEvidence.newStarStoryFrom', async (arg?: unknown, options: { open?: boolean } = {}) => {
      const source = await storySource(services, arg ?? vscode.window.activeTextEditor?.document.uri);
      if (!source) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t(
            'Career Evidence: start a STAR story from a brag entry, a postmortem, a decision record or a suggestion (their context menu in the Evidence view).',
          ),
        );
        return undefined;
      }
      const entry = storyFrom(source, localToday());
      const file = await writeJournalEntry(settings.journalDir(), entry);
      if (options.open !== false) await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
      return file;
    }),
    vscode.commands.registerCommand('careerEvidence.newStarStory', async (args: StarStoryArgs = {}): Promise<string | undefined> => {
      const typed =
        args.title ??
        (await vscode.window.showInputBox({
          title: vscode.l10n.t('New STAR Story'),
          prompt: vscode.l10n.t('What is the story about?'),
          placeHolder: vscode.l10n.t('e.g. Cut deploy time from an hour to 12 minutes'),
          validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A short title')),
        }));
      if (typed === undefined) return undefined;
      let title: string;
      try {
        title = cleanTitle(typed);
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Career Evidence: {0}', (err as Error).message));
        return undefined;
      }
      const date = localToday();
      const text = renderTemplate('star', 'career-evidence', { title, number: null, date, author: null });
      const file = await writeJournalEntry(settings.journalDir(), { path: `${KINDS.star.newFolder}/${date}-${slugify(title)}.md`, text });
      if (args.open !== false) await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
      return file;
    }),
  );
}

/**
 * What a STAR story starts from, from what VS Code hands the command: a suggestion row of the
 * Evidence view (it carries its suggestion), or a document — a row, or a file URI the index knows —
 * of a kind a story can start from. Undefined for anything else.
 */
async function storySource(services: Services, arg: unknown): Promise<StorySource | undefined> {
  const row = arg as { suggestion?: Suggestion; folderUri?: string } | undefined;
  if (row?.suggestion && typeof row.suggestion.sha === 'string') {
    const folder = row.folderUri ? vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(row.folderUri)) : undefined;
    return { kind: 'suggestion', suggestion: row.suggestion, repo: folder?.name ?? '' };
  }
  const uri = documentArgumentUri(arg);
  if (!uri || uri.scheme !== 'file') return undefined;
  const located = locateFile(await services.index.snapshot(), uri.fsPath);
  const doc = located?.folder.documents.find((d) => d.item.path === located.rel);
  if (!located || !doc || !(STORY_DOCUMENT_KINDS as readonly string[]).includes(doc.item.kind)) return undefined;
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  return {
    kind: doc.item.kind as StoryDocumentKind,
    title: doc.item.title,
    text,
    path: doc.item.path,
    repo: located.folder.folder.index >= 0 ? located.folder.folder.name : 'journal',
  };
}
