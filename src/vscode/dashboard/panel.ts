import * as path from 'path';
import * as vscode from 'vscode';
import { DayRange, periodOf } from '../../core/evidence/quarters';
import { DashboardView } from '../../core/report/dashboard';
import { DashboardRequest, DashboardUpdate, readDashboardRequest } from '../../core/report/dashboardProtocol';
import { Reports } from '../services/reports';
import { dashboardShellHtml } from './dashboardHtml';

/** The dashboard panels' view type (its `WebviewPanelSerializer` restores them after a reload). */
export const DASHBOARD_VIEW_TYPE = 'careerEvidence.dashboard';

/** What the panel needs from the rest of the extension. */
export interface DashboardHost {
  reports: Reports;
  log: vscode.LogOutputChannel;
  extensionUri: vscode.Uri;
  /** Asks for a quarter (the quick pick), resolving undefined when dismissed. */
  pickQuarter(): Promise<DayRange | undefined>;
}

/**
 * One dashboard panel: shows the quarter's dashboard and keeps it current (the Reports service
 * announces changes), and answers its page's requests. The page can only name a receipt of the
 * dashboard it was sent (by id), a form, or ask for a quarter: every other message is ignored and
 * logged. Its receipts, with their repositories, stay here.
 */
export class DashboardPanel implements vscode.Disposable {
  private range: DayRange;
  private view: DashboardView | undefined;
  private ready = false;
  /** What the page shows: its quarter and the evidence generation it was computed at. */
  private shown: string | undefined;
  private readonly posted = new vscode.EventEmitter<DashboardUpdate>();
  /** Fires with each update posted to the page (tests wait on it). */
  readonly onDidPost = this.posted.event;
  private readonly heard = new vscode.EventEmitter<DashboardRequest>();
  /** Fires with each valid request the page sent. */
  readonly onDidReceive = this.heard.event;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly host: DashboardHost,
    range: DayRange,
  ) {
    this.range = range;
    const roots = [vscode.Uri.joinPath(host.extensionUri, 'dist'), vscode.Uri.joinPath(host.extensionUri, 'media')];
    panel.webview.options = { enableScripts: true, localResourceRoots: roots };
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'career-evidence.svg');
    panel.webview.html = dashboardShellHtml({
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(host.extensionUri, 'dist', 'dashboard.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(host.extensionUri, 'media', 'dashboard.css')).toString(),
      lang: vscode.env.language,
    });
    this.title();
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m) => this.handle(m)),
      host.reports.onDidChange(() => void this.refresh()),
      panel.onDidDispose(() => this.dispose()),
      // A hidden webview's page is gone (it is made again, and asks, when shown): nothing is sent meanwhile.
      panel.onDidChangeViewState(() => !panel.visible && (this.ready = false)),
    );
  }

  /** The quarter shown, `YYYY-Qn`. */
  get quarter(): string {
    return periodOf(this.range).label;
  }

  /** Shows `range`'s quarter (and brings the panel forward). */
  show(range: DayRange): void {
    this.range = range;
    this.title();
    this.panel.reveal();
    void this.refresh();
  }

  /** Answers one message from the page; anything not in the protocol is ignored and logged. Never throws. */
  async handle(raw: unknown): Promise<void> {
    const m = readDashboardRequest(raw);
    if ('invalid' in m) return this.host.log.warn(`dashboard: ignored a message from the page (${m.invalid})`);
    this.heard.fire(m);
    try {
      if (m.type === 'ready') {
        this.ready = true;
        this.shown = undefined; // a page (re)loaded shows nothing yet
        await this.refresh();
      } else if (m.type === 'pickQuarter') {
        const range = await this.host.pickQuarter();
        if (range) this.show(range);
      } else if (m.type === 'openReceipt') await this.open(m.id);
      else if (m.type === 'closeGap') {
        const gap = this.view?.state === 'ready' ? this.view.build.benchmark.gaps.find((g) => g.form === m.form) : undefined;
        if (gap?.action.command.startsWith('careerEvidence.')) await vscode.commands.executeCommand(gap.action.command, gap.action.args);
      } else if (m.type === 'cspViolation') this.host.log.warn(`dashboard: the page was refused ${m.directive} by its policy`);
      else this.host.log.trace(`dashboard: drew ${m.charts} charts`);
    } catch (err) {
      this.host.log.error('dashboard: a request failed', err);
    }
  }

  private async refresh(): Promise<void> {
    if (!this.ready) return; // the page asks when it is listening
    const quarter = this.quarter;
    const key = `${quarter}@${this.host.reports.generation}`;
    if (key === this.shown) return; // the Benchmark group's quarter changed, not this: nothing to redraw
    this.post({ type: 'loading', quarter });
    const view = await this.host.reports.dashboard(this.range);
    if (quarter !== this.quarter) return; // another quarter was asked for meanwhile
    this.view = view;
    this.shown = key;
    this.post(
      view.state === 'ready'
        ? { type: 'dashboard', dashboard: view.build.dashboard, ...(vscode.l10n.bundle ? { strings: vscode.l10n.bundle } : {}) }
        : { type: 'unavailable', quarter, reason: view.reason },
    );
  }

  private post(u: DashboardUpdate): void {
    void this.panel.webview.postMessage(u);
    this.posted.fire(u);
  }

  private async open(id: number): Promise<void> {
    const r = this.view?.state === 'ready' ? this.view.build.receipts[id] : undefined;
    if (!r) return this.host.log.warn(`dashboard: no receipt ${id} in the dashboard shown`);
    if (r.path) await vscode.window.showTextDocument(vscode.Uri.file(path.join(r.repo, r.path)), { preview: true });
    else if (r.url && /^https:\/\//.test(r.url)) await vscode.env.openExternal(vscode.Uri.parse(r.url));
    else if (r.sha) {
      await vscode.env.clipboard.writeText(r.sha);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Commit id {0} copied', r.sha.slice(0, 10)), 4000);
    }
  }

  private title(): void {
    this.panel.title = vscode.l10n.t('Evidence Dashboard {0}', this.quarter);
  }

  dispose(): void {
    if (this.subscriptions.length === 0) return; // disposed already
    for (const d of this.subscriptions.splice(0)) d.dispose();
    this.disposed.fire();
    this.disposed.dispose();
    this.posted.dispose();
    this.heard.dispose();
    this.panel.dispose();
  }
}
