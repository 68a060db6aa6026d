import * as vscode from 'vscode';
import { localToday } from '../../core/evidence/dates';
import { readRange } from '../../core/evidence/quarters';
import { readDashboardState } from '../../core/report/dashboardProtocol';
import { Services } from '../services/services';
import { pickQuarter } from '../shared/quarterPick';
import { DASHBOARD_VIEW_TYPE, DashboardHost, DashboardPanel } from './panel';

/** Arguments of `careerEvidence.openDashboard` for automation and tests: the quarter (`this-quarter`, `last-quarter`, `YYYY-Qn`). */
export interface DashboardArgs {
  quarter?: string;
}

/**
 * "Career Evidence: Open Dashboard" (palette, the Benchmark group's title): one panel, reused, for
 * the Benchmark group's quarter or `args.quarter`; its page's Quarter button asks for another. A
 * panel open when VS Code closed comes back with its quarter (a `WebviewPanelSerializer`). The
 * command resolves with the panel (tests use it).
 */
export function registerDashboard(
  context: vscode.ExtensionContext,
  services: Services,
): { revive(panel: vscode.WebviewPanel, state: unknown): DashboardPanel } {
  let current: DashboardPanel | undefined;
  const host: DashboardHost = {
    reports: services.reports,
    log: services.log,
    extensionUri: context.extensionUri,
    pickQuarter: () => pickQuarter(localToday(), vscode.l10n.t('Dashboard')),
  };
  const adopt = (p: DashboardPanel) => {
    current?.dispose();
    current = p;
    p.onDidDispose(() => current === p && (current = undefined));
    return p;
  };
  const revive = (panel: vscode.WebviewPanel, state: unknown) => {
    const quarter = readDashboardState(state).quarter;
    return adopt(new DashboardPanel(panel, host, (quarter && readRange(quarter, localToday())) || services.reports.range));
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('careerEvidence.openDashboard', (args: DashboardArgs = {}): DashboardPanel | undefined => {
      const range = args.quarter ? readRange(args.quarter, localToday()) : services.reports.range;
      if (!range) return undefined;
      if (current) {
        current.show(range);
        return current;
      }
      // (The panel sets its webview's options: scripts, resources from dist and media only.)
      const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, vscode.l10n.t('Evidence Dashboard'), vscode.ViewColumn.Active, {
        enableScripts: true,
      });
      return adopt(new DashboardPanel(panel, host, range));
    }),
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => void revive(panel, state),
    }),
    { dispose: () => current?.dispose() },
  );
  return { revive };
}
