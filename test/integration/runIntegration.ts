import * as fs from 'fs';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { evidenceRepo, removeDir, tempDir } from '../support/gitRepo';
import { PROJECT_ROOT } from '../support/paths';

// Runs the integration suites inside a real VS Code (code-server's workbench in headless Chromium,
// see test/harness/code-server-vscode.js) with @vscode/test-electron's runTests, and writes the
// layer's totals to CE_RESULTS_FILE. Every test file runs in a VS Code of its own, on a freshly
// made workspace: no file depends on what another one did, or on the order they run in.

const HARNESS = path.join(PROJECT_ROOT, 'test', 'harness', 'code-server-vscode.js');

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

/** A suite: folder under out/test/integration (each test file in it runs on its own), its workspace, and extra environment for VS Code. */
interface Suite {
  make(dir: string): string;
  env?(dir: string): Record<string, string>;
}

/**
 * Records every git process started under VS Code: git itself appends to GIT_TRACE's file. (A
 * wrapper first on PATH would not do: the extension host takes PATH from the login shell.)
 */
function recordingGit(dir: string): Record<string, string> {
  return { GIT_TRACE: path.join(dir, 'git-calls.log'), CE_GIT_CALLS_LOG: path.join(dir, 'git-calls.log') };
}

const SUITES: Record<string, Suite> = {
  // A real git repository with adr-tools ADRs and merged work (see evidenceRepo).
  // (git calls recorded: a test counts the history reads a commit causes).
  evidence: { make: (dir) => evidenceRepo(path.join(dir, 'shop')).root, env: recordingGit },
  // A folder with no evidence and no repository.
  empty: {
    make: (dir) => {
      const ws = path.join(dir, 'empty');
      fs.mkdirSync(ws);
      return ws;
    },
  },
  // The same repository opened in Restricted Mode, with git calls recorded.
  untrusted: {
    make: (dir) => evidenceRepo(path.join(dir, 'shop')).root,
    env: (dir) => ({ ...recordingGit(dir), CE_HARNESS_WORKSPACE_TRUST: 'enabled' }),
  },
};

/** The compiled test files of a suite, by name. */
function suiteFiles(name: string): string[] {
  const dir = path.join(__dirname, name);
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.test.js'))
        .sort()
    : [];
}

async function runSuite(name: string, suite: Suite, testFile: string): Promise<Totals> {
  const scratch = tempDir(`it-${name}`);
  const resultsFile = path.join(scratch, 'results.json');
  try {
    fs.mkdirSync(path.join(scratch, 'ws'));
    const workspace = suite.make(path.join(scratch, 'ws'));
    const started = Date.now();
    await runTests({
      vscodeExecutablePath: HARNESS,
      extensionDevelopmentPath: PROJECT_ROOT,
      extensionTestsPath: path.join(__dirname, 'index.js'),
      launchArgs: [workspace, `--extensions-dir=${path.join(scratch, 'extensions')}`],
      extensionTestsEnv: {
        CE_INTEGRATION_SUITE: name,
        CE_INTEGRATION_FILE: testFile,
        CE_SUITE_RESULTS: resultsFile,
        CE_FIXTURE_WORKSPACE: workspace,
        ...suite.env?.(scratch),
      },
    }).catch(() => undefined); // a failing run is read from the results file below
    process.stdout.write(`[integration] ${name}/${testFile} ran in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    if (!fs.existsSync(resultsFile)) return { passed: 0, failed: 1, skipped: 0 };
    const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    return { passed: r.passed, failed: r.failed, skipped: r.skipped };
  } finally {
    removeDir(scratch);
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
  // CE_INTEGRATION_ONLY=name runs only the test files whose name contains it (while developing; never in CI).
  const only = process.env.CE_INTEGRATION_ONLY;
  for (const [name, suite] of Object.entries(SUITES)) {
    const files = suiteFiles(name).filter((f) => !only || f.includes(only));
    if (files.length === 0 && !only) {
      process.stderr.write(`[integration] suite ${name} has no test file\n`);
      totals.failed += 1;
    }
    for (const file of files) {
      const r = await runSuite(name, suite, file);
      totals.passed += r.passed;
      totals.failed += r.failed;
      totals.skipped += r.skipped;
    }
  }
  if (process.env.CE_RESULTS_FILE) {
    fs.writeFileSync(process.env.CE_RESULTS_FILE, JSON.stringify({ layer: 'integration', ...totals, ms: Date.now() - started }) + '\n');
  }
  return totals.failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`[integration] ${err?.stack ?? err}\n`);
    process.exit(1);
  },
);
