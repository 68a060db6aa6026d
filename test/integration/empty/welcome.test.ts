import * as assert from 'assert';
import * as vscode from 'vscode';
import { internals } from '../internals';

describe('empty workspace', () => {
  it('gives the Evidence view no items, so its welcome content (New Design Doc, Scan merged work) shows', async () => {
    const a = await internals();
    assert.deepStrictEqual(await a.evidenceTree.getChildren(), []);
  });

  it('says why there is no merged work when the folder is not a repository', async () => {
    const count = await vscode.commands.executeCommand<number>('careerEvidence.scanMergedWork', { range: 'all' });
    assert.strictEqual(count, 0);
    const [folder] = await (await internals()).services.mergedWork.all();
    assert.strictEqual(folder.state, 'unavailable');
    assert.match(folder.state === 'unavailable' ? folder.reason : '', /not a git repository/);
  });
});
