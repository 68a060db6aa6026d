#!/usr/bin/env node
// The project's test command (`npm test`): installs what the test layers need, builds, runs every
// layer, and ends with the totals of all layers on one line: `N passed, N failed, N skipped`.
//   layers: lint (eslint with the layer rules, import cycles, formatting) · unit (core and view
//           models, plain mocha, nothing outside the repository) · node (adapters, CLI, real git
//           repos, corpus) · integration (inside a real VS Code: code-server + headless Chromium)
//           · e2e (UI, packaged .vsix)
// Run a subset with: npm test -- unit node (the unit and lint layers install nothing)
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(ROOT, 'test-results');
const LAYERS = {
  lint: ['node', 'test/harness/lintLayer.js'],
  unit: ['node', 'test/harness/mochaLayer.js', 'unit', 'out/test/unit'],
  node: ['node', 'test/harness/mochaLayer.js', 'node', 'out/test/node'],
  integration: ['node', 'out/test/integration/runIntegration.js'],
  e2e: ['node', 'test/harness/mochaLayer.js', 'e2e', 'out/test/e2e'],
};

function step(title, cmd, args, env) {
  process.stdout.write(`\n=== ${title}\n`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function main() {
  const wanted = process.argv.slice(2).filter((a) => LAYERS[a]);
  const layers = wanted.length > 0 ? wanted : Object.keys(LAYERS);
  const needsVsCode = layers.some((l) => l === 'integration' || l === 'e2e');
  // The node layer compares our ADR edits with Debian's adr-tools; lint and unit need nothing.
  const needsDebian = needsVsCode || layers.includes('node');
  fs.mkdirSync(RESULTS, { recursive: true });

  const prereqArgs = ['test/harness/prerequisites.js', ...(needsVsCode ? [] : ['--debian-only'])];
  if (needsDebian && !step(`prerequisites (Debian packages${needsVsCode ? ', code-server' : ''})`, 'node', prereqArgs)) {
    process.stdout.write('\nprerequisites failed\n0 passed, 1 failed\n');
    return 1;
  }
  // Compiled tests of files renamed or deleted since the last build must not run: start from nothing.
  fs.rmSync(path.join(ROOT, 'out'), { recursive: true, force: true });
  if (
    !step('build (esbuild)', 'node', ['esbuild.js']) ||
    !step('compile tests (tsc)', 'node', ['node_modules/typescript/bin/tsc', '-p', '.'])
  ) {
    process.stdout.write('\nbuild failed\n0 passed, 1 failed\n');
    return 1;
  }

  const totals = { passed: 0, failed: 0, skipped: 0 };
  const rows = [];
  for (const layer of layers) {
    const resultsFile = path.join(RESULTS, `${layer}.json`);
    fs.rmSync(resultsFile, { force: true });
    const started = Date.now();
    const ok = step(`layer: ${layer}`, LAYERS[layer][0], LAYERS[layer].slice(1), { CE_RESULTS_FILE: resultsFile });
    let r;
    try {
      r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    } catch {
      r = { passed: 0, failed: 1, skipped: 0, note: 'the layer ended without reporting results' };
    }
    if (!ok && r.failed === 0) r = { ...r, failed: 1, note: 'the layer exited non-zero' };
    totals.passed += r.passed;
    totals.failed += r.failed;
    totals.skipped += r.skipped;
    rows.push(
      `  ${layer.padEnd(12)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed ${String(r.skipped).padStart(3)} skipped  ${((Date.now() - started) / 1000).toFixed(1)} s${r.note ? `  (${r.note})` : ''}`,
    );
  }
  process.stdout.write(`\n=== summary\n${rows.join('\n')}\n`);
  process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
  return totals.failed > 0 ? 1 : 0;
}

process.exitCode = main();
