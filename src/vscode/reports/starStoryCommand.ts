import * as vscode from 'vscode';
import { localToday } from '../../core/evidence/dates';
import { KINDS } from '../../core/evidence/kinds';
import { cleanTitle, slugify } from '../../core/naming/fileName';
import { renderTemplate } from '../../core/templates/builtin';
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
export function registerStarStoryCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('careerEvidence.newStarStory', async (args: StarStoryArgs = {}): Promise<string | undefined> => {
      const typed =
        args.title ??
        (await vscode.window.showInputBox({
          title: 'New STAR Story',
          prompt: 'What is the story about?',
          placeHolder: 'e.g. Cut deploy time from an hour to 12 minutes',
          validateInput: (v) => (v.trim() ? undefined : 'A short title'),
        }));
      if (typed === undefined) return undefined;
      let title: string;
      try {
        title = cleanTitle(typed);
      } catch (err) {
        void vscode.window.showErrorMessage(`Career Evidence: ${(err as Error).message}`);
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
