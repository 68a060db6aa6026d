import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Dashboard } from '../../core/report/dashboard';
import { escapeHtml } from '../../core/report/escapeHtml';
import { UserError } from '../errors';

/** The dashboard's page script and style, as the extension's webview loads them. */
export interface DashboardAssets {
  /** dist/dashboard.js (esbuild.js bundles it). */
  script: string;
  /** media/dashboard.css. */
  style: string;
}

/**
 * Reads the dashboard's script and style from the extension's folder: the first folder at or above
 * `from` (default: this module's, i.e. `dist/` in the bundle) that has `dist/dashboard.js` and
 * `media/dashboard.css`.
 * @throws UserError when they cannot be found (a build without the dashboard bundle).
 */
export function readDashboardAssets(from: string = __dirname): DashboardAssets {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const script = path.join(dir, 'dist', 'dashboard.js');
    const style = path.join(dir, 'media', 'dashboard.css');
    if (fs.existsSync(script) && fs.existsSync(style))
      return { script: fs.readFileSync(script, 'utf8'), style: fs.readFileSync(style, 'utf8') };
    if (path.dirname(dir) === dir) throw new UserError('the dashboard’s script (dist/dashboard.js) is missing: run `node esbuild.js`');
  }
}

/** `'sha256-…'` of a script or style element's text, as a Content-Security-Policy source names it (CSP Level 2, §4.2.5.1). */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The dashboard as one self-contained HTML page (`report benchmark --format html`): the same script
 * and style as the extension's webview, inlined, allowed by their hashes (never `'unsafe-inline'`
 * or `'unsafe-eval'`); the dashboard itself as JSON in a data block the script reads; nothing is
 * loaded from anywhere.
 */
export function dashboardPage(d: Dashboard, assets: DashboardAssets): string {
  // `</script` cannot end an element it is not in: the text stays what was hashed.
  const script = assets.script.replace(/<\/(script)/gi, '<\\/$1');
  const style = assets.style.replace(/<\/(style)/gi, '<\\/$1');
  const data = JSON.stringify(d).replace(/</g, '\\u003c');
  const csp = `default-src 'none'; script-src ${cspHash(script)}; style-src ${cspHash(style)}; img-src data:`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Evidence dashboard ${escapeHtml(d.period.label)}</title>
<style>${style}</style>
</head><body>
<noscript><p>This dashboard draws its charts with a script. The Markdown report (<code>--format md</code>) has the same figures.</p></noscript>
<main id="app" aria-live="polite"></main>
<script type="application/json" id="dashboard-data">${data}</script>
<script>${script}</script>
</body></html>
`;
}
