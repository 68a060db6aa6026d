import * as path from 'path';
import * as vscode from 'vscode';
import { DayRange } from '../../core/evidence/quarters';
import { Suggestion } from '../../core/git/suggestions';
import { Decision, DecisionStore } from '../../node/decisions';
import { UserError } from '../../node/errors';
import { userIdentities } from '../../node/git/identity';
import { MiningResult, mine } from '../../node/git/mine';
import { openRepository, Repository } from '../../node/git/repository';
import { journaledCommits } from '../../node/journal';
import { settings } from '../settings/settings';

/** Suggestions of one workspace folder, or why there are none. */
export type FolderSuggestions =
  | {
      folder: vscode.WorkspaceFolder;
      state: 'ready';
      repo: Repository;
      identities: string[];
      result: MiningResult;
      /** Undecided suggestions (not accepted, dismissed or snoozed), newest first. */
      pending: Suggestion[];
      decisions: DecisionStore;
    }
  | { folder: vscode.WorkspaceFolder; state: 'unavailable'; reason: string };

/**
 * Brag-entry suggestions mined from each workspace folder's repository: the user's own merged work
 * (their e-mail identities, `.mailmap`, `careerEvidence.identities`), minus what they accepted or
 * dismissed. Mined on first use, again on {@link refresh}, and incrementally on {@link update}
 * (after a commit). In an untrusted workspace no git process is started at all.
 */
export class SuggestionStore implements vscode.Disposable {
  private cache: Promise<FolderSuggestions[]> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private range: DayRange | null = null;
  private lastPending: number | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when suggestions or decisions changed. */
  readonly onDidChange = this.changed.event;

