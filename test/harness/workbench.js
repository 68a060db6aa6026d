// Starting code-server (a real VS Code: server + web workbench) and headless Debian Chromium, shared
// by the integration harness and the UI end-to-end tests. Facts from ../shared/README.md.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn, execFileSync } = require('child_process');
const { CODE_SERVER_ENTRY, CHROMIUM } = require('./prerequisites');

/**
 * Starts code-server in its own process group with a fresh user-data dir under `scratch` (or
 * `userDataDir`, to keep workspace storage from one run to the next)
 * (`workbench.startupEditor: none`, so no Welcome page steals focus); resolves with
 * `{ child, port }` once it listens on 127.0.0.1. Its log goes to `<scratch>/code-server.log`.
 * `settings` are added to the user settings. With `workspaceTrust`, workspace trust is on and
 * the opened folder stays untrusted (Restricted Mode: no trust prompt is shown).
 */
function startServer({ scratch, extensionsDir: givenExtensionsDir, userDataDir: givenUserDataDir, settings = {}, workspaceTrust = false }) {
  const userDataDir = givenUserDataDir || path.join(scratch, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'git.openRepositoryInParentFolders': 'never',
        ...(workspaceTrust ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false } : {}),
        ...settings,
      },
      null,
      2,
    ),
  );
  const home = path.join(scratch, 'home');
  fs.mkdirSync(home, { recursive: true });
  const configFile = path.join(scratch, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\n');
  const extensionsDir = givenExtensionsDir || path.join(scratch, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  const args = [
    CODE_SERVER_ENTRY,
    // A fixed port (CE_HARNESS_PORT) keeps the workbench's remote authority, hence its workspace
    // storage, the same from one run to the next; by default any free port.
    '--bind-addr',
    `127.0.0.1:${Number(process.env.CE_HARNESS_PORT) || 0}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--extensions-dir',
    extensionsDir,
    '--user-data-dir',
    userDataDir,
    '--config',
    configFile,
  ];
  const child = spawn(process.execPath, args, {
    detached: true, // its own process group, ended as a whole
    stdio: ['ignore', 'pipe', 'pipe'],
    // A home of its own: nothing the tests do (the default journal is ~/CareerEvidence/journal)
    // reaches the real home folder, and nothing there leaks into the tests.
    env: { ...process.env, HOME: home, EXTENSIONS_GALLERY: '{"serviceUrl":""}' },
  });
  logOutput(child, path.join(scratch, 'code-server.log'));
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`code-server did not start in 60 s:\n${seen}`)), 60_000);
    const onData = (d) => {
      seen += d.toString();
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code} before listening:\n${seen}`));
    });
  });
}

/**
 * Writes a child's stdout and stderr to one log file, ended only once the process has closed both:
 * piped with the default `end: true`, whichever stream ended first would end the file, and the
 * other's next write would throw ERR_STREAM_WRITE_AFTER_END (seen at teardown, when code-server
 * logs while it stops). A write error (the scratch folder removed under it) is reported, never thrown.
 */
function logOutput(child, file) {
  const log = fs.createWriteStream(file);
  log.on('error', (err) => process.stderr.write(`[workbench] ${path.basename(file)}: ${err.message}\n`));
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  child.on('close', () => log.end());
  return log;
}

function stopGroup(child) {
  if (!child || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

/** Launches headless Debian Chromium with the flags this closed network needs. */
function launchChromium() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Installs a packaged extension (.vsix) into `extensionsDir` with code-server's CLI. */
function installExtension(vsix, extensionsDir) {
  execFileSync(process.execPath, [CODE_SERVER_ENTRY, '--install-extension', vsix, '--extensions-dir', extensionsDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, EXTENSIONS_GALLERY: '{"serviceUrl":""}' },
  });
}

module.exports = { startServer, stopGroup, launchChromium, installExtension, logOutput };
