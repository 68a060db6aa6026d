import * as assert from 'assert';
import * as vscode from 'vscode';
import { EvidenceTreeProvider } from '../../../src/vscode/evidenceView/evidenceTree';
import { ViewState } from '../../../src/vscode/evidenceView/viewState';
import { api, children, workspaceRoot, evidenceRoots, suggestionRows } from './helpers';

describe('Evidence view', () => {
  it('groups the decision records of the workspace under Decisions, then Suggestions', async () => {
    const a = await api();
    const roots = await evidenceRoots(a);
    assert.deepStrictEqual(
      roots.map((r) => [r.label, r.description]),
      [
        ['Decisions', '2'],
        ['Suggestions', ''],
      ],
    );
    const decisions = await children(a, roots[0].node);
    assert.deepStrictEqual(
      decisions.map((d) => [d.label, d.description]),
      [
        ['Record architecture decisions', 'accepted · 2026-01-12'],
        ['Use PostgreSQL for billing', 'proposed · 2026-02-03'],
      ],
    );
    const first = decisions[0].item;
    assert.strictEqual(
      first.resourceUri?.toString(),
      vscode.Uri.joinPath(workspaceRoot(), 'doc/adr/0001-record-architecture-decisions.md').toString(),
    );
    assert.strictEqual(first.command?.command, 'vscode.open');
    assert.strictEqual(first.tooltip, undefined, 'the tooltip is made on hover, not sent with every row');
    const hovered = await a.evidenceTree.resolveTreeItem(first, decisions[0].node);
    assert.ok(hovered.tooltip instanceof vscode.MarkdownString && hovered.tooltip.value.includes('Accepted'));
  });

  it('opens with the grouping remembered for the workspace', async () => {
    const a = await api();
    // A window opened again: its workspace storage says "status".
    const remembered: vscode.Memento = {
      keys: () => ['careerEvidence.groupBy'],
      get: <T>() => 'status' as T,
      update: async () => undefined,
    };
    const state = new ViewState(remembered);
    const provider = new EvidenceTreeProvider(a.services, state);
    try {
      const labels = (await provider.getChildren()).map((n) => provider.getTreeItem(n).label);
      assert.deepStrictEqual(labels, ['Benchmark', 'Proposed', 'Accepted', 'Suggestions']);
    } finally {
      provider.dispose();
      state.dispose();
      await vscode.commands.executeCommand('careerEvidence.groupBy', 'kind'); // the real view's context keys again
    }
  });

  it('opens a decision record when its item is run', async () => {
    const a = await api();
    const [decisionsGroup] = await evidenceRoots(a);
    const [first] = await children(a, decisionsGroup.node);
    await vscode.commands.executeCommand(first.item.command!.command, ...(first.item.command!.arguments ?? []));
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.path, first.item.resourceUri?.path);
  });

  it('lists my merged work as suggestions: the squash, the PR merged by a colleague, my commit', async () => {
    const a = await api();
    const suggestions = await suggestionRows(a);
    assert.deepStrictEqual(
      suggestions.map((s) => [s.label, s.description]),
      [
        ['Speed up search', '#13 · 2026-03-20 · performance'],
        ['Add export to CSV', '#12 · 2026-03-05'],
        ['Record the first decisions', `${suggestions[2].description.slice(0, 7)} · 2026-02-03`],
      ],
    );
    assert.ok(!suggestions.some((s) => s.label === 'Add a README'), "a colleague's commit is not mine");
  });

  it("shows a suggestion's details rendered in a panel, with Accept, Dismiss and New STAR Story", async () => {
    const a = await api();
    const [merge] = (await suggestionRows(a)).filter((s) => s.label === 'Add export to CSV');
    const panel = (await vscode.commands.executeCommand(
      merge.item.command!.command,
      ...(merge.item.command!.arguments ?? []),
    )) as vscode.WebviewPanel;
    const html = panel.webview.html;
    assert.strictEqual(panel.title, 'Add export to CSV');
    assert.match(html, /<h1>Add export to CSV<\/h1>/);
    assert.match(html, /of pull request #12 \(github\)/);
    assert.match(html, /Finance can now export invoices without asking engineering\./);
    for (const action of ['accept', 'acceptAndEdit', 'dismiss', 'newStory']) assert.match(html, new RegExp(`data-action="${action}"`));
    assert.ok(!html.includes('openPullRequest'), 'no Open Pull Request: the fixture has no remote, so no web address');
    assert.match(html, new RegExp(`script-src ${panel.webview.cspSource.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')};`));
    panel.dispose();
  });

  it('Scan Merged Work mines again and reports the count', async () => {
    const count = await vscode.commands.executeCommand<number>('careerEvidence.scanMergedWork', { range: 'all' });
    assert.strictEqual(count, 3);
  });
});