  /** @param stateDir folder for decision files (the extension's global storage). */
  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly stateDir: string,
  ) {}

  /** Undecided suggestions across folders as of the last mining, or undefined before any (for the view badge). */
  get pendingCount(): number | undefined {
    return this.lastPending;
  }

  /** The merge-date range shown (null: all history). */
  get currentRange(): DayRange | null {
    return this.range;
  }

  /** Suggestions of all `file:` workspace folders (mining them if not done yet). */
  all(): Promise<FolderSuggestions[]> {
    this.cache ??= this.serial(() => this.mineAll(undefined)).then((list) => this.counted(list));
    return this.cache;
  }

  /** Mines everything again (optionally for a new range); resolves when done. */
  async refresh(range?: DayRange | null, signal?: AbortSignal): Promise<FolderSuggestions[]> {
    if (range !== undefined) this.range = range;
    const next = this.serial(() => this.mineAll(signal)).then((list) => this.counted(list));
    this.cache = next;
    try {
      return await next;
    } finally {
      this.changed.fire();
    }
  }

  /**
   * Reads only what is new since the last mining of `folder` (a rewritten history is re-mined from
   * its fork point). Resolves with the new undecided suggestions.
   */
  async update(folder: vscode.WorkspaceFolder): Promise<Suggestion[]> {
    if (!this.cache) return []; // never mined: the first look mines everything, new work included
    const all = await this.cache;
    const index = all.findIndex((f) => f.folder.uri.toString() === folder.uri.toString());
    const current = all[index];
    if (!current || current.state !== 'ready') return [];
    const fresh = await this.serial(async () => {
      const started = Date.now();
      const result = await mine(current.repo, { filter: this.filter(current.identities), defaultBranch: settings.defaultBranch(folder), previous: current.result });
      const known = new Set(current.result.suggestions.map((s) => s.sha));
      const pending = await this.undecided(result.suggestions, current.decisions);
      all[index] = { ...current, result, pending };
      this.counted(all);
      this.log.info(`updated ${current.repo.root} incrementally in ${Date.now() - started} ms`);
      return pending.filter((s) => !known.has(s.sha));
    });
    this.changed.fire(); // the mining result changed even when nothing new is pending
    return fresh;
  }

  /** The suggestion with commit `sha` in `folderUri`, if mined. */
  async find(folderUri: string, sha: string): Promise<{ folder: Extract<FolderSuggestions, { state: 'ready' }>; suggestion: Suggestion } | undefined> {
    for (const f of await this.all()) {
      if (f.state !== 'ready' || f.folder.uri.toString() !== folderUri) continue;
      const suggestion = f.result.suggestions.find((s) => s.sha === sha);
      if (suggestion) return { folder: f, suggestion };
    }
    return undefined;
  }

  /** Records the user's decision; the suggestion leaves the pending list (a snoozed one stays listed). */
  async decide(folderUri: string, sha: string, decision: Decision): Promise<void> {
    const found = await this.find(folderUri, sha);
    if (!found) return;
    await found.folder.decisions.record(found.suggestion, decision);
    if (decision.state !== 'snoozed') {
      found.folder.pending = found.folder.pending.filter((s) => s.sha !== sha);
      if (this.cache) this.counted(await this.cache);
    }
    this.changed.fire();
  }

  private filter(identities: string[]) {
    return { authors: identities, since: this.range?.since, until: this.range?.until };
  }

  private counted(list: FolderSuggestions[]): FolderSuggestions[] {
    this.lastPending = list.reduce((n, f) => n + (f.state === 'ready' ? f.pending.length : 0), 0);
    return list;
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Listed suggestions whose one-day snooze has run out by `now` (ms), to be asked about again. */
  async dueSnoozes(now = Date.now()): Promise<{ folderUri: string; suggestion: Suggestion }[]> {
    if (!this.cache) return [];
    const out: { folderUri: string; suggestion: Suggestion }[] = [];
    for (const f of await this.cache) {
      if (f.state !== 'ready') continue;
      for (const s of f.pending) {
        const d = await f.decisions.recordOf(s);
        if (d?.state === 'snoozed' && Date.parse(d.until) <= now) out.push({ folderUri: f.folder.uri.toString(), suggestion: s });
      }
    }
    return out;
  }

  /** The suggestions of `list` (mined in `repo`) to prompt for: not accepted, dismissed, journaled or snoozed now. */
  undecidedIn(repo: Repository, list: Suggestion[]): Promise<Suggestion[]> {
    return this.undecided(list, new DecisionStore(this.stateDir, repo.root), Date.now());
  }

  /**
   * Drops suggestions already journaled (accepted here or with the CLI) or decided. `now` in ms:
   * a snooze counts until then; by default (Infinity) snoozed suggestions stay listed.
   */
  private async undecided(list: Suggestion[], decisions: DecisionStore, now = Number.POSITIVE_INFINITY): Promise<Suggestion[]> {
    await decisions.reload();
    const journaled = await journaledCommits(settings.journalDir());
    const out: Suggestion[] = [];
    for (const s of list) {
      if (s.commits.some((c) => journaled.has(c))) continue;
      if (await decisions.decisionOf(s, now)) continue;
      out.push(s);
    }
    return out;
  }

  private async mineAll(signal: AbortSignal | undefined): Promise<FolderSuggestions[]> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    return Promise.all(folders.map((f) => this.mineFolder(f, signal)));
  }

  private async mineFolder(folder: vscode.WorkspaceFolder, signal: AbortSignal | undefined): Promise<FolderSuggestions> {
    if (!vscode.workspace.isTrusted) {
      return { folder, state: 'unavailable', reason: 'Git is not run in Restricted Mode. Trust this workspace to see your merged work.' };
    }
    const started = Date.now();
    try {
      const repo = await openRepository(folder.uri.fsPath);
      const identities = await userIdentities(repo, settings.identities(folder));
      if (identities.length === 0) return { folder, state: 'unavailable', reason: 'Set git config user.email (or careerEvidence.identities) to find your merged work.' };
      const result = await mine(repo, { filter: this.filter(identities), defaultBranch: settings.defaultBranch(folder), signal });
      for (const p of result.problems) this.log.warn(`${p.path}: ${p.message}`);
      const decisions = new DecisionStore(this.stateDir, repo.root);
      const pending = await this.undecided(result.suggestions, decisions);
      this.log.info(
        `mined ${result.suggestions.length} suggestion(s) (${pending.length} undecided) for ${identities.join(', ')} in ${repo.root}` +
          `${result.shallow ? ' (shallow clone)' : ''} in ${Date.now() - started} ms`,
      );
      return { folder, state: 'ready', repo, identities, result, pending, decisions };
    } catch (err) {
      if ((err as Error).name === 'AbortError') return { folder, state: 'unavailable', reason: 'Scan cancelled. Run Scan Merged Work again.' };
      const reason = err instanceof UserError ? err.message : `Could not read merged work: ${(err as Error).message}`;
      if (!(err instanceof UserError)) this.log.error(`mining ${folder.uri.fsPath} failed`, err);
      return { folder, state: 'unavailable', reason };
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Folder name of a repository, for brag-entry receipts. */
export function repoName(repo: Repository): string {
  return path.basename(repo.root);
}
