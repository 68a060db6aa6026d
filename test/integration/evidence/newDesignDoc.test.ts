import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, children, workspaceRoot, evidenceRoots } from './helpers';

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('New Design Doc', () => {
  it('writes the next adr-tools ADR into doc/adr, opens it, and the tree shows it', async () => {
    const a = await api();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('careerEvidence.newDesignDoc', {
      kind: 'decision',
      title: 'Cache search results',
    });
    assert.ok(uri, 'a file was created');
    assert.strictEqual(uri.toString(), vscode.Uri.joinPath(workspaceRoot(), 'doc/adr/0003-cache-search-results.md').toString());
    assert.match(await read(uri), /^# 3\. Cache search results\n\nDate: \d{4}-\d{2}-\d{2}\n\n## Status\n\nProposed\n/);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    const [decisions] = await evidenceRoots(a);
    assert.strictEqual(decisions.description, '3');
    assert.ok((await children(a, decisions.node)).some((d) => d.label === 'Cache search results'));
  });

  it('keeps a hostile title inside the repository and never overwrites', async () => {
    const before = await read(vscode.Uri.joinPath(workspaceRoot(), 'doc/adr/0001-record-architecture-decisions.md'));
    const uri = await vscode.commands.executeCommand<vscode.Uri>('careerEvidence.newDesignDoc', {
      kind: 'decision',
      title: '../../0001-record-architecture-decisions',
    });
    assert.strictEqual(uri?.path, vscode.Uri.joinPath(workspaceRoot(), 'doc/adr/0004-0001-record-architecture-decisions.md').path);
    assert.strictEqual(await read(vscode.Uri.joinPath(workspaceRoot(), 'doc/adr/0001-record-architecture-decisions.md')), before);
  });

  it('writes RFCs and tradeoff notes in their own folders', async () => {
    const rfc = await vscode.commands.executeCommand<vscode.Uri>('careerEvidence.newDesignDoc', {
      kind: 'rfc',
      title: 'Queue the search index',
      documentFolder: 'docs/rfcs',
    });
    assert.ok(rfc?.path.endsWith('/docs/rfcs/0001-queue-the-search-index.md'));
    assert.match(await read(rfc), /^---\ncareer-kind: rfc\n/);
    const tradeoff = await vscode.commands.executeCommand<vscode.Uri>('careerEvidence.newDesignDoc', {
      kind: 'tradeoff',
      title: 'Build or buy search',
      documentFolder: 'docs/tradeoffs',
    });
    assert.ok(tradeoff?.path.endsWith('/docs/tradeoffs/0001-build-or-buy-search.md'));
    const a = await api();
    const labels = (await evidenceRoots(a)).map((r) => r.label);
    assert.deepStrictEqual(labels, ['Decisions', 'RFCs', 'Tradeoff notes', 'Suggestions']);
  });
});
