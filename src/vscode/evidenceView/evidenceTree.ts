import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { fullChange } from '../../core/index/snapshot';
import { Identity } from '../../core/index/viewModel';
import { SHOW_SUGGESTION_COMMAND } from '../shared/commandIds';
import { Services } from '../services/services';
import { documentUri, locateFile } from '../services/evidenceIndex';
import { RowResource, TreeRow } from './rowsModel';
import { EvidenceTreeModel, Refresh, SuggestionsView } from './treeModel';
import type { FolderSuggestionsView } from './suggestionsModel';
import type { PullRequestState } from '../services/pullRequests';
import { benchmarkRows } from './benchmarkModel';
import { ViewState } from './viewState';

/** A node of the Evidence view: a row of {@link EvidenceTreeModel}. */
export type EvidenceNode = TreeRow;

const COLLAPSIBLE = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
} as const;

/** URIs made so far, by row resource: VS Code asks for thousands of rows' items, most of them again and again. */
const uris = new WeakMap<RowResource, vscode.Uri>();
function resourceUri(r: RowResource): vscode.Uri {
  let uri = uris.get(r);
  if (!uri) uris.set(r, (uri = documentUri(r.folder.root, r.path)));
  return uri;
}

/**
 * The Evidence view's `TreeDataProvider`: maps the rows of {@link EvidenceTreeModel} to
 * `TreeItem`s, feeds the model the index's snapshots and change lists, the view's settings and the
 * Suggestions list, and fires what the model says to refresh. Returns no children when there is
 * nothing to show, so the view's welcome content (New Design Doc, Scan merged work) appears.
 */
