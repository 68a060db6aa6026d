#!/usr/bin/env node
// A "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// Desktop VS Code cannot be downloaded on these machines, so this script runs the real VS Code
// workbench from code-server (installed by prerequisites.js) in headless Debian Chromium, and
// exits with the extension tests' exit code. Recipe: ../shared/README.md.
//
// Accepts: --extensionDevelopmentPath=P --extensionTestsPath=P [--extensions-dir=D]
//          [--user-data-dir=D] [--version] [FOLDER]; other VS Code flags are accepted and ignored.
// Env: CE_HARNESS_TIMEOUT_MS (default 300000), CE_HARNESS_SCREENSHOT (PNG path taken at the end),
//      CE_HARNESS_WORKSPACE_TRUST=enabled (workspace trust on: the folder opens in Restricted Mode).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const { CODE_SERVER_VERSION } = require('./prerequisites');
const { startServer, stopGroup, launchChromium } = require('./workbench');

/** Start-up messages of the web workbench that say nothing about the tests. */
const WORKBENCH_CHATTER =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin|\[Service Worker\]|ChatSessionStore|Updating additional builtin extensions cache)/;

/** Parses the VS Code CLI arguments that runTests passes. */
function parseArgs(argv) {
  const opts = { devPaths: [], testsPath: undefined, extensionsDir: undefined, userDataDir: undefined, folder: undefined, version: false };
  for (const arg of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!m) {
      opts.folder = path.resolve(arg);
      continue;
    }
    const [, name, value] = m;
    if (name === 'extensionDevelopmentPath') opts.devPaths.push(path.resolve(value));
    else if (name === 'extensionTestsPath') opts.testsPath = path.resolve(value);
    else if (name === 'extensions-dir') opts.extensionsDir = path.resolve(value);
    else if (name === 'user-data-dir') opts.userDataDir = path.resolve(value);
    else if (name === 'version') opts.version = true;
  }
  return opts;
}

/** Builds the workbench URL that opens FOLDER and runs the extension tests (payload as VS Code's own browser tests pass it). */
function workbenchUrl(port, opts) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [...opts.devPaths.map((p) => ['extensionDevelopmentPath', remote(p)])];
  if (opts.testsPath) payload.push(['extensionTestsPath', remote(opts.testsPath)]);
  const params = new URLSearchParams();
  if (opts.folder) params.set('folder', opts.folder);
  else params.set('ew', 'true');
  params.set('payload', JSON.stringify(payload));
  return `http://127.0.0.1:${port}/?${params.toString()}`;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.version) {
    process.stdout.write(`code-server ${CODE_SERVER_VERSION}\n`);
    return 0;
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ce-vscode-'));
  const timeoutMs = Number(process.env.CE_HARNESS_TIMEOUT_MS || 300_000);
  let server;
  let browser;
  try {
    server = await startServer({
      scratch,
      extensionsDir: opts.extensionsDir,
      userDataDir: opts.userDataDir,
      workspaceTrust: process.env.CE_HARNESS_WORKSPACE_TRUST === 'enabled',
    });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const exitCode = new Promise((resolve) => {
      page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The workbench forwards its own and the extension host's console calls (printf-style lists).
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      if (WORKBENCH_CHATTER.test(text)) return;
      (type === 'error' ? process.stderr : process.stdout).write(text.endsWith('\n') ? text : `${text}\n`);
    });
    await page.goto(workbenchUrl(server.port, opts));
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => {
        process.stderr.write(`[harness] tests did not finish in ${timeoutMs} ms; see ${scratch}/code-server.log\n`);
        resolve(1);
      }, timeoutMs);
    });
    const code = await Promise.race([exitCode, timeout]);
    clearTimeout(timer);
    if (process.env.CE_HARNESS_SCREENSHOT) {
      await page.screenshot({ path: process.env.CE_HARNESS_SCREENSHOT }).catch(() => undefined);
    }
    return code;
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    stopGroup(server && server.child);
    if (!process.env.CE_HARNESS_KEEP) fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`[harness] ${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  },
);
