import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { internals } from '../internals';

// The workspace is a real repository opened in Restricted Mode; GIT_TRACE records every git process.

describe('untrusted workspace (Restricted Mode)', function () {
  this.timeout(30_000);
  const calls = () => (fs.existsSync(process.env.CE_GIT_CALLS_LOG!) ? fs.readFileSync(process.env.CE_GIT_CALLS_LOG!, 'utf8') : '');

  it('opens in Restricted Mode, and the recording git works', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    execFileSync('git', ['--version']); // GIT_TRACE reaches every git the extension host starts
    assert.match(calls(), /trace: built-in: git version/);
    fs.writeFileSync(process.env.CE_GIT_CALLS_LOG!, '');
  });

  it('still lists documents, says why merged work is not read, and runs no git at all', async () => {
    const a = await internals();
    await a.commitPromptsReady;
    const roots = (await a.evidenceTree.getChildren())!;
    const labels = roots.map((n) => a.evidenceTree.getTreeItem(n).label);
    assert.deepStrictEqual(labels, ['Benchmark', 'Decisions', 'Suggestions']);
    const benchmark = (await a.evidenceTree.getChildren(roots[0]))!.map((n) => a.evidenceTree.getTreeItem(n).label);
    assert.deepStrictEqual(benchmark, ['Restricted Mode: the benchmark reads git history']);
    await a.services.mergedWork.all();
    const [trust] = (await a.evidenceTree.getChildren(roots[2]))!.map((n) => a.evidenceTree.getTreeItem(n));
    assert.strictEqual(trust.label, 'Restricted Mode: trust this folder to read merged work…');
    assert.strictEqual(trust.command?.command, 'workbench.trust.manage', 'one click to Manage Workspace Trust');
    assert.strictEqual(trust.tooltip, 'Git is not run in Restricted Mode. Trust this workspace to see your merged work.');
    assert.match(a.evidenceView.message ?? '', /^Restricted Mode: documents are listed; git data/);
    assert.strictEqual(await vscode.commands.executeCommand('careerEvidence.scanMergedWork', { range: 'all' }), 0);
    // New Design Doc numbers past every branch and reads git's user.name when git may run.
    const watcher = vscode.workspace.createFileSystemWatcher('**/0003-works-untrusted.md');
    const seen = new Promise((resolve) => watcher.onDidCreate(resolve));
    const created = await vscode.commands.executeCommand<vscode.Uri>('careerEvidence.newDesignDoc', {
      kind: 'decision',
      title: 'Works untrusted',
    });
    assert.ok(created?.path.endsWith('/doc/adr/0003-works-untrusted.md'));
    // The index takes the file event (where who added it would be read from git): its watcher sees
    // the file in the same batch as ours and applies the batch one turn later (setImmediate), so an
    // update queued after that turn runs after the index's own.
    await seen;
    watcher.dispose();
    await new Promise((resolve) => setImmediate(resolve));
    await a.services.index.update([created]);
    assert.strictEqual(await a.services.git.repository(vscode.workspace.workspaceFolders![0]), undefined, 'no repository is opened');
    assert.strictEqual(calls(), '', `git was run: ${calls()}`);
  });
});
