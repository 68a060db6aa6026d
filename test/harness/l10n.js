// The extension's user-facing strings, exported with @vscode/l10n-dev into l10n/bundle.l10n.json
// (`npm run l10n` writes it; test/node/l10n.test.ts checks the committed one is current):
// - `vscode.l10n.t(…)` calls in src/vscode, and `l10n.t(…)` of @vscode/l10n in src/webview (the page);
// - the view models' calls of their injected `t` (they import no vscode): given to the exporter as
//   the `vscode.l10n.t` calls they stand for;
// - the vocabulary the views translate by value (kinds, brag categories, the benchmark's forms),
//   read from the compiled core (run `tsc -p .` first).
// Keys are sorted, so the bundle's diff shows what changed.
'use strict';
const fs = require('fs');
const path = require('path');
const { getL10nJson } = require('@vscode/l10n-dev');

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCES = ['src/vscode', 'src/webview'];
const BUNDLE = path.join(ROOT, 'l10n', 'bundle.l10n.json');

function tsFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** A file as the exporter should read it: a view model's `t(…)` calls as `vscode.l10n.t(…)`. */
function asExported(text) {
  if (/from ['"](vscode|@vscode\/l10n)['"]/.test(text)) return text;
  if (!/(?<![\w.$])t\(/.test(text)) return text;
  return `import * as vscode from 'vscode';\n${text.replace(/(?<![\w.$])t\(/g, 'vscode.l10n.t(')}`;
}

/** The vocabulary views translate by value, as a file of `vscode.l10n.t` calls. */
function vocabulary(root) {
  const out = (p) => require(path.join(root, 'out', 'src', 'core', p));
  const { KINDS } = out('evidence/kinds.js');
  const { CATEGORY_LABELS } = out('journal/bragEntry.js');
  const { FORM_TITLES } = out('report/benchmarkFormat.js');
  const words = [
    ...Object.values(KINDS).flatMap((k) => [k.label, k.plural, k.description]),
    ...Object.values(CATEGORY_LABELS),
    ...Object.values(FORM_TITLES),
  ];
  return `import * as vscode from 'vscode';\n${words.map((w) => `vscode.l10n.t(${JSON.stringify(w)});`).join('\n')}\n`;
}

/**
 * The bundle as it would be exported from the sources under `root` now: its JSON text.
 * @param {string} [root] the project (default: this one)
 * @param {Record<string, string>} [extra] more files (path → text) to read with the sources
 */
async function exportBundle(root = ROOT, extra = {}) {
  const files = SOURCES.flatMap((d) => tsFiles(path.join(root, d))).map((f) => ({
    extension: '.ts',
    contents: asExported(fs.readFileSync(f, 'utf8')),
  }));
  files.push({ extension: '.ts', contents: vocabulary(root) });
  for (const text of Object.values(extra)) files.push({ extension: '.ts', contents: asExported(text) });
  const bundle = await getL10nJson(files);
  const sorted = Object.fromEntries(
    Object.keys(bundle)
      .sort()
      .map((k) => [k, bundle[k]]),
  );
  return JSON.stringify(sorted, null, 2) + '\n';
}

module.exports = { exportBundle, BUNDLE };

if (require.main === module) {
  exportBundle().then((text) => {
    fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
    fs.writeFileSync(BUNDLE, text);
    process.stdout.write(`${BUNDLE}: ${Object.keys(JSON.parse(text)).length} strings\n`);
  });
}
