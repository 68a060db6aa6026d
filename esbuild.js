// Bundles the extension (dist/extension.js, `vscode` external, and its mining worker dist/mineWorker.js),
// the CLI (dist/cli.js) and the dashboard's page script (dist/dashboard.js).
// Usage: node esbuild.js [--production] [--watch]. Types are checked separately by `tsc --noEmit`.
'use strict';
const esbuild = require('esbuild');
const pkg = require('./package.json');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints build errors in the `file:line:col: error: text` shape VS Code's problem matchers read. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        process.stderr.write(`✘ [ERROR] ${text}\n    ${location ? `${location.file}:${location.line}:${location.column}:` : ''}\n`);
      }
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  define: { CAREER_EVIDENCE_VERSION: JSON.stringify(pkg.version) },
  // yaml's environment-neutral build (the same code, published in the package): its Node build reads
  // `process.env.LOG_TOKENS` for every token it parses, a call into the runtime each time, which is
  // a visible share of indexing thousands of documents in VS Code's extension host.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  plugins: [problemMatcher],
};

const builds = [
  { ...common, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The extension's mining worker (src/node/git/mineInWorker.ts starts it from beside extension.js).
  { ...common, entryPoints: ['src/node/git/mineWorker.ts'], outfile: 'dist/mineWorker.js' },
  // The dashboard's page script (a webview's, and inlined in the CLI's HTML report): always minified,
  // it is what the page loads. No source map: a webview could not load it under its policy anyway.
  {
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    minify: true,
    sourcemap: false,
    entryPoints: ['src/webview/dashboard.ts'],
    outfile: 'dist/dashboard.js',
  },
];

async function main() {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

main().catch((err) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
