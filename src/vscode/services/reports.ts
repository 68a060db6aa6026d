import * as path from 'path';
import * as vscode from 'vscode';
import { localToday } from '../../core/evidence/dates';
import { DayRange, Period, periodOf, quartersBefore, readRange } from '../../core/evidence/quarters';
import { IndexedDocument } from '../../core/index/snapshot';
import { BenchmarkView, TREND_QUARTERS, buildBenchmark } from '../../core/report/benchmark';
import { DashboardView, buildDashboard } from '../../core/report/dashboard';
import { UserError } from '../../node/errors';
import { Gathered, gatherEvidence } from '../../node/report/gather';
import { MiningCache } from '../../node/report/miningCache';
import { readJournalStatusAliases } from '../../node/statusVocabulary';
import { mergeStatusAliases } from '../../core/evidence/statusAliases';
import { settings } from '../settings/settings';
import { EvidenceIndex, JOURNAL_KEY } from './evidenceIndex';
import { MergedWork } from './mergedWork';
import { PullRequests } from './pullRequests';
import { WorkspaceGit } from './workspaceGit';

/**
 * The quarterly benchmark the Evidence view shows — the one owner of it: computed when first asked
 * for (when the Benchmark group is expanded, never at start-up) from the index's documents and the
 * mining cache, over the workspace folders' repositories and `careerEvidence.repositories` (not
 * `repositoriesRoot`: that is searched only by the report commands); kept until documents, merged
 * work or settings change, then announced ({@link onDidChange}) and computed again at the next ask.
 * In Restricted Mode no git process is started: the view says why.
 */
