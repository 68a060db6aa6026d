import * as path from 'path';
import * as vscode from 'vscode';
import { DayRange } from '../../core/evidence/quarters';
import { Suggestion } from '../../core/git/suggestions';
import { maintenanceKind } from '../../core/report/maintenance';
import { Decision, DecisionStore } from '../../node/decisions';
import { UserError } from '../../node/errors';
import { MiningResult, firstParentTips, mine } from '../../node/git/mine';
import { mineInWorker } from '../../node/git/mineInWorker';
import { Repository, configValue } from '../../node/git/repository';
import { authorCounts } from '../../node/git/authors';
import { AuthorCount, addressesLikeYou } from '../../core/git/lookalikes';
import { journaledCommits } from '../../node/journal';
import { settings } from '../settings/settings';
import { UnavailableCause } from '../shared/unavailableCause';
import { PullRequestState, PullRequests } from './pullRequests';
import { WorkspaceGit } from './workspaceGit';

/** Suggestions of one workspace folder, or why there are none. Never changed once published: a new one replaces it. */
export type FolderSuggestions =
  | {
      readonly folder: vscode.WorkspaceFolder;
      readonly state: 'ready';
      readonly repo: Repository;
      readonly identities: readonly string[];
      /** Authors with one of the user's names but another address (not counted as theirs), most commits first. */
      readonly lookalikes: readonly AuthorCount[];
      /** Whether pull requests' details were fetched, are to be asked for, or need a sign-in. */
      readonly pullRequests: PullRequestState;
      readonly result: MiningResult;
      /** Undecided suggestions (not accepted, dismissed or snoozed), newest first. */
      readonly pending: readonly Suggestion[];
      readonly decisions: DecisionStore;
    }
  | {
      readonly folder: vscode.WorkspaceFolder;
      readonly state: 'unavailable';
      readonly reason: string;
      /** What would help: trusting the workspace, saying who the user is, or (`other`) the reason's own words. */
      readonly cause: UnavailableCause;
    };

/** The user's merged work that is new since the last look at a repository (after HEAD moved). */
export interface NewWork {
  readonly folder: vscode.WorkspaceFolder;
  readonly repo: Repository;
  /** Newest first; decided ones included (see {@link MergedWork.undecidedIn}). */
  readonly suggestions: readonly Suggestion[];
}

/**
 * The user's merged work in each workspace folder's repository — the one owner of mining: the
 * Suggestions list (their identities, `.mailmap`, `careerEvidence.identities`, minus what they
 * accepted or dismissed), mined on first use and again on {@link refresh}; and after each move of a
 * watched repository's HEAD, one incremental mine of what is new, which updates the list and is
 * announced to the commit prompter ({@link onDidFindNewWork}). Mining runs one at a time. In
 * Restricted Mode no git process is started at all.
 */
export class MergedWork implements vscode.Disposable {
  /** The list as last asked for (a mine may still be under way). */
  private cache: Promise<readonly FolderSuggestions[]> | undefined;
  /** The list as last mined, and whether it is what {@link cache} gives (no newer mine asked for). */
  private published: readonly FolderSuggestions[] | undefined;
  private mines = 0;
  private publishedMine = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private range: DayRange | null = null;
  private running = 0;
  private lastPending: number | undefined;
  /** The first-parent tips of each watched repository as of the last look, by folder URI. */
  private readonly tips = new Map<string, string[]>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when suggestions or decisions changed. */
  readonly onDidChange = this.changed.event;
  private readonly foundNew = new vscode.EventEmitter<NewWork>();
  /** Fires after HEAD moved in a watched repository and the user's merged work grew. */
  readonly onDidFindNewWork = this.foundNew.event;
  private readonly subscription: vscode.Disposable;

  /** The next full mine follows the user's own yes to fetching pull requests: a sign-in may be asked for. */
  private interactiveNext = false;

