import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { api, children, waitFor, workspaceRoot, evidenceRoots } from './helpers';

const file = (rel: string) => vscode.Uri.joinPath(workspaceRoot(), rel);
const disk = (rel: string) => fs.readFileSync(file(rel).fsPath, 'utf8');

async function editorFor(rel: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(file(rel), { preview: false });
}

describe('design document lifecycle (Change Status, Supersede, Link)', function () {
  this.timeout(30_000);
  before(async () => {
    // The fixture's ADRs 0001 and 0002, and two more: the successor below is 0005.
    await (await api()).services.index.snapshot();
    await vscode.commands.executeCommand('careerEvidence.newDesignDoc', { kind: 'decision', title: 'Cache search results' });
    await vscode.commands.executeCommand('careerEvidence.newDesignDoc', { kind: 'decision', title: 'Queue uploads' });
  });

  it('Change Status writes the adr-tools status line, and Undo restores it', async () => {
    const rel = 'doc/adr/0002-use-postgresql-for-billing.md';
    const before = disk(rel);
    const a = await api();
    await a.services.index.snapshot();
    let rescans = 0;
    const sub = a.services.index.onDidChange((change) => change.layoutChanged && rescans++);
    await vscode.commands.executeCommand('careerEvidence.changeStatus', file(rel), { status: 'accepted' });
    sub.dispose();
    assert.strictEqual(disk(rel), before.replace('## Status\n\nProposed\n', '## Status\n\nAccepted\n'));
    assert.strictEqual(rescans, 0, 'only the edited file is re-read, no rescan');
    const [folder] = a.services.index.current.folders;
    assert.strictEqual(
      folder.documents.find((d) => d.item.path === rel)?.item.status,
      'accepted',
      'the index has the new status as soon as the command returns',
    );
    const editor = await editorFor(rel);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), before, 'undo brings the old status back');
    await editor.document.save();
    assert.strictEqual(disk(rel), before);
  });

  it('edits an unsaved buffer instead of the file on disk', async () => {
    const rel = 'doc/adr/0002-use-postgresql-for-billing.md';
    const onDisk = disk(rel);
    const editor = await editorFor(rel);
    await editor.edit((b) => b.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, '\nUnsaved note.\n'));
    assert.ok(editor.document.isDirty);
    await vscode.commands.executeCommand('careerEvidence.changeStatus', file(rel), { status: 'rejected' });
    assert.strictEqual(disk(rel), onDisk, 'the file on disk is untouched');
    assert.ok(editor.document.isDirty, 'the buffer stays unsaved');
    assert.match(editor.document.getText(), /## Status\n\nRejected\n[\s\S]*Unsaved note\.\n$/);
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('refuses a transition that is not allowed, with a clear error', async () => {
    const rel = 'doc/adr/0001-record-architecture-decisions.md';
    const before = disk(rel);
    const result = await vscode.commands.executeCommand('careerEvidence.changeStatus', file(rel), { status: 'proposed' });
    assert.strictEqual(result, undefined);
    assert.strictEqual(disk(rel), before);
  });

  it('Supersede… creates the successor and writes the links both ways', async () => {
    const created = await vscode.commands.executeCommand<vscode.Uri>(
      'careerEvidence.supersede',
      file('doc/adr/0001-record-architecture-decisions.md'),
      { title: 'Record decisions in MADR' },
    );
    assert.ok(created?.path.endsWith('/doc/adr/0005-record-decisions-in-madr.md'), created?.path);
    assert.match(
      disk('doc/adr/0001-record-architecture-decisions.md'),
      /## Status\n\nSuperseded by \[5\. Record decisions in MADR\]\(0005-record-decisions-in-madr\.md\)\n/,
    );
    assert.match(
      disk('doc/adr/0005-record-decisions-in-madr.md'),
      /## Status\n\nProposed\n\nSupersedes \[1\. Record architecture decisions\]\(0001-record-architecture-decisions\.md\)\n/,
    );
    const a = await api();
    const [decisions] = await evidenceRoots(a);
    const rows = await waitFor(async () => {
      const r = await children(a, decisions.node);
      return r.some((d) => d.label === 'Record decisions in MADR') ? r : undefined;
    }, 'the successor in the tree');
    const superseded = rows.find((d) => d.label === 'Record architecture decisions')!;
    assert.match(superseded.description, /^superseded/);
    // Each row leads to the other: link rows, made when the row is expanded.
    assert.strictEqual(superseded.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const [successor] = await children(a, superseded.node);
    assert.deepStrictEqual([successor.label, successor.description], ['Record decisions in MADR', 'superseded by']);
    assert.ok(successor.item.id?.startsWith(`${superseded.item.id}:link:`), successor.item.id);
    assert.strictEqual(a.evidenceTree.getParent(successor.node), superseded.node, "reveal finds the link row's parent");
    const successorRow = rows.find((d) => d.label === 'Record decisions in MADR')!;
    const [predecessor] = await children(a, successorRow.node);
    assert.deepStrictEqual([predecessor.label, predecessor.description], ['Record architecture decisions', 'supersedes']);
    assert.strictEqual(
      (predecessor.item.command?.arguments?.[0] as vscode.Uri).fsPath,
      file('doc/adr/0001-record-architecture-decisions.md').fsPath,
    );
    const unlinked = rows.find((d) => d.label === 'Use PostgreSQL for billing')!;
    assert.strictEqual(unlinked.item.collapsibleState, vscode.TreeItemCollapsibleState.None);
    assert.deepStrictEqual(await a.evidenceTree.getChildren(unlinked.node), []);
    const again = await vscode.commands.executeCommand('careerEvidence.supersede', file('doc/adr/0001-record-architecture-decisions.md'), {
      title: 'Twice',
    });
    assert.strictEqual(again, undefined, 'an already superseded document is refused');
  });

  it('Link… writes the relation and its reverse', async () => {
    await vscode.commands.executeCommand('careerEvidence.link', file('doc/adr/0005-record-decisions-in-madr.md'), {
      relation: 'Amends',
      to: '0002',
    });
    assert.match(
      disk('doc/adr/0005-record-decisions-in-madr.md'),
      /\n\nAmends \[2\. Use PostgreSQL for billing\]\(0002-use-postgresql-for-billing\.md\)\n/,
    );
    assert.match(
      disk('doc/adr/0002-use-postgresql-for-billing.md'),
      /\n\nAmended by \[5\. Record decisions in MADR\]\(0005-record-decisions-in-madr\.md\)\n/,
    );
    // The row of 0002, expanded before with no links, now leads to its amendment.
    const a = await api();
    const amended = await waitFor(async () => {
      const [decisions] = await evidenceRoots(a);
      const row = (await children(a, decisions.node)).find((d) => d.label === 'Use PostgreSQL for billing');
      const links = row ? await children(a, row.node) : [];
      return links.length > 0 ? { row, links } : undefined;
    }, 'the amended-by link row');
    assert.strictEqual(amended.row!.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.deepStrictEqual(
      amended.links.map((l) => `${l.label} · ${l.description}`),
      ['Record decisions in MADR · amended by'],
    );
  });

  it("shows a linked document's new title in the rows that link to it", async () => {
    const a = await api();
    const rel = 'doc/adr/0005-record-decisions-in-madr.md';
    const original = disk(rel);
    const linkLabels = async (title: string) => {
      const [decisions] = await evidenceRoots(a);
      const row = (await children(a, decisions.node)).find((d) => d.label === title);
      return row ? (await children(a, row.node)).map((l) => l.label) : [];
    };
    assert.deepStrictEqual(
      await linkLabels('Use PostgreSQL for billing'),
      ['Record decisions in MADR'],
      'the link row, made before the edit',
    );
    try {
      fs.writeFileSync(file(rel).fsPath, original.replace('# 5. Record decisions in MADR', '# 5. Record decisions in MADR 4'));
      await waitFor(
        async () => (await linkLabels('Use PostgreSQL for billing'))[0] === 'Record decisions in MADR 4',
        'the new title in the amended-by row',
      );
      assert.deepStrictEqual(await linkLabels('Record architecture decisions'), ['Record decisions in MADR 4']);
    } finally {
      fs.writeFileSync(file(rel).fsPath, original);
      await waitFor(async () => (await linkLabels('Use PostgreSQL for billing'))[0] === 'Record decisions in MADR', 'the title back');
    }
  });

  it('asks where a new kind goes once, remembers it outside the repository, and turns template tab stops into a snippet', async () => {
    fs.mkdirSync(file('.career-evidence/templates').fsPath, { recursive: true });
    fs.writeFileSync(
      file('.career-evidence/templates/postmortem.md').fsPath,
      '# {{title}}\n\n## Impact\n\n${1:who was affected, for how long}\n',
    );
    const uri = await vscode.commands.executeCommand<vscode.Uri>('careerEvidence.newDesignDoc', {
      kind: 'postmortem',
      title: 'Checkout outage',
      documentFolder: 'ops/postmortems',
    });
    assert.ok(uri?.path.endsWith('/ops/postmortems/0001-checkout-outage.md'), uri?.path);
    // Remembered in workspace storage: nothing but the document is written into the repository.
    const inSettings = vscode.workspace.getConfiguration('careerEvidence', workspaceRoot()).get<Record<string, string>>('documentFolders');
    assert.strictEqual(inSettings?.postmortem, undefined);
    assert.ok(!fs.existsSync(file('.vscode/settings.json').fsPath), 'no .vscode/settings.json in the repository');
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.getText(), '# Checkout outage\n\n## Impact\n\nwho was affected, for how long\n');
    assert.strictEqual(editor.document.getText(editor.selection), 'who was affected, for how long', 'the first tab stop is selected');
    const second = await vscode.commands.executeCommand<vscode.Uri>('careerEvidence.newDesignDoc', {
      kind: 'postmortem',
      title: 'Search outage',
    });
    assert.ok(second?.path.endsWith('/ops/postmortems/0002-search-outage.md'), 'the remembered folder is used without asking');
  });
});
