import * as vscode from 'vscode';
import { Suggestion } from '../../core/git/suggestions';
import { maintenanceKind } from '../../core/report/maintenance';
import { decidePrompt } from '../../core/prompt/policy';
import { NewWork } from '../services/mergedWork';
import { Services } from '../services/services';
import { settings } from '../settings/settings';
import { EVIDENCE_VIEW_ID } from '../shared/commandIds';
import { acceptSuggestion, dismissSuggestion, snoozeSuggestion } from '../shared/suggestionActions';

/** A prompt as shown, for listeners (tests, logs). */
export interface PromptEvent {
  kind: 'single' | 'batch';
  message: string;
  actions: string[];
  items: { folderUri: string; sha: string; title: string }[];
}

interface Waiting {
  folderUri: string;
  suggestion: Suggestion;
}

/** How often snoozes are checked for having run out (ms). */
const SNOOZE_CHECK_MS = 15 * 60_000;

export const ACTIONS = {
  add: vscode.l10n.t('Add'),
  edit: vscode.l10n.t('Edit first…'),
  dismiss: vscode.l10n.t('Not this one'),
  snooze: vscode.l10n.t('Snooze 1 day'),
  review: vscode.l10n.t('Review'),
} as const;

/**
 * Prompts to record work when the user commits or a PR of theirs lands: takes the new merged work
 * that {@link MergedWork} finds after each move of a watched repository's HEAD (one incremental
 * mine, shared with the Suggestions list), keeps what the user has not decided yet, and asks — at
 * most once per interval, never in quiet hours, batching what arrives in between. Nothing is
 * recorded without the user's answer.
 */
export class CommitPrompter implements vscode.Disposable {
  private readonly waiting: Waiting[] = [];
  private lastPromptAt: number | null = null;
  private retry: NodeJS.Timeout | undefined;
  private readonly snoozeTimer: NodeJS.Timeout;
  /** Snoozed suggestions already asked about again (once per session). */
  private readonly reasked = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly subscription: vscode.Disposable;
  private readonly prompted = new vscode.EventEmitter<PromptEvent>();
  /** Fires each time a prompt is shown. */
  readonly onDidPrompt = this.prompted.event;

  constructor(
    private readonly services: Services,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.snoozeTimer = setInterval(() => void this.askAgainAfterSnooze(), SNOOZE_CHECK_MS);
    this.subscription = services.mergedWork.onDidFindNewWork((work) => void this.take(work));
  }

  /** Queues suggestions whose snooze ran out (no git: they are already mined) and prompts. */
  async askAgainAfterSnooze(): Promise<void> {
    const known = new Set(this.waiting.map((w) => w.suggestion.sha));
    for (const due of await this.services.mergedWork.dueSnoozes(this.now().getTime())) {
      if (known.has(due.suggestion.sha) || this.reasked.has(due.suggestion.sha)) continue;
      this.reasked.add(due.suggestion.sha);
      this.waiting.push(due);
    }
    if (this.waiting.length > 0) this.maybePrompt();
  }

  /** Queues the undecided part of new work and prompts (one batch after another). */
  take(work: NewWork): Promise<void> {
    const run = this.queue.then(async () => {
      // Work decided before (a PR dismissed under another commit, an entry already journaled) does not prompt.
      const undecided = await this.services.mergedWork.undecidedIn(work.repo, work.suggestions);
      const folderUri = work.folder.uri.toString();
      const known = new Set(this.waiting.map((w) => w.suggestion.sha));
      // Upkeep (a sync merge, a release, a version bump) is nothing to brag about: never a prompt.
      for (const s of undecided) if (!known.has(s.sha) && maintenanceKind(s) === null) this.waiting.push({ folderUri, suggestion: s });
      this.maybePrompt();
    });
    this.queue = run.catch((err) => this.services.log.error('commit check failed', err));
    return run;
  }

  /** Prompts now if the settings allow it, else schedules a retry. */
  maybePrompt(): void {
    clearTimeout(this.retry);
    const now = this.now();
    const decision = decidePrompt(
      this.waiting.map((w) => w.suggestion),
      settings.prompt(),
      now,
      this.lastPromptAt,
    );
    if (decision.action === 'none') {
      if (settings.prompt().mode === 'off') this.waiting.length = 0;
      return;
    }
    if (decision.action === 'wait') {
      this.retry = setTimeout(() => this.maybePrompt(), Math.max(1000, decision.retryAt - now.getTime()));
      return;
    }
    const items = decision.action === 'single' ? [decision.item] : decision.items;
    const shown = this.waiting.filter((w) => items.includes(w.suggestion));
    this.waiting.length = 0;
    this.lastPromptAt = now.getTime();
    if (decision.action === 'single') this.promptOne(shown[0]);
    else this.promptMany(shown);
  }

  private promptOne(w: Waiting): void {
    const message = vscode.l10n.t('Add to your brag document? {0}', w.suggestion.title);
    const actions = [ACTIONS.add, ACTIONS.edit, ACTIONS.dismiss, ACTIONS.snooze];
    this.prompted.fire({
      kind: 'single',
      message,
      actions,
      items: [{ folderUri: w.folderUri, sha: w.suggestion.sha, title: w.suggestion.title }],
    });
    void vscode.window.showInformationMessage(message, ...actions).then(async (answer) => {
      const ref = { folderUri: w.folderUri, sha: w.suggestion.sha };
      if (answer === ACTIONS.add) await acceptSuggestion(this.services, ref, false);
      else if (answer === ACTIONS.edit) await acceptSuggestion(this.services, ref, true);
      else if (answer === ACTIONS.dismiss) await dismissSuggestion(this.services, ref);
      else if (answer === ACTIONS.snooze) await snoozeSuggestion(this.services, ref);
    });
  }

  private promptMany(list: Waiting[]): void {
    const message = `${list.length} pieces of work to record in your brag document`;
    this.prompted.fire({
      kind: 'batch',
      message,
      actions: [ACTIONS.review],
      items: list.map((w) => ({ folderUri: w.folderUri, sha: w.suggestion.sha, title: w.suggestion.title })),
    });
    void vscode.window.showInformationMessage(message, ACTIONS.review).then(async (answer) => {
      if (answer === ACTIONS.review) await vscode.commands.executeCommand(`${EVIDENCE_VIEW_ID}.focus`);
    });
  }

  dispose(): void {
    this.subscription.dispose();
    clearTimeout(this.retry);
    clearInterval(this.snoozeTimer);
    this.prompted.dispose();
  }
}
