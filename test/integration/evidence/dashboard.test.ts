import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Dashboard } from '../../../src/core/report/dashboard';
import type { DashboardRequest, DashboardUpdate } from '../../../src/core/report/dashboardProtocol';
import type { DashboardPanel } from '../../../src/vscode/dashboard/panel';
import { api, workspaceRoot } from './helpers';

// The fixture repository (evidenceRepo) holds, in 2026-Q1, three merged changes of mine and two ADRs I added.

/** Resolves with the first `event` value `pick` accepts; rejects after `ms` with `what`. */
function next<T, R>(event: vscode.Event<T>, pick: (v: T) => R | undefined, what: string, ms = 30_000): Promise<R> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, ms);
    const sub = event((v) => {
      const r = pick(v);
      if (r === undefined) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(r);
    });
  });
}

const drawn = (p: DashboardPanel) =>
  next(p.onDidReceive, (m: DashboardRequest) => (m.type === 'rendered' ? m.charts : undefined), 'the page to draw');
const posted = (p: DashboardPanel) =>
  next(p.onDidPost, (u: DashboardUpdate) => (u.type === 'dashboard' ? u.dashboard : undefined), 'a dashboard to be posted');

describe('dashboard: a webview panel of the quarter, under a strict policy, with a typed protocol', function () {
  this.timeout(90_000);
  let panel: DashboardPanel;
  let dashboard: Dashboard;
  const violations: string[] = [];

  before(async () => {
    await api();
    const open = vscode.commands.executeCommand<DashboardPanel>('careerEvidence.openDashboard', { quarter: '2026-Q1' });
    panel = (await open)!;
    panel.onDidReceive((m) => m.type === 'cspViolation' && violations.push(m.directive));
    [dashboard] = await Promise.all([posted(panel), drawn(panel)]);
  });
  after(() => panel?.dispose());

  it('opens the quarter asked for: the page loads its script under the policy and draws every chart', async () => {
    assert.strictEqual(panel.quarter, '2026-Q1');
    assert.strictEqual(panel.panel.title, 'Evidence Dashboard 2026-Q1');
    assert.strictEqual(dashboard.period.label, '2026-Q1');
    assert.strictEqual(dashboard.cards.find((c) => c.form === 'designArtifacts')!.value, 2);
    assert.ok(dashboard.latency.measured >= 1);
    assert.strictEqual(dashboard.latency.slowest.length, dashboard.latency.measured);
    assert.strictEqual(
      dashboard.timeline.reduce((n, w) => n + w.merged.length, 0),
      3,
      'the three merged changes, by week',
    );
    assert.deepStrictEqual(violations, [], 'no Content-Security-Policy violation');
  });

  it('its page allows only its own script and style files: no inline code, no eval, resources from dist and media', () => {
    const w = panel.panel.webview;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(w.html)![1];
    assert.strictEqual(
      csp,
      `default-src 'none'; script-src ${w.cspSource}; style-src ${w.cspSource}; img-src ${w.cspSource} data:; font-src ${w.cspSource}`,
    );
    assert.doesNotMatch(w.html, /<script>|<style>| style=|unsafe-/);
    const ext = vscode.extensions.all.find((e) => e.id.endsWith('career-evidence'))!.extensionUri;
    assert.deepStrictEqual(
      w.options.localResourceRoots?.map((u) => u.toString()),
      ['dist', 'media'].map((f) => vscode.Uri.joinPath(ext, f).toString()),
    );
  });

  it('opens a receipt the page names by id; a bad or unknown message opens nothing', async () => {
    const adr = dashboard.receipts.findIndex((r) => r.opens === 'document');
    assert.ok(adr >= 0, 'an ADR among the receipts');
    const opened = next(vscode.window.onDidChangeActiveTextEditor, (e) => e, 'the ADR to open');
    await panel.handle({ type: 'openReceipt', id: adr });
    const editor = await opened;
    assert.ok(editor.document.uri.fsPath.startsWith(workspaceRoot().fsPath + path.sep), editor.document.uri.fsPath);
    assert.match(editor.document.uri.fsPath, /\.md$/);
    const redrawn = drawn(panel); // its page, made again when it comes forward, asks again
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor'); // the ADR
    await redrawn;
    const seen: vscode.TextEditor[] = [];
    const sub = vscode.window.onDidChangeActiveTextEditor((e) => e && seen.push(e));
    for (const bad of [
      { type: 'openReceipt', id: 99_999 },
      { type: 'open', path: path.join(workspaceRoot().fsPath, 'README.md') },
      { type: 'openReceipt', id: adr, path: '/etc/passwd' },
      'openReceipt',
    ])
      await panel.handle(bad);
    sub.dispose();
    assert.deepStrictEqual(seen, []);
  });

  it('redraws when the evidence changes, not when only the Benchmark group’s quarter does', async () => {
    const a = await api();
    const seen: string[] = [];
    const sub = panel.onDidPost((u) => seen.push(u.type));
    a.services.reports.setQuarter({ since: '2025-10-01', until: '2025-12-31' });
    const file = path.join(workspaceRoot().fsPath, 'doc', 'adr', '0003-use-a-queue.md');
    fs.writeFileSync(file, '# 3. Use a queue\n\nDate: 2026-03-10\n\n## Status\n\nAccepted\n\n## Context\n\nJobs got lost.\n');
    const again = posted(panel);
    await a.services.index.include([vscode.Uri.file(file)]);
    const d = await again;
    sub.dispose();
    assert.deepStrictEqual(seen, ['loading', 'dashboard'], 'one redraw, for the new document');
    assert.strictEqual(d.period.label, '2026-Q1');
    a.services.reports.setQuarter({ since: '2026-01-01', until: '2026-03-31' });
  });

  it('comes back after a reload with its quarter (the serializer), and with the shown one when the state is not one', async () => {
    const a = await api();
    const restored = vscode.window.createWebviewPanel('careerEvidence.dashboard', 'restored', vscode.ViewColumn.Active, {});
    const revived = a.reviveDashboard(restored, { quarter: '2025-Q4' });
    assert.strictEqual(revived.quarter, '2025-Q4');
    const [d] = await Promise.all([posted(revived), drawn(revived)]);
    assert.strictEqual(d.period.label, '2025-Q4');
    const again = vscode.window.createWebviewPanel('careerEvidence.dashboard', 'restored', vscode.ViewColumn.Active, {});
    const fallback = a.reviveDashboard(again, { quarter: '../../etc' });
    assert.strictEqual(fallback.quarter, a.services.reports.period.label);
    fallback.dispose();
  });
});
