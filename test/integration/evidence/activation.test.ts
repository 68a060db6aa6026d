import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, api } from './helpers';

describe('activation', () => {
  it('activates only after start-up or on use: never on "*" or on workspace contents', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension is loaded in the workbench');
    // (A dashboard left open when VS Code closed is restored by its serializer: on use too.)
    assert.deepStrictEqual(ext.packageJSON.activationEvents, ['onStartupFinished', 'onWebviewPanel:careerEvidence.dashboard']);
  });

  it('activates, returns its API and registers its commands', async () => {
    const a = await api();
    assert.ok(a.evidenceTree && a.services);
    console.log(`      (activate() took ${a.activationMs.toFixed(1)} ms)`); // measured, not asserted
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'careerEvidence.newDesignDoc',
      'careerEvidence.scanMergedWork',
      'careerEvidence.refresh',
      'careerEvidence.showSuggestion',
    ]) {
      assert.ok(commands.includes(id), id);
    }
  });

  it('runs in a real VS Code workbench', () => {
    assert.strictEqual(vscode.env.appName, 'code-server');
    assert.match(vscode.version, /^1\.\d+\.\d+/);
  });
});
