/**
 * The Content-Security-Policy of every webview page of the extension: scripts, styles, images and
 * fonts from the webview's own resources only (`cspSource`, i.e. the extension's `dist` and
 * `media`), images also as `data:`; no inline code, no eval, nothing from the network.
 */
export function webviewCsp(cspSource: string): string {
  return `default-src 'none'; script-src ${cspSource}; style-src ${cspSource}; img-src ${cspSource} data:; font-src ${cspSource}`;
}
