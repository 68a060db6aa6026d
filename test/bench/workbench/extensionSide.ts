// Loaded inside a real VS Code (code-server) by test/bench/workbench.js as `extensionTestsPath`:
// measures the Evidence view on the synthetic 10,000-document repository and writes the figures
// (ms, MB) as JSON to CE_BENCH_RESULTS. A measurement, not a test: it asserts nothing.
import * as inspector from 'inspector';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import * as vscode from 'vscode';
import type { EvidenceNode } from '../../../src/vscode/evidenceView/evidenceTree';
import { TEST_HOOK_COMMAND, type TestInternals } from '../../../src/vscode/testHook';

// The module object itself (not an ES namespace copy), so that the probe's wrappers are seen by our bundle.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs: typeof import('fs') = require('fs');
const EXTENSION_ID = 'career-evidence.career-evidence';
const OUR_CODE = `${path.sep}dist${path.sep}extension.js`;

/** File-system calls made by our bundle while the probe is on (stack frames in dist/extension.js). */
function probeFileReads(): { stop(): string[] } {
  const calls: string[] = [];
  const restore: (() => void)[] = [];
  const wrap = (target: Record<string, unknown>, name: string, label: string) => {
    const original = target[name];
    if (typeof original !== 'function') return;
    target[name] = function (this: unknown, ...args: unknown[]) {
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 50;
      const stack = new Error().stack ?? '';
      Error.stackTraceLimit = limit;
      if (stack.includes(OUR_CODE)) calls.push(`${label}(${String(args[0])})${/\bat activate \(/.test(stack) ? ' inside activate()' : ''}`);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
    restore.push(() => (target[name] = original));
  };
  const names = [
    'readFile',
    'readFileSync',
    'open',
    'openSync',
    'readdir',
    'readdirSync',
    'stat',
    'statSync',
    'lstat',
    'lstatSync',
    'existsSync',
    'access',
    'accessSync',
  ];
  for (const n of names) wrap(fs as unknown as Record<string, unknown>, n, `fs.${n}`);
  for (const n of ['readFile', 'open', 'readdir', 'stat', 'lstat', 'access'])
    wrap(fs.promises as unknown as Record<string, unknown>, n, `fs.promises.${n}`);
  return {
    stop() {
      for (const r of restore) r();
      return calls;
    },
  };
}

/**
 * With CE_BENCH_PROFILE (a file path), a CPU profile of `work` in this extension host, written as a
 * `.cpuprofile` (open it in Chrome DevTools or VS Code); otherwise just `work`.
 */
async function profiled<T>(work: () => Promise<T>): Promise<T> {
  const file = process.env.CE_BENCH_PROFILE;
  if (!file) return work();
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

const now = () => performance.now();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

function heapMb(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** getChildren of every group (and each group's getTreeItem calls), timed, for the current grouping. */
async function timeGroups(
  tree: TestInternals['evidenceTree'],
): Promise<{ root: number[]; group: number[]; items: number[]; groups: number }> {
  const root: number[] = [];
  let roots: EvidenceNode[] = [];
  for (let i = 0; i < 5; i++) {
    const t = now();
    roots = await tree.getChildren();
    root.push(now() - t);
  }
  const group: number[] = [];
  const items: number[] = [];
  for (const g of roots) {
    if (g.type !== 'group') continue;
    const t = now();
    const children = await tree.getChildren(g);
    group.push(now() - t);
    // VS Code asks getTreeItem only for the rows it renders (about 40 in a view this tall).
    const t2 = now();
    for (const c of children.slice(0, 40)) tree.getTreeItem(c);
    items.push(now() - t2);
  }
  return { root, group, items, groups: roots.length };
}

export async function run(): Promise<void> {
  const results: Record<string, unknown> = {};
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded`);
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  results.activeBeforeProbe = ext.isActive;
  const heapBefore = heapMb(gc);
  const probe = ext.isActive ? undefined : probeFileReads();
  await ext.activate();
  results.fileCallsDuringActivation = probe?.stop() ?? null;
  const api = (await vscode.commands.executeCommand<TestInternals>(TEST_HOOK_COMMAND))!;
  results.activationMs = api.activationMs;

  // Cold index: every document read and parsed, then dates and authors from one git log. By default
  // once the workbench has settled (its own start-up, the git extension and the file watcher's crawl
  // of 11,000 files share these two cores); CE_BENCH_SETTLE_MS=0 measures it during start-up.
  await delay(Number(process.env.CE_BENCH_SETTLE_MS ?? 5000));
  let t = now();
  const { folders } = await profiled(() => api.services.index.snapshot());
  results.coldIndexMs = now() - t;
  results.documents = folders.reduce((n, f) => n + f.documents.length, 0);
  results.problems = folders.reduce((n, f) => n + f.problems.length, 0);
  results.withGitAuthor = folders.reduce((n, f) => n + f.documents.filter((d) => d.details?.added).length, 0);
  // The tree's roots are made as the index loads: from the index's answer to the roots being ready.
  t = now();
  await api.evidenceTree.getChildren();
  results.rootsAfterLoadMs = now() - t;

  // The same read again, warm, straight from the Node adapter: the extension host's own speed.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { scanEvidence } = require('../../../src/node/scanEvidence') as typeof import('../../../src/node/scanEvidence');
  const rescans: number[] = [];
  for (let i = 0; i < 3; i++) {
    t = now();
    await scanEvidence(folders[0].folder.root);
    rescans.push(now() - t);
  }
  results.warmScanMs = median(rescans);

  t = now();
  await api.evidenceTree.getChildren();
  results.firstRootMs = now() - t;
  const byGrouping: Record<string, unknown> = {};
  for (const by of ['kind', 'quarter', 'status', 'tag']) {
    // What the user waits for: from the command to the tree's refresh and its new roots (saving the
    // choice in workspace storage may finish later).
    t = now();
    const refreshed = new Promise<void>((resolve) => {
      const sub = api.evidenceTree.onDidChangeTreeData(() => (sub.dispose(), resolve()));
    });
    const command = vscode.commands.executeCommand('careerEvidence.groupBy', by);
    await refreshed;
    await api.evidenceTree.getChildren();
    const regroupMs = now() - t;
    await command;
    const r = await timeGroups(api.evidenceTree);
    byGrouping[by] = {
      groups: r.groups,
      regroupMs,
      rootMedianMs: median(r.root),
      rootMaxMs: Math.max(...r.root),
      groupMaxMs: Math.max(...r.group),
      treeItemsMaxMs: Math.max(...r.items),
    };
  }
  await vscode.commands.executeCommand('careerEvidence.groupBy', 'kind');
  results.getChildren = byGrouping;
  results.heapMb = heapMb(gc) - heapBefore;

  // One changed file: from the file watcher's event to the tree showing the new title.
  const folder = vscode.workspace.workspaceFolders![0];
  const rel = 'doc/adr/0042-decision-42.md';
  const file = path.join(folder.uri.fsPath, rel);
  const changeMs: number[] = [];
  // The decisions group is expanded, as in a user's view: its rows are what an edit refreshes.
  const decisionsGroup = (await api.evidenceTree.getChildren()).find((g) => g.type === 'group' && g.key === 'decision');
  if (decisionsGroup) await api.evidenceTree.getChildren(decisionsGroup);
  for (let i = 1; i <= 7; i++) {
    const title = `Decision 42, edit ${i}`;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, rel));
    let watched = 0;
    watcher.onDidChange(() => (watched ||= now()));
    const shown = new Promise<number>((resolve) => {
      const sub = api.evidenceTree.onDidChangeTreeData(async () => {
        const roots = await api.evidenceTree.getChildren();
        const decisions = roots.find((g) => g.type === 'group' && g.key === 'decision');
        const kids = decisions ? await api.evidenceTree.getChildren(decisions) : [];
        if (kids.some((k) => k.type === 'document' && k.label === title)) {
          sub.dispose();
          resolve(now());
        }
      });
    });
    fs.writeFileSync(file, `# 42. ${title}\n\nDate: 2025-07-16\n\n## Status\n\nAccepted\n\n## Context\n\nText ${i}.\n`);
    const at = await Promise.race([shown, delay(10_000).then(() => NaN)]);
    watcher.dispose();
    if (watched && at) changeMs.push(at - watched);
    await delay(Number(process.env.CE_BENCH_EDIT_GAP_MS ?? 300));
  }
  results.changeToTreeMs = changeMs;

  fs.writeFileSync(process.env.CE_BENCH_RESULTS!, JSON.stringify(results, null, 2));
}
