#!/usr/bin/env node
// Installs what the integration and UI test layers need on a fresh machine of this kind:
// Debian packages (when running as root) and code-server from npm — a real VS Code (server +
// web workbench) since desktop VS Code cannot be downloaded here. Facts from ../shared/README.md.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

/** code-server 4.100.3 bundles VS Code 1.100.3 and runs on Node 20; keep engines.vscode at or below it. */
const CODE_SERVER_VERSION = '4.100.3';
const RIPGREP_CACHE = `vscode-ripgrep-cache-1.15.11`;
const RIPGREP_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
// chromium, libkrb5-dev, ripgrep: code-server and the browser; adr-tools: the real adr-tools the
// interoperability tests compare our ADR edits with.
const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'ripgrep', 'adr-tools'];
const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const INSTALL_DIR = path.join(PROJECT_ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);

/** Absolute path of code-server's Node entry point once installed. */
const CODE_SERVER_ENTRY = path.join(INSTALL_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = '/usr/bin/chromium';

function log(msg) {
  process.stderr.write(`[prerequisites] ${msg}\n`);
}

function ensureDebianPackages() {
  const missing = [];
  if (!fs.existsSync(CHROMIUM)) missing.push('chromium');
  if (!fs.existsSync('/usr/bin/rg')) missing.push('ripgrep');
  if (!fs.existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (!fs.existsSync('/usr/bin/adr')) missing.push('adr-tools');
  if (missing.length === 0) return;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new Error(`missing Debian packages ${missing.join(', ')}; run: sudo apt-get install -y ${DEBIAN_PACKAGES.join(' ')}`);
  }
  log(`installing Debian packages: ${DEBIAN_PACKAGES.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...DEBIAN_PACKAGES], { stdio: 'inherit', env });
}

/** @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache holds the tarball. */
function seedRipgrepCache() {
  const dir = path.join(os.tmpdir(), RIPGREP_CACHE);
  const tarball = path.join(dir, RIPGREP_TARBALL);
  if (fs.existsSync(tarball)) return;
  fs.mkdirSync(dir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-stage-'));
  fs.copyFileSync('/usr/bin/rg', path.join(staging, 'rg'));
  fs.chmodSync(path.join(staging, 'rg'), 0o755);
  const partial = `${tarball}.${process.pid}.partial`;
  execFileSync('tar', ['-czf', partial, '-C', staging, 'rg']);
  fs.renameSync(partial, tarball);
  fs.rmSync(staging, { recursive: true, force: true });
}

function ensureCodeServer() {
  if (fs.existsSync(CODE_SERVER_ENTRY)) return;
  log(`installing code-server@${CODE_SERVER_VERSION} into ${path.relative(PROJECT_ROOT, INSTALL_DIR)} (about a minute, once)`);
  seedRipgrepCache();
  fs.mkdirSync(INSTALL_DIR, { recursive: true });
  fs.writeFileSync(path.join(INSTALL_DIR, 'package.json'), JSON.stringify({ name: 'code-server-host', private: true }) + '\n');
  const env = {
    ...process.env,
    npm_config_unsafe_perm: 'true', // as root the postinstall otherwise refuses to run
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
  execFileSync('npm', ['install', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: INSTALL_DIR,
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
  });
  if (!fs.existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server installed but ${CODE_SERVER_ENTRY} is missing`);
}

/** Debian packages always; code-server unless `--debian-only` (layers that need no VS Code). */
function main(argv = process.argv.slice(2)) {
  ensureDebianPackages();
  if (!argv.includes('--debian-only')) ensureCodeServer();
}

module.exports = { CODE_SERVER_VERSION, CODE_SERVER_ENTRY, CHROMIUM, main };

if (require.main === module) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`[prerequisites] ${err.message}\n`);
    process.exit(1);
  }
}
