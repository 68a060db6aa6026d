import { escapeHtml } from '../../core/report/escapeHtml';
import { webviewCsp } from '../shared/webviewCsp';

/** The webview's own addresses for the dashboard's script and style (`asWebviewUri`) and its `cspSource`. */
export interface DashboardShellAssets {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  /** The page's language, `vscode.env.language` (`en`, `de`…). */
  lang: string;
}

/**
 * The dashboard webview's page: an empty `main` the script (dist/dashboard.js) fills with what the
 * extension posts. Holds no data itself: a page reloaded from its saved state asks again.
 */
export function dashboardShellHtml(a: DashboardShellAssets): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(a.lang)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${webviewCsp(a.cspSource)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(a.styleUri)}">
</head><body>
<main id="app" aria-live="polite" aria-busy="true"></main>
<script src="${escapeHtml(a.scriptUri)}"></script>
</body></html>
`;
}
