import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, children, evidenceRoots, suggestionRows, workspaceRoot } from './helpers';

// Issue 14, the first minutes, in a real VS Code on a fresh workbench: what a new user meets before
// and after their merged work is read, and every state where something is missing made actionable.

const git = (args: string[], env: Record<string, string> = {}) =>
  execFileSync('git', args, { cwd: workspaceRoot().fsPath, encoding: 'utf8', env: { ...process.env, ...env } });

describe('the first minutes', function () {
  this.timeout(60_000);
  const journal = fs.mkdtempSync(path.join(os.tmpdir(), 'ce-it-journal-'));

  before(async () => {
    await vscode.workspace.getConfiguration('careerEvidence').update('journal.path', journal, vscode.ConfigurationTarget.Global);
  });
  after(() => fs.rmSync(journal, { recursive: true, force: true }));

  it('shows the documents and the Suggestions group before merged work is read, then the suggestions with their count and the badge', async () => {
    const a = await api();
    assert.strictEqual(a.services.mergedWork.current, undefined, 'nothing mined yet in this fresh workbench');
    const roots = await evidenceRoots(a);
    assert.deepStrictEqual(
      roots.map((r) => r.label),
      ['Decisions', 'Suggestions'],
    );
    const waiting = await children(a, roots[1].node);
    assert.ok(a.services.mergedWork.mining, 'the first mine started when the group was asked for');
    assert.deepStrictEqual(
      waiting.map((r) => r.label),
      ['Reading merged work…'],
    );
    assert.strictEqual(a.evidenceView.badge, undefined);
    const rows = await suggestionRows(a);
    assert.deepStrictEqual(
      rows.map((r) => r.label),
      ['Speed up search', 'Add export to CSV', 'Record the first decisions'],
    );
    const group = (await evidenceRoots(a)).find((r) => r.label === 'Suggestions')!;
    assert.strictEqual(group.description, '3', 'the count in the group label');
    assert.strictEqual(
      (a.evidenceView.badge as vscode.ViewBadge | undefined)?.value,
      3,
      'the badge after the automatic first mine, no scan needed',
    );
  });

  it('groups suggestions by quarter of merge when the view groups by quarter, and follows Filter', async () => {
    const a = await api();
    await vscode.commands.executeCommand('careerEvidence.groupBy', 'quarter');
    const group = (await evidenceRoots(a)).find((r) => r.label === 'Suggestions')!;
    const quarters = await children(a, group.node);
    assert.deepStrictEqual(
      quarters.map((r) => [r.label, r.description]),
      [['2026-Q1', '3']],
    );
    await vscode.commands.executeCommand('careerEvidence.filter', 'search');
    const filtered = await children(a, (await evidenceRoots(a)).find((r) => r.label === 'Suggestions')!.node);
    assert.deepStrictEqual(
      filtered.map((r) => r.label),
      ['Filtered: 1 of 3', '2026-Q1'],
    );
    await vscode.commands.executeCommand('careerEvidence.clearFilter');
    await vscode.commands.executeCommand('careerEvidence.groupBy', 'kind');
  });

  it("Mine Only is a toggle shown checked while on, and keeps the user's own journal entries", async () => {
    const a = await api();
    await vscode.commands.executeCommand('careerEvidence.promoteToBrag', (await children(a, (await evidenceRoots(a))[0].node))[0].node);
    await vscode.commands.executeCommand('careerEvidence.toggleMineOnly');
    assert.match(a.evidenceView.message ?? '', /mine only/);
    const labels = (await evidenceRoots(a)).map((r) => r.label);
    assert.ok(labels.includes('Brag document'), labels.join(', '));
    await vscode.commands.executeCommand('careerEvidence.toggleMineOnlyOff');
    assert.strictEqual(a.evidenceView.message, undefined);
  });

  it('Dismiss can be undone: Restore Dismissed Suggestions lists it again', async () => {
    const a = await api();
    const search = (await suggestionRows(a)).find((r) => r.label === 'Speed up search')!;
    await vscode.commands.executeCommand('careerEvidence.dismissSuggestion', search.node);
    assert.ok(!(await suggestionRows(a)).some((r) => r.label === 'Speed up search'));
    const sha = search.node.type === 'suggestion' ? search.node.suggestion.sha : '';
    assert.strictEqual(await vscode.commands.executeCommand('careerEvidence.restoreDismissed', [sha]), 1);
    assert.ok((await suggestionRows(a)).some((r) => r.label === 'Speed up search'));
    await vscode.commands.executeCommand('careerEvidence.scanMergedWork', { range: 'all' });
    assert.ok(
      (await suggestionRows(a)).some((r) => r.label === 'Speed up search'),
      'restored for good, also after a rescan',
    );
  });

  it('says how many commits come from addresses that look like the user, and one click sets the identities', async () => {
    const a = await api();
    fs.writeFileSync(path.join(workspaceRoot().fsPath, 'notes.txt'), 'from the old laptop\n');
    git(['add', 'notes.txt']);
    const old = {
      GIT_AUTHOR_NAME: 'Dana Developer',
      GIT_AUTHOR_EMAIL: 'dana@old-laptop.local',
      GIT_COMMITTER_NAME: 'Dana Developer',
      GIT_COMMITTER_EMAIL: 'dana@old-laptop.local',
    };
    git(['commit', '--quiet', '-m', 'Write notes from the old laptop'], old);
    await vscode.commands.executeCommand('careerEvidence.scanMergedWork', { range: 'all' });
    const [hint] = await suggestionRows(a);
    assert.strictEqual(hint.label, '1 more commit may be yours');
    assert.strictEqual(hint.item.command?.command, 'careerEvidence.setIdentities');
    const saved = await vscode.commands.executeCommand<string[]>(hint.item.command!.command, ...(hint.item.command!.arguments ?? []), {
      emails: ['dana@example.com', 'dana@old-laptop.local'],
    });
    assert.deepStrictEqual(saved, ['dana@example.com', 'dana@old-laptop.local']);
    const inspected = vscode.workspace.getConfiguration('careerEvidence').inspect<string[]>('identities');
    assert.deepStrictEqual(inspected?.globalValue, saved, 'in User settings');
    assert.strictEqual(inspected?.workspaceValue, undefined, 'never in the workspace');
    assert.ok(!fs.existsSync(path.join(workspaceRoot().fsPath, '.vscode')), 'nothing written into the repository');
    const rows = await suggestionRows(a);
    assert.ok(
      rows.some((r) => r.label === 'Write notes from the old laptop'),
      'the other address counts now',
    );
    assert.ok(!rows.some((r) => /may be yours/.test(r.label)));
  });

  it('with no identity at all, the row asks who the user is, and nothing is silently empty', async () => {
    const a = await api();
    await vscode.workspace.getConfiguration('careerEvidence').update('identities', undefined, vscode.ConfigurationTarget.Global);
    git(['config', '--unset', 'user.email']);
    try {
      await vscode.commands.executeCommand('careerEvidence.scanMergedWork', { range: 'all' });
      const [ask] = await suggestionRows(a);
      assert.strictEqual(ask.label, 'Who are you? Set your e-mail addresses…');
      assert.strictEqual(ask.item.command?.command, 'careerEvidence.setIdentities');
    } finally {
      git(['config', 'user.email', 'dana@example.com']);
    }
  });

  it("keeps New Design Doc's folder answer out of the repository until the user shares it with the team", async () => {
    const a = await api();
    const created = await vscode.commands.executeCommand<vscode.Uri>('careerEvidence.newDesignDoc', {
      kind: 'rfc',
      title: 'Shared folders',
      documentFolder: 'proposals',
    });
    assert.ok(created?.path.endsWith('/proposals/0001-shared-folders.md'), created?.path);
    const settingsFile = path.join(workspaceRoot().fsPath, '.vscode', 'settings.json');
    assert.ok(!fs.existsSync(settingsFile), 'remembered in workspace storage only');
    const folder = vscode.workspace.workspaceFolders![0];
    assert.strictEqual(a.services.documentFolders.for(folder).rfc, 'proposals');
    await a.services.documentFolders.share(folder, 'rfc', 'proposals');
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(settingsFile, 'utf8'))['careerEvidence.documentFolders'], { rfc: 'proposals' });
  });

  it('Open Journal Folder uses what the host offers: in the browser, no modal error', async () => {
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web, 'the harness is code-server in a browser');
    assert.strictEqual(await vscode.commands.executeCommand('careerEvidence.openJournal'), 'offered');
    assert.ok(fs.statSync(journal).isDirectory());
  });
});