  /** @param stateDir folder for decision files (the extension's global storage). */
  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly git: WorkspaceGit,
    private readonly pullRequests: PullRequests,
    private readonly stateDir: string,
  ) {
    this.subscription = git.onDidMoveHead((folder) => void this.headMoved(folder));
  }

  /** Undecided suggestions across folders as of the last mining, upkeep left out, or undefined before any (for the view badge). */
  get pendingCount(): number | undefined {
    return this.lastPending;
  }

  /**
   * The merge-date range the Suggestions list shows (null: all history). A view on the list, not a
   * filter of mining: all history is mined, so "Show all" needs no second mine.
   */
  get currentRange(): DayRange | null {
    return this.range;
  }

  /** Shows another merge-date range of the same list (null: all history); fires {@link onDidChange}. */
  showRange(range: DayRange | null): void {
    this.range = range;
    this.changed.fire();
  }

  /** The list as last published, without waiting; undefined while the first mine runs (or before it was asked for). */
  get current(): readonly FolderSuggestions[] | undefined {
    return this.published;
  }

  /** True while a mine of every folder runs (the first one, or a rescan). */
  get mining(): boolean {
    return this.running > 0;
  }

  /** Suggestions of all `file:` workspace folders (mining them if not done yet). */
  all(): Promise<readonly FolderSuggestions[]> {
    this.cache ??= this.mineAllQueued(undefined);
    return this.cache;
  }

  /**
   * Mines everything again (and shows `range` of it, when given); resolves when done.
   * `interactive`: the user just asked for pull requests' details (a sign-in may be asked for).
   */
  refresh(range?: DayRange | null, signal?: AbortSignal, interactive = false): Promise<readonly FolderSuggestions[]> {
    if (interactive) this.interactiveNext = true;
    if (range !== undefined) this.range = range;
    const next = this.mineAllQueued(signal);
    this.cache = next;
    return next;
  }

  /**
   * Remembers where `folder`'s repository is now and watches it: from then on, work that lands
   * there is mined once and announced ({@link onDidFindNewWork}). Resolves when the first look is done.
   */
  async watch(folder: vscode.WorkspaceFolder): Promise<void> {
    const repo = await this.git.repository(folder);
    if (!repo) return;
    await this.serial(async () => {
      if (!this.tips.has(folder.uri.toString()))
        this.tips.set(folder.uri.toString(), await firstParentTips(repo, this.git.defaultBranch(folder)));
    });
    await this.git.watchHead(folder);
    this.log.info(`watching ${repo.root} for new work`);
  }

  /** The suggestion with commit `sha` in `folderUri`, if mined. */
  async find(
    folderUri: string,
    sha: string,
  ): Promise<{ folder: Extract<FolderSuggestions, { state: 'ready' }>; suggestion: Suggestion } | undefined> {
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
    if (decision.state !== 'snoozed')
      await this.serial(async () => this.replace(folderUri, (f) => ({ ...f, pending: f.pending.filter((s) => s.sha !== sha) })));
    this.changed.fire();
  }

  /**
   * Takes back a dismissal (Undo, or Restore Dismissed Suggestions): the decision is forgotten and
   * the suggestion is listed again. Resolves with false when it was not dismissed.
   */
  async undoDismiss(folderUri: string, sha: string): Promise<boolean> {
    const found = await this.find(folderUri, sha);
    if (!found || (await found.folder.decisions.recordOf(found.suggestion))?.state !== 'dismissed') return false;
    await found.folder.decisions.forget(found.suggestion);
    await this.serial(async () =>
      this.replace(folderUri, (f) => ({
        ...f,
        pending: [...f.pending.filter((s) => s.sha !== sha), found.suggestion].sort((a, b) => b.mergedAt.localeCompare(a.mergedAt)),
      })),
    );
    this.changed.fire();
    return true;
  }

  /** The dismissed suggestions of the list as mined, newest first. */
  async dismissed(): Promise<{ folderUri: string; suggestion: Suggestion }[]> {
    const out: { folderUri: string; suggestion: Suggestion }[] = [];
    for (const f of await this.all()) {
      if (f.state !== 'ready') continue;
      await f.decisions.reload();
      for (const s of f.result.suggestions)
        if ((await f.decisions.recordOf(s))?.state === 'dismissed') out.push({ folderUri: f.folder.uri.toString(), suggestion: s });
    }
    return out;
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
  undecidedIn(repo: Repository, list: readonly Suggestion[]): Promise<Suggestion[]> {
    return this.undecided(list, new DecisionStore(this.stateDir, repo.root), Date.now());
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Mines every folder after what is queued; the result is published (and {@link onDidChange}
   * fired) when it is the newest asked for — the first, automatic mine as much as a rescan.
   */
  private mineAllQueued(signal: AbortSignal | undefined): Promise<readonly FolderSuggestions[]> {
    const id = ++this.mines;
    this.running++;
    this.changed.fire(); // "Reading merged work…"
    return this.serial(async () => {
      try {
        const list = await this.mineAll(signal);
        if (id === this.mines) this.publish(list, id);
        return list;
      } finally {
        this.running--;
        this.changed.fire();
      }
    });
  }

  private publish(list: readonly FolderSuggestions[], mine: number): void {
    this.published = Object.freeze(list.slice());
    this.publishedMine = mine;
    // Upkeep (sync merges, releases, version bumps) waits in the view's Maintenance group: not counted as work to record.
    this.lastPending = list.reduce(
      (n, f) => n + (f.state === 'ready' ? f.pending.filter((x) => maintenanceKind(x) === null).length : 0),
      0,
    );
  }

  /**
   * Replaces a ready folder's entry in the published list (never changing the entry itself). Runs
   * inside a queued task; when a newer mine was asked for meanwhile, that one will publish instead.
   */
  private replace(folderUri: string, next: (f: Extract<FolderSuggestions, { state: 'ready' }>) => FolderSuggestions): void {
    if (!this.published || this.publishedMine !== this.mines) return;
    const updated = this.published.map((f) => (f.state === 'ready' && f.folder.uri.toString() === folderUri ? next(f) : f));
    this.publish(updated, this.mines);
    this.cache = Promise.resolve(this.published!);
  }

  /**
   * After HEAD moved in `folder`'s repository: when the first-parent tips changed, one mine of what
   * is new — incremental on the Suggestions list's result when it was mined, else of the
   * new commits alone — announced as new work.
   */
  private headMoved(folder: vscode.WorkspaceFolder): Promise<void> {
    return this.serial(async () => {
      const key = folder.uri.toString();
      const previousTips = this.tips.get(key);
      if (!previousTips) return; // neither mined nor watched for prompts: nothing here follows this repository
      const repo = await this.git.repository(folder);
      if (!repo) return;
      const tips = await firstParentTips(repo, this.git.defaultBranch(folder));
      if (tips.length === previousTips.length && tips.every((t) => previousTips.includes(t))) return;
      this.tips.set(key, tips);
      const listed = this.publishedMine === this.mines ? this.published?.find((f) => f.folder.uri.toString() === key) : undefined;
      let fresh: readonly Suggestion[] = [];
      const started = Date.now();
      try {
        if (listed?.state === 'ready') {
          const result = await mine(repo, {
            filter: { authors: [...listed.identities] },
            defaultBranch: this.git.defaultBranch(folder),
            previous: listed.result,
          });
          const known = new Set(listed.result.suggestions.map((s) => s.sha));
          fresh = result.suggestions.filter((s) => !known.has(s.sha));
          const pending = await this.undecided(result.suggestions, listed.decisions);
          this.replace(key, (f) => ({ ...f, result, pending }));
          this.log.info(`updated ${repo.root} incrementally in ${Date.now() - started} ms`);
          this.changed.fire(); // the mining result changed even when nothing new is pending
        } else {
          const identities = await this.git.identities(folder, repo);
          if (identities.length === 0) return;
          const result = await mine(repo, {
            filter: { authors: identities },
            defaultBranch: this.git.defaultBranch(folder),
            previous: { tips: previousTips, suggestions: [] },
          });
          fresh = result.suggestions;
        }
      } catch (err) {
        this.log.error(`reading new work in ${repo.root} failed`, err);
        return;
      }
      this.log.info(`new work in ${repo.root}: ${fresh.length} piece(s) of yours`);
      if (fresh.length > 0) this.foundNew.fire({ folder, repo, suggestions: fresh });
    });
  }

  /**
   * Drops suggestions already journaled (accepted here or with the CLI) or decided. `now` in ms:
   * a snooze counts until then; by default (Infinity) snoozed suggestions stay listed.
   */
  private async undecided(list: readonly Suggestion[], decisions: DecisionStore, now = Number.POSITIVE_INFINITY): Promise<Suggestion[]> {
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

  private mineAll(signal: AbortSignal | undefined): Promise<FolderSuggestions[]> {
    const interactive = this.interactiveNext;
    this.interactiveNext = false;
    return Promise.all(this.git.folders().map((f) => this.mineFolder(f, signal, interactive)));
  }

  private async mineFolder(
    folder: vscode.WorkspaceFolder,
    signal: AbortSignal | undefined,
    interactive: boolean,
  ): Promise<FolderSuggestions> {
    const opened = await this.git.repositoryOrReason(folder);
    if (!('repo' in opened))
      return { folder, state: 'unavailable', reason: opened.reason, cause: this.git.trusted ? 'other' : 'restricted' };
    const { repo } = opened;
    const started = Date.now();
    try {
      const identities = await this.git.identities(folder, repo);
      if (identities.length === 0)
        return {
          folder,
          state: 'unavailable',
          reason: vscode.l10n.t('Set git config user.email (or careerEvidence.identities) to find your merged work.'),
          cause: 'identity',
        };
      // A full mine reads the whole history: in a worker thread, so the extension host stays responsive.
      // Meanwhile git counts the authors: addresses under the user's name that are not theirs are said in the view.
      const lookalikes = lookalikesOf(repo, identities);
      const mined = await mineInWorker(repo, {
        filter: { authors: [...identities] },
        defaultBranch: this.git.defaultBranch(folder),
        signal,
      });
      // With the user's yes only: their pull requests' descriptions and review times (cached).
      const fetched = await this.pullRequests.enrich(repo, mined.suggestions, { interactive, signal });
      const result: MiningResult = { ...mined, suggestions: [...fetched.suggestions] };
      for (const p of result.problems) this.log.warn(`${p.path}: ${p.message}`);
      const decisions = new DecisionStore(this.stateDir, repo.root);
      const pending = await this.undecided(result.suggestions, decisions);
      this.log.info(
        `mined ${result.suggestions.length} suggestion(s) (${pending.length} undecided) for ${identities.join(', ')} in ${repo.root}` +
          `${result.shallow ? ' (shallow clone)' : ''} in ${Date.now() - started} ms`,
      );
      // From now on the list follows new work in this repository.
      if (!this.tips.has(folder.uri.toString())) this.tips.set(folder.uri.toString(), result.tips);
      void this.git.watchHead(folder);
      return {
        folder,
        state: 'ready',
        repo,
        identities,
        lookalikes: await lookalikes,
        pullRequests: fetched.state,
        result,
        pending,
        decisions,
      };
    } catch (err) {
      if ((err as Error).name === 'AbortError')
        return { folder, state: 'unavailable', reason: vscode.l10n.t('Scan cancelled. Run Scan Merged Work again.'), cause: 'other' };
      const reason = err instanceof UserError ? err.message : vscode.l10n.t('Could not read merged work: {0}', (err as Error).message);
      if (!(err instanceof UserError)) this.log.error(`mining ${folder.uri.fsPath} failed`, err);
      return { folder, state: 'unavailable', reason, cause: 'other' };
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.foundNew.dispose();
  }
}

/** Folder name of a repository, for brag-entry receipts. */
export function repoName(repo: Repository): string {
  return path.basename(repo.root);
}

/** Authors of `repo` with the user's name (git `user.name`, or a name their addresses commit under) and another address. */
async function lookalikesOf(repo: Repository, identities: readonly string[]): Promise<AuthorCount[]> {
  const name = await configValue(repo, 'user.name');
  return addressesLikeYou(await authorCounts(repo), identities, name ? [name] : []);
}
