import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { CareerEvidenceApi } from '../../../src/vscode/extension';

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
    const a = await vscode.extensions.getExtension<CareerEvidenceApi>('career-evidence.career-evidence')!.activate();
    await a.commitPromptsReady;
    const roots = (await a.evidenceTree.getChildren())!;
    const labels = roots.map((n) => a.evidenceTree.getTreeItem(n).label);
    assert.deepStrictEqual(labels, ['Decisions', 'Suggestions']);
    const suggestions = (await a.evidenceTree.getChildren(roots[1]))!.map((n) => a.evidenceTree.getTreeItem(n).label);
    assert.deepStrictEqual(suggestions, ['Git is not run in Restricted Mode. Trust this workspace to see your merged work.']);
    const view = (a as unknown as { evidenceView?: vscode.TreeView<unknown> }).evidenceView;
    assert.match(view?.message ?? '', /^Restricted Mode: documents are listed; git data/);
    assert.strictEqual(await vscode.commands.executeCommand('careerEvidence.scanMergedWork', { range: 'all' }), 0);
    const created = await vscode.commands.executeCommand<vscode.Uri>('careerEvidence.newDesignDoc', { kind: 'decision', title: 'Works untrusted' });
    assert.ok(created?.path.endsWith('/doc/adr/0003-works-untrusted.md'));
    await new Promise((r) => setTimeout(r, 1500)); // watchers and prompts would have run by now
    assert.strictEqual(calls(), '', `git was run: ${calls()}`);
  });
});