export class Reports implements vscode.Disposable {
  private shownRange: DayRange;
  private current: Promise<BenchmarkView> | undefined;
  /** The dashboard last asked for: its quarter's label and the computation. */
  private dashboardShown: { label: string; view: Promise<DashboardView> } | undefined;
  private evidenceChanges = 0;
  private readonly cache: MiningCache;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the benchmark shown is out of date, or another quarter was chosen. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly git: WorkspaceGit,
    private readonly index: EvidenceIndex,
    mergedWork: MergedWork,
    private readonly pullRequests: PullRequests,
    globalStorage: string,
    version: string,
  ) {
    this.shownRange = readRange('this-quarter', localToday())!;
    this.cache = new MiningCache(path.join(globalStorage, 'report-mining'), version);
    const stale = () => this.invalidate();
    this.subscriptions = [
      index.onDidChange(stale),
      mergedWork.onDidChange(stale),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('careerEvidence') && stale()),
      vscode.workspace.onDidGrantWorkspaceTrust(stale),
    ];
  }

  /** How many times the evidence changed since start-up: a dashboard shown at the same count and quarter is current. */
  get generation(): number {
    return this.evidenceChanges;
  }

  /** The days of the quarter shown. */
  get range(): DayRange {
    return this.shownRange;
  }

  /** The quarter shown. */
  get period(): Period {
    return periodOf(this.shownRange);
  }

  /** Shows another quarter. */
  setQuarter(range: DayRange): void {
    this.shownRange = range;
    this.current = undefined;
    this.changed.fire();
  }

  /** The benchmark of the quarter shown, computed on the first ask since the last change. Never rejects. */
  benchmark(): Promise<BenchmarkView> {
    this.current ??= this.compute();
    return this.current;
  }

  /**
   * The dashboard of `range`'s quarter (the Benchmark group's quarter is not changed), computed on
   * the first ask since the last change; the last one asked for is kept. Never rejects.
   */
  dashboard(range: DayRange): Promise<DashboardView> {
    const label = periodOf(range).label;
    if (this.dashboardShown?.label !== label) this.dashboardShown = { label, view: this.computeDashboard(periodOf(range)) };
    return this.dashboardShown.view;
  }

  private invalidate(): void {
    this.evidenceChanges++;
    if (!this.current && !this.dashboardShown) return; // nothing shown: nothing to recompute
    this.current = undefined;
    this.dashboardShown = undefined;
    this.changed.fire();
  }

  private async computeDashboard(period: Period): Promise<DashboardView> {
    if (!this.git.trusted) return { state: 'unavailable', reason: vscode.l10n.t('Restricted Mode: the dashboard reads git history') };
    const started = Date.now();
    try {
      const gathered = await this.gather(period, { report: false });
      const build = buildDashboard(gathered.set, { person: gathered.person, period, targets: gathered.settings.targets });
      this.log.info(`dashboard ${period.label}: ${build.receipts.length} receipts in ${Date.now() - started} ms`);
      return { state: 'ready', build };
    } catch (err) {
      if (err instanceof UserError) return { state: 'unavailable', reason: err.message };
      this.log.error('the dashboard could not be computed', err);
      return { state: 'unavailable', reason: vscode.l10n.t('The dashboard could not be computed: see Output → Career Evidence') };
    }
  }

  private async compute(): Promise<BenchmarkView> {
    if (!this.git.trusted) return { state: 'unavailable', reason: vscode.l10n.t('Restricted Mode: the benchmark reads git history') };
    const started = Date.now();
    try {
      const period = this.period;
      const gathered = await this.gather(period, { report: false });
      const benchmark = buildBenchmark(gathered.set, { person: gathered.person, period, targets: gathered.settings.targets });
      this.log.info(`benchmark ${period.label}: ${gathered.set.repositories.length} repositories in ${Date.now() - started} ms`);
      return { state: 'ready', benchmark };
    } catch (err) {
      if (err instanceof UserError) return { state: 'unavailable', reason: err.message };
      this.log.error('the benchmark could not be computed', err);
      return { state: 'unavailable', reason: vscode.l10n.t('The benchmark could not be computed: see Output → Career Evidence') };
    }
  }

  /**
   * The evidence of `period` (with its trend's quarters): the workspace folders' repositories and
   * `careerEvidence.repositories`, with the mining cache. For a written report (`report: true`)
   * also those under `careerEvidence.repositoriesRoot`, and every document read from disk as it is
   * now — a story saved a moment ago counts, though the index may not have seen it yet; for the
   * Benchmark group, the documents and journal as the index holds them. Runs git: the caller
   * checks trust.
   * @throws UserError when no identity is known; AbortError when `signal` aborts.
   */
  async gather(
    period: Period,
    o: { report: boolean; signal?: AbortSignal; onRepository?: (root: string, i: number, total: number) => void },
  ): Promise<Gathered> {
    const snapshot = o.report ? undefined : await this.index.snapshot();
    const byRoot = new Map<string, readonly IndexedDocument[]>();
    for (const f of snapshot?.folders ?? []) if (f.folder.index >= 0) byRoot.set(f.folder.root, f.documents);
    const journal = snapshot?.folders.find((f) => f.folder.key === JOURNAL_KEY);
    const root = o.report ? settings.repositoriesRoot() : null;
    // What is scanned here is read with the user's status words, as the index reads.
    const journalWords = await readJournalStatusAliases(settings.journalDir());
    return gatherEvidence({
      folders: [...this.git.folders().map((f) => f.uri.fsPath), ...settings.repositories()],
      roots: root ? [root] : [],
      journalDir: settings.journalDir(),
      since: quartersBefore(period.from, TREND_QUARTERS)[0]?.from ?? period.from,
      identities: settings.identities(),
      handles: settings.handles(),
      statusAliases: mergeStatusAliases(journalWords.aliases, settings.statusAliases().aliases),
      documentsOf: (r) => byRoot.get(r),
      ...(snapshot ? { journal: journal ? { root: journal.folder.root, documents: [...journal.documents], problems: [] } : null } : {}),
      miningCache: this.cache,
      pullRequests: (repo, changes) => this.pullRequests.cached(repo, changes),
      signal: o.signal,
      onRepository: o.onRepository,
    });
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.changed.dispose();
  }
}
