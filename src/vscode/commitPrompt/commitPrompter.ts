import * as vscode from 'vscode';
import { Suggestion } from '../../core/git/suggestions';
import { decidePrompt } from '../../core/prompt/policy';
import { userIdentities } from '../../node/git/identity';
import { mine } from '../../node/git/mine';
import { Repository, defaultBranch, headCommit } from '../../node/git/repository';
import { EVIDENCE_VIEW_ID } from '../evidenceView/register';
import { acceptSuggestion, dismissSuggestion, snoozeSuggestion } from '../mergedWork/actions';
import { Services } from '../shared/services';
import { settings } from '../settings/settings';

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

export const ACTIONS = { add: 'Add', edit: 'Edit first…', dismiss: 'Not this one', snooze: 'Snooze 1 day', review: 'Review' } as const;

/**
 * Prompts to record work when the user commits or a PR of theirs lands: after each change of a
 * repository's HEAD or branches, reads only the new first-parent history since the last look, keeps
 * the user's undecided, non-bot work, and asks — at most once per interval, never in quiet hours,
 * batching what arrives in between. Nothing is recorded without the user's answer.
 */
export class CommitPrompter implements vscode.Disposable {
  private readonly tips = new Map<string, string[]>();
  private readonly waiting: Waiting[] = [];
  private lastPromptAt: number | null = null;
  private retry: NodeJS.Timeout | undefined;
  private readonly snoozeTimer: NodeJS.Timeout;
  /** Snoozed suggestions already asked about again (once per session). */
  private readonly reasked = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly prompted = new vscode.EventEmitter<PromptEvent>();
  /** Fires each time a prompt is shown. */
  readonly onDidPrompt = this.prompted.event;

  constructor(
    private readonly services: Services,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.snoozeTimer = setInterval(() => void this.askAgainAfterSnooze(), SNOOZE_CHECK_MS);
  }

  /** Queues suggestions whose snooze ran out (no git: they are already mined) and prompts. */
  async askAgainAfterSnooze(): Promise<void> {
    const known = new Set(this.waiting.map((w) => w.suggestion.sha));
    for (const due of await this.services.suggestions.dueSnoozes(this.now().getTime())) {
      if (known.has(due.suggestion.sha) || this.reasked.has(due.suggestion.sha)) continue;
      this.reasked.add(due.suggestion.sha);
      this.waiting.push(due);
    }
    if (this.waiting.length > 0) this.maybePrompt();
  }

  /** Remembers where `repo` is now, so that only later work prompts. */
  async baseline(folderUri: string, repo: Repository): Promise<void> {
    this.tips.set(folderUri, await this.currentTips(repo));
  }

  /** Looks for new work in `repo` (serialised: bursts of events are handled one after another). */
  check(folderUri: string, repo: Repository): Promise<void> {
    const run = this.queue.then(() => this.checkNow(folderUri, repo));
    this.queue = run.catch((err) => this.services.log.error('commit check failed', err));
    return run;
  }

  private async currentTips(repo: Repository): Promise<string[]> {
    const [head, branch] = await Promise.all([headCommit(repo), defaultBranch(repo, settings.defaultBranch())]);
    return [...new Set([branch?.sha, head].filter((s): s is string => !!s))];
  }

  private async checkNow(folderUri: string, repo: Repository): Promise<void> {
    const previousTips = this.tips.get(folderUri);
    const tips = await this.currentTips(repo);
    if (previousTips && tips.length === previousTips.length && tips.every((t) => previousTips.includes(t))) return;
    this.tips.set(folderUri, tips);
    if (!previousTips) return; // first look: a baseline, not new work
    const identities = await userIdentities(repo, settings.identities());
    if (identities.length === 0) return;
    const result = await mine(repo, { filter: { authors: identities }, defaultBranch: settings.defaultBranch(), previous: { tips: previousTips, suggestions: [] } });
    // The Suggestions group learns of the new work too (incrementally, when it was mined before).
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(folderUri));
    if (folder) await this.services.suggestions.update(folder);
    // Work decided before (a PR dismissed under another commit, an entry already journaled) does not prompt.
    const undecided = await this.services.suggestions.undecidedIn(repo, result.suggestions);
    const known = new Set(this.waiting.map((w) => w.suggestion.sha));
    for (const s of undecided) if (!known.has(s.sha)) this.waiting.push({ folderUri, suggestion: s });
    this.services.log.info(`new work in ${repo.root}: ${result.suggestions.length} piece(s) of yours`);
    this.maybePrompt();
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
    const message = `Add to your brag document? ${w.suggestion.title}`;
    const actions = [ACTIONS.add, ACTIONS.edit, ACTIONS.dismiss, ACTIONS.snooze];
    this.prompted.fire({ kind: 'single', message, actions, items: [{ folderUri: w.folderUri, sha: w.suggestion.sha, title: w.suggestion.title }] });
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
    this.prompted.fire({ kind: 'batch', message, actions: [ACTIONS.review], items: list.map((w) => ({ folderUri: w.folderUri, sha: w.suggestion.sha, title: w.suggestion.title })) });
    void vscode.window.showInformationMessage(message, ACTIONS.review).then(async (answer) => {
      if (answer === ACTIONS.review) await vscode.commands.executeCommand(`${EVIDENCE_VIEW_ID}.focus`);
    });
  }

  dispose(): void {
    clearTimeout(this.retry);
    clearInterval(this.snoozeTimer);
    this.prompted.dispose();
  }
}
