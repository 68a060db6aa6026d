import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PromptEvent } from '../../../src/vscode/commitPrompt/commitPrompter';
import type { TestInternals } from '../../../src/vscode/testHook';
import { api, children, waitFor, workspaceRoot, evidenceRoots, suggestionRows as rowsOfSuggestions } from './helpers';

function gitIn(root: string, args: string[], date = '2026-06-01T10:00:00+02:00'): string {
  return execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
}

/**
 * Resolves with the next prompt shown that names a piece of work titled `title` (any prompt when
 * none is given), or rejects after `ms`; listens from the moment it is called.
 */
function nextPrompt(a: TestInternals, title?: string, ms = 15_000): Promise<PromptEvent> {
  return new Promise<PromptEvent>((resolve, reject) => {
    const timer = setTimeout(() => (sub.dispose(), reject(new Error(`no prompt${title ? ` about "${title}"` : ''} within ${ms} ms`))), ms);
    const sub = a.commitPrompter.onDidPrompt((e) => {
      if (title && !e.items.some((i) => i.title === title)) return; // another piece of work (a branch's own commit)
      clearTimeout(timer);
      sub.dispose();
      resolve(e);
    });
  });
}

async function suggestionRows() {
  return rowsOfSuggestions(await api());
}

describe('merged work: suggestions and commit-time prompts', function () {
  this.timeout(60_000);
  const journal = fs.mkdtempSync(path.join(os.tmpdir(), 'ce-it-journal-'));

  before(async () => {
    const config = vscode.workspace.getConfiguration('careerEvidence');
    await config.update('journal.path', journal, vscode.ConfigurationTarget.Global);
    await config.update('prompt.minIntervalMinutes', 0, vscode.ConfigurationTarget.Global);
    await (
      await api()
    ).commitPromptsReady;
  });
  after(() => fs.rmSync(journal, { recursive: true, force: true }));

  it('expands a suggestion into its description, size, files, review latency and category', async () => {
    const rows = await suggestionRows();
    const csv = rows.find((r) => r.label === 'Add export to CSV')!;
    assert.strictEqual(csv.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.strictEqual(csv.item.contextValue, 'suggestion');
    const details = (await children(await api(), csv.node)).map((d) => [d.label, d.description]);
    assert.deepStrictEqual(details, [
      ['Finance can now export invoices without asking engineering.', ''],
      ['2 files', '+2 −0'],
      ['src/export.test.ts', ''],
      ['src/export.ts', ''],
      ['Review latency 98.5 h', ''],
      ['other', 'category'],
    ]);
  });

  it('Accept writes a brag entry into the journal (outside the repository) and the suggestion leaves the list', async () => {
    const rows = await suggestionRows();
    const csv = rows.find((r) => r.label === 'Add export to CSV')!;
    const uri = await vscode.commands.executeCommand<vscode.Uri>('careerEvidence.acceptSuggestion', csv.node);
    assert.ok(uri && uri.fsPath.startsWith(journal), uri?.fsPath);
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    assert.match(text, /^---\ncareer-kind: brag\n/);
    assert.match(text, /review-latency-hours: 98\.5\n/);
    assert.ok(!(await suggestionRows()).some((r) => r.label === 'Add export to CSV'));
    assert.ok(!fs.existsSync(path.join(workspaceRoot().fsPath, 'brag')), 'nothing is written into the repository');
    // The journal is indexed too: the entry shows under "Brag document", asking for a number.
    const a = await api();
    const roots = await evidenceRoots(a);
    const brag = roots.find((r) => r.label === 'Brag document');
    assert.ok(brag, roots.map((r) => r.label).join(', '));
    assert.deepStrictEqual(
      (await children(a, brag.node)).map((d) => d.label),
      ['Add export to CSV'],
    );
    await waitFor(
      () => vscode.languages.getDiagnostics(uri).some((d) => d.code === 'unquantified-result'),
      'the unquantified-result diagnostic',
    );
  });

  it('promotes a design document to a brag entry in the journal', async () => {
    const a = await api();
    const [decisions] = await evidenceRoots(a);
    const adr = (await children(a, decisions.node)).find((d) => d.label === 'Use PostgreSQL for billing')!;
    const uri = await vscode.commands.executeCommand<vscode.Uri>('careerEvidence.promoteToBrag', adr.node);
    assert.ok(uri?.fsPath.startsWith(journal), uri?.fsPath);
    assert.match(
      fs.readFileSync(uri.fsPath, 'utf8'),
      /^---\ncareer-kind: brag\n[\s\S]*source: doc\/adr\/0002-use-postgresql-for-billing\.md\n[\s\S]*# Use PostgreSQL for billing\n/,
    );
  });

  it('Dismiss removes a suggestion for good, also after a full rescan', async () => {
    const rows = await suggestionRows();
    const first = rows.find((r) => r.label === 'Record the first decisions')!;
    await vscode.commands.executeCommand('careerEvidence.dismissSuggestion', first.node);
    assert.ok(!(await suggestionRows()).some((r) => r.label === 'Record the first decisions'));
    await vscode.commands.executeCommand('careerEvidence.scanMergedWork', { range: 'all' });
    assert.deepStrictEqual(
      (await suggestionRows()).map((r) => r.label),
      ['Speed up search'],
    );
  });

  it('Scan Merged Work… takes a range, shown as a view of the list with all history one click away', async () => {
    const a = await api();
    assert.strictEqual(await vscode.commands.executeCommand<number>('careerEvidence.scanMergedWork', { range: '2025-Q4' }), 0);
    const [range, ...rest] = await suggestionRows();
    assert.deepStrictEqual([range.label, range.description, rest.length], ['2025-Q4: 0 of 1', 'Show all', 0]);
    assert.strictEqual(a.services.mergedWork.pendingCount, 1, 'the badge still counts what waits');
    // "Show all": the row's command, no second mine.
    let sub: vscode.Disposable | undefined;
    const changed = new Promise((resolve) => (sub = a.services.mergedWork.onDidChange(resolve)));
    await vscode.commands.executeCommand(range.item.command!.command, ...(range.item.command!.arguments ?? []));
    await changed;
    sub?.dispose();
    assert.deepStrictEqual(
      (await suggestionRows()).map((r) => r.label),
      ['Speed up search'],
    );
    assert.strictEqual(await vscode.commands.executeCommand<number>('careerEvidence.scanMergedWork', { range: 'all' }), 1);
  });

  it('asks again about a snoozed suggestion once its day has passed', async () => {
    const a = await api();
    const [speed] = (await suggestionRows()).filter((r) => r.label === 'Speed up search');
    await vscode.commands.executeCommand('careerEvidence.snoozeSuggestion', speed.node);
    assert.ok(
      (await suggestionRows()).some((r) => r.label === 'Speed up search'),
      'a snoozed suggestion stays listed',
    );
    await a.commitPrompter.askAgainAfterSnooze();
    const node = speed.node as { folderUri: string; suggestion: { sha: string } };
    // A day later: the snooze has run out.
    await a.services.mergedWork.decide(node.folderUri, node.suggestion.sha, {
      state: 'snoozed',
      at: '2026-01-01T00:00:00Z',
      until: '2026-01-02T00:00:00Z',
    });
    const due = await a.services.mergedWork.dueSnoozes();
    assert.deepStrictEqual(
      due.map((d) => d.suggestion.title),
      ['Speed up search'],
    );
    const prompt = nextPrompt(a, undefined, 5000);
    await a.commitPrompter.askAgainAfterSnooze();
    assert.strictEqual((await prompt).message, 'Add to your brag document? Speed up search');
  });

  it('prompts after a commit made in a terminal (child git commit)', async () => {
    const root = workspaceRoot().fsPath;
    await suggestionRows(); // the Suggestions list is mined: the commit updates it and prompts
    const calls = process.env.CE_GIT_CALLS_LOG!;
    fs.writeFileSync(calls, '');
    const prompt = nextPrompt(await api());
    fs.writeFileSync(path.join(root, 'src-retry.ts'), 'export const retries = 3;\n');
    gitIn(root, ['add', 'src-retry.ts']);
    gitIn(root, ['commit', '--quiet', '-m', 'fix: retry failed uploads']);
    const e = await prompt;
    assert.strictEqual(e.kind, 'single');
    assert.strictEqual(e.message, 'Add to your brag document? Retry failed uploads');
    assert.deepStrictEqual(e.actions, ['Add', 'Edit first…', 'Not this one', 'Snooze 1 day']);
    // The Suggestions group learned of it too, from the same incremental mine: one history read.
    assert.ok((await suggestionRows()).some((r) => r.label === 'Retry failed uploads'));
    const historyReads = fs
      .readFileSync(calls, 'utf8')
      .split('\n')
      .filter((l) => /trace: built-in: git log .*--numstat/.test(l));
    assert.strictEqual(historyReads.length, 1, historyReads.join('\n'));
  });

  it('prompts with the PR title when a pull request of mine is merged into the default branch', async () => {
    const root = workspaceRoot().fsPath;
    gitIn(root, ['checkout', '--quiet', '-b', 'dana/audit-log']);
    fs.writeFileSync(path.join(root, 'audit.ts'), 'export const audit = true;\n');
    gitIn(root, ['add', 'audit.ts']);
    gitIn(root, ['commit', '--quiet', '-m', 'Write audit events']);
    gitIn(root, ['checkout', '--quiet', 'main']);
    // The branch's own commit may prompt on its own (HEAD was on it): only the merge's prompt counts.
    const prompt = nextPrompt(await api(), 'Record audit events for admin actions');
    gitIn(root, [
      'merge',
      '--quiet',
      '--no-ff',
      '-m',
      'Merge pull request #20 from dana/audit-log\n\nRecord audit events for admin actions',
      'dana/audit-log',
    ]);
    const e = await prompt;
    assert.strictEqual(e.message, 'Add to your brag document? Record audit events for admin actions');
  });

  it('prompts after a commit made through the built-in git extension (onDidCommit)', async () => {
    const gitExt = vscode.extensions.getExtension<{
      getAPI(v: 1): { repositories: { rootUri: vscode.Uri; add(p: string[]): Promise<void>; commit(m: string): Promise<void> }[] };
    }>('vscode.git');
    assert.ok(gitExt, 'the built-in git extension is present');
    const gitApi = (gitExt.isActive ? gitExt.exports : await gitExt.activate()).getAPI(1);
    const repo = await waitFor(
      () => gitApi.repositories.find((r) => r.rootUri.fsPath === workspaceRoot().fsPath),
      'the git extension to see the workspace repository',
    );
    const file = path.join(workspaceRoot().fsPath, 'docs-guide.md');
    fs.writeFileSync(file, '# Guide\n');
    const prompt = nextPrompt(await api());
    await repo.add([file]);
    await repo.commit('docs: write the onboarding guide');
    const e = await prompt;
    assert.strictEqual(e.message, 'Add to your brag document? Write the onboarding guide');
  });

  it('learns who added a document once it is committed, without a rescan', async () => {
    const a = await api();
    const root = workspaceRoot().fsPath;
    const rel = 'doc/adr/0009-keep-an-audit-trail.md';
    fs.writeFileSync(path.join(root, rel), '# 9. Keep an audit trail\n\n## Status\n\nProposed\n');
    const details = async () => (await a.services.index.snapshot()).folders[0].documents.find((d) => d.item.path === rel)?.details;
    await waitFor(async () => (await details()) !== undefined || undefined, 'the new document in the index');
    assert.strictEqual((await details())?.added, undefined, 'not committed yet: no git author');
    gitIn(root, ['add', rel]);
    gitIn(root, ['commit', '--quiet', '-m', 'docs: decide on an audit trail'], '2026-06-03T10:00:00+02:00');
    const added = await waitFor(async () => (await details())?.added, 'the git author after the commit');
    assert.deepStrictEqual([added.email, added.date.slice(0, 10)], ['dana@example.com', '2026-06-03']);
  });
});