export class EvidenceTreeProvider implements vscode.TreeDataProvider<EvidenceNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EvidenceNode | EvidenceNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly model: EvidenceTreeModel;
  private readonly subscriptions: vscode.Disposable[];
  /** The first ask for the roots before the index was loaded: it reads the index. */
  private loading: Promise<unknown> | undefined;
  private me: Promise<Identity> | undefined;
  private mineOnly = false;
  /** The Benchmark group's rows as last shown (for `getParent`). */
  private benchmarkChildren: EvidenceNode[] = [];
  /** Changes of the model, one after another (a view change may wait for who "mine" is). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly services: Services,
    private readonly viewState: ViewState,
  ) {
    this.model = new EvidenceTreeModel(vscode.l10n.t, (root) => this.inRepository(root));
    // The grouping remembered for this workspace (the filter starts empty each session).
    this.model.setView({ groupBy: viewState.groupBy, filter: viewState.filter, me: { emails: [], names: [] } });
    this.model.setBenchmarkQuarter(services.reports.period.label);
    this.subscriptions = [
      services.index.onDidChange((change) => this.enqueue(async () => this.model.apply(change))),
      services.reports.onDidChange(() =>
        this.enqueue(async () => {
          const quarter = this.model.setBenchmarkQuarter(services.reports.period.label);
          return quarter.all ? quarter : { all: false, rows: [this.model.benchmark] };
        }),
      ),
      // The Suggestions group follows the list as published, without waiting for a mine.
      services.mergedWork.onDidChange(() => this.enqueue(async () => this.model.setSuggestions(this.suggestionsView()))),
      viewState.onDidChange(() => {
        // Who "mine" is, read again each time Mine Only is turned on: git's user.email may have changed since.
        const mineOnly = !!viewState.filter.mineOnly;
        if (mineOnly && !this.mineOnly) this.me = undefined;
        this.mineOnly = mineOnly;
        this.enqueue(async () => this.model.setView(await this.settings()));
      }),
    ];
  }

  private enqueue(task: () => Promise<Refresh>): void {
    this.queue = this.queue
      .then(async () => {
        const refresh = await task();
        if (refresh.all) this.changed.fire(undefined);
        else if (refresh.rows.length > 0) this.changed.fire([...refresh.rows]);
      })
      .catch((err) => this.services.log.error('the Evidence view could not be updated', err));
  }

  private async settings() {
    return { groupBy: this.viewState.groupBy, filter: this.viewState.filter, me: await this.identity() };
  }

  /** The user's identity for Mine Only (read when the filter is on). */
  private identity(): Promise<Identity> {
    if (!this.viewState.filter.mineOnly) return Promise.resolve({ emails: [], names: [] });
    this.me ??= this.services.git.me();
    return this.me;
  }

  /** Parent of a node, for `TreeView.reveal`. */
  getParent(node: EvidenceNode): EvidenceNode | undefined {
    if (node.type === 'benchmarkForm') return this.model.benchmark;
    if (node.type === 'receipt') return this.benchmarkChildren.find((f) => f.type === 'benchmarkForm' && f.receipts.includes(node));
    return this.model.parent(node);
  }

  /** The first document row of `uri` in the tree as last shown, if any. */
  findDocument(uri: vscode.Uri): EvidenceNode | undefined {
    const located = uri.scheme === 'file' ? locateFile(this.services.index.current, uri.fsPath) : undefined;
    return located && this.model.findDocument(located.folder.folder.key, located.rel);
  }

  getTreeItem(row: EvidenceNode): vscode.TreeItem {
    const t = new vscode.TreeItem(row.label, COLLAPSIBLE[row.collapsible]);
    t.id = row.id;
    t.description = row.description;
    t.contextValue = row.contextValue;
    if (row.icon) t.iconPath = new vscode.ThemeIcon(row.icon);
    switch (row.type) {
      case 'document': {
        const uri = resourceUri(row.resource);
        t.resourceUri = uri;
        // The tooltip is made on hover (resolveTreeItem): thousands of rows are sent without one.
        t.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
        break;
      }
      case 'link':
        if (row.exists) t.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [resourceUri(row.resource)] };
        break;
      case 'suggestions':
        t.tooltip = vscode.l10n.t('Brag-document suggestions from your merged work: accept one to write a brag entry in your journal');
        break;
      case 'suggestion':
        t.command = {
          command: SHOW_SUGGESTION_COMMAND,
          title: vscode.l10n.t('Show Details'),
          arguments: [row.folderUri, row.suggestion.sha],
        };
        break;
      case 'detail':
        t.tooltip = row.tooltip;
        break;
      case 'message':
        t.tooltip = row.label;
        break;
      case 'action':
        t.tooltip = row.tooltip ?? row.label;
        t.command = { command: row.command, title: row.label, arguments: row.arguments ? [...row.arguments] : undefined };
        break;
      case 'benchmark':
        t.tooltip = vscode.l10n.t('Where you stand in the quarter shown: the five forms of evidence, each with its receipts, and the gaps');
        break;
      case 'benchmarkForm':
        t.tooltip = row.tooltip;
        break;
      case 'receipt':
        t.tooltip = row.tooltip;
        if (row.file) t.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [vscode.Uri.file(row.file)] };
        else if (row.url)
          t.command = { command: 'vscode.open', title: vscode.l10n.t('Open Pull Request'), arguments: [vscode.Uri.parse(row.url)] };
        break;
    }
    return t;
  }

  resolveTreeItem(item: vscode.TreeItem, row: EvidenceNode): vscode.TreeItem {
    const markdown = item.tooltip === undefined ? this.model.tooltip(row) : undefined;
    if (markdown !== undefined) item.tooltip = new vscode.MarkdownString(markdown);
    return item;
  }

  async getChildren(row?: EvidenceNode): Promise<EvidenceNode[]> {
    if (!row) {
      if (!this.model.hasSnapshot) {
        // The view is shown before the model has a snapshot: read the index. Its change event sets
        // the rows; an index loaded before this provider listened is taken as it is.
        this.loading ??= this.services.index.snapshot().then((snapshot) => {
          this.enqueue(async () => (this.model.hasSnapshot ? { all: false, rows: [] } : this.model.apply(fullChange(snapshot, undefined))));
          return this.queue;
        });
        await this.loading;
      }
      await this.queue;
      const roots = [...this.model.roots()];
      this.setEmpty(roots.length === 0);
      return roots;
    }
    if (row.type === 'suggestions') {
      // Shown at once: the first mine starts now and its rows come when it is done ("Reading merged work…" till then).
      const work = this.services.mergedWork;
      if (!work.current && !work.mining) void work.all();
      await this.queue;
      return [...this.model.children(row)];
    }
    if (row.type === 'benchmark') return (this.benchmarkChildren = benchmarkRows(await this.services.reports.benchmark(), vscode.l10n.t));
    if (row.type === 'benchmarkForm') return [...row.receipts];
    return [...this.model.children(row)];
  }

  /**
   * Context key `careerEvidence.empty` for the view's welcome content: set only once the index was
   * read and nothing is there, so "No evidence here yet" never shows while the documents load; and
   * `careerEvidence.inRepository`, whether a workspace folder is in a git work tree.
   */
  private empty: boolean | undefined;
  private setEmpty(empty: boolean): void {
    if (this.empty !== empty) void vscode.commands.executeCommand('setContext', 'careerEvidence.empty', empty);
    this.empty = empty;
    // Scan Merged Work is offered only where it can work (with isWorkspaceTrusted in its `when` clauses).
    const inRepository = this.services.git.folders().some((f) => this.inRepository(f.uri.fsPath));
    if (this.inRepo !== inRepository) void vscode.commands.executeCommand('setContext', 'careerEvidence.inRepository', inRepository);
    this.inRepo = inRepository;
  }
  private inRepo: boolean | undefined;

  /** The Suggestions list as last published by the MergedWork service (nothing is awaited). */
  private suggestionsView(): SuggestionsView {
    const work = this.services.mergedWork;
    return {
      folders: work.current?.map((f) =>
        f.state === 'ready'
          ? {
              folderUri: f.folder.uri.toString(),
              folderName: f.folder.name,
              state: 'ready' as const,
              pending: f.pending,
              lookalikeCommits: f.lookalikes.reduce((n, a) => n + a.commits, 0),
              pullRequests: pullRequestsView(f.pullRequests),
            }
          : {
              folderUri: f.folder.uri.toString(),
              folderName: f.folder.name,
              state: 'unavailable' as const,
              reason: f.reason,
              cause: f.cause,
            },
      ),
      mining: work.mining,
      range: work.currentRange,
    };
  }

  /**
   * Whether a folder is in a git work tree, looked up once per folder (not on every refresh), and
   * synchronously: a few `stat`s of cached directories, where an asynchronous one would wait behind
   * whatever else the extension host runs after a load (the Problems panel's checks).
   */
  private readonly repoFolders = new Map<string, boolean>();
  private inRepository(dir: string): boolean {
    let known = this.repoFolders.get(dir);
    if (known === undefined) this.repoFolders.set(dir, (known = isGitWorkTree(dir)));
    return known;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.changed.dispose();
  }
}

/** True when `dir` or a parent holds `.git` (a folder, or a file for worktrees and submodules). */
function isGitWorkTree(dir: string): boolean {
  for (let d = dir, up = 0; up < 32; up++) {
    if (fs.statSync(path.join(d, '.git'), { throwIfNoEntry: false })) return true;
    const parent = path.dirname(d);
    if (parent === d) return false;
    d = parent;
  }
  return false;
}

/** What the Suggestions group says about pull requests' details: an offer, a sign-in, why fetching stopped — or nothing. */
function pullRequestsView(p: PullRequestState): Extract<FolderSuggestionsView, { state: 'ready' }>['pullRequests'] {
  if (p.state === 'ask') return { offer: 'ask', host: p.host };
  if (p.state === 'signIn') return { offer: 'signIn', host: p.host };
  if (p.state === 'fetched' && p.report.stopped) return { stopped: p.report.stopped, host: p.host };
  return undefined;
}
