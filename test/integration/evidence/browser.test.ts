import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { api, children, waitFor, workspaceRoot, evidenceRoots } from './helpers';

/** The fixture's two ADRs, plus two more ADRs, an RFC and a tradeoff note written by New Design Doc. */
async function addDocuments(): Promise<void> {
  await vscode.commands.executeCommand('careerEvidence.newDesignDoc', { kind: 'decision', title: 'Cache search results' });
  await vscode.commands.executeCommand('careerEvidence.newDesignDoc', { kind: 'decision', title: 'Queue uploads' });
  await vscode.commands.executeCommand('careerEvidence.newDesignDoc', {
    kind: 'rfc',
    title: 'Queue the search index',
    documentFolder: 'docs/rfcs',
  });
  await vscode.commands.executeCommand('careerEvidence.newDesignDoc', {
    kind: 'tradeoff',
    title: 'Build or buy search',
    documentFolder: 'docs/tradeoffs',
  });
}

const file = (rel: string) => vscode.Uri.joinPath(workspaceRoot(), rel);

async function labels(): Promise<string[]> {
  return (await evidenceRoots(await api())).map((r) => `${r.label} ${r.description}`.trim());
}

describe('evidence browser: grouping, filters, decorations, diagnostics', function () {
  this.timeout(30_000);
  before(async () => {
    await (await api()).services.index.snapshot();
    await addDocuments();
  });
  after(async () => {
    await vscode.commands.executeCommand('careerEvidence.clearFilter');
    await vscode.commands.executeCommand('careerEvidence.groupBy', 'kind');
  });

  it('groups by status and by quarter, and remembers the choice', async () => {
    await vscode.commands.executeCommand('careerEvidence.groupBy', 'status');
    assert.deepStrictEqual(await labels(), ['Proposed 4', 'Draft 1', 'Accepted 1', 'Suggestions']);
    await vscode.commands.executeCommand('careerEvidence.groupBy', 'quarter');
    const quarters = await labels();
    // Newest quarter first (today's documents), the fixture's 2026-Q1 ADRs after it.
    assert.deepStrictEqual(quarters.slice(-2), ['2026-Q1 2', 'Suggestions']);
    assert.match(quarters[0], /^\d{4}-Q[1-4] 4$/);
  });

  it('filters by text and status, shows the filter and clears it', async () => {
    await vscode.commands.executeCommand('careerEvidence.groupBy', 'kind');
    await vscode.commands.executeCommand('careerEvidence.filter', 'postgresql');
    assert.deepStrictEqual(await labels(), ['Decisions 1', 'Suggestions']);
    await vscode.commands.executeCommand('careerEvidence.filter', '');
    await vscode.commands.executeCommand('careerEvidence.filterStatus', 'accepted');
    assert.deepStrictEqual(await labels(), ['Decisions 1', 'Suggestions']);
    await vscode.commands.executeCommand('careerEvidence.clearFilter');
    assert.deepStrictEqual((await labels())[0], 'Decisions 4');
  });

  it('"Mine only" lists what I added, reading git\'s user.email again each time it is turned on', async () => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: workspaceRoot().fsPath, encoding: 'utf8' }).trim();
    const [email, name] = [git('config', 'user.email'), git('config', 'user.name')];
    await vscode.commands.executeCommand('careerEvidence.toggleMineOnly');
    try {
      // The two ADRs Dana committed, and the RFC and tradeoff note that name her as their author.
      assert.deepStrictEqual(await labels(), ['Decisions 2', 'RFCs 1', 'Tradeoff notes 1', 'Suggestions']);
      git('config', 'user.email', 'someone.else@example.com');
      git('config', 'user.name', 'Someone Else');
      await vscode.commands.executeCommand('careerEvidence.toggleMineOnly');
      await vscode.commands.executeCommand('careerEvidence.toggleMineOnly');
      assert.deepStrictEqual(await labels(), ['Suggestions'], 'nothing is mine under another identity');
    } finally {
      git('config', 'user.email', email);
      git('config', 'user.name', name);
      await vscode.commands.executeCommand('careerEvidence.clearFilter');
    }
  });

  it('shows a status letter on the file (explorer and tree)', async () => {
    const a = await api();
    await a.services.index.snapshot();
    const provider = a.statusDecorations;
    const d = await provider.provideFileDecoration(
      file('doc/adr/0002-use-postgresql-for-billing.md'),
      new vscode.CancellationTokenSource().token,
    );
    assert.deepStrictEqual([d?.badge, d?.tooltip], ['P', 'Proposed']);
    const none = await provider.provideFileDecoration(
      file('doc/adr/0001-record-architecture-decisions.md'),
      new vscode.CancellationTokenSource().token,
    );
    assert.strictEqual(none, undefined, 'accepted documents carry no letter');
  });

  it('refreshes only the row of an edited document, and the whole tree when the edit moves it', async () => {
    const a = await api();
    const rel = 'doc/adr/0002-use-postgresql-for-billing.md';
    const original = fs.readFileSync(file(rel).fsPath, 'utf8');
    const decisions = (await evidenceRoots(a)).find((r) => r.label === 'Decisions')!;
    await children(a, decisions.node); // the group's rows exist, as when it is expanded
    const nextRefresh = () =>
      new Promise<unknown>((resolve) => {
        const sub = a.evidenceTree.onDidChangeTreeData((e) => (sub.dispose(), resolve(e)));
      });
    try {
      // Same place in the tree (grouped by kind): just that row, updated in place.
      let refreshed = nextRefresh();
      fs.writeFileSync(file(rel).fsPath, original.replace('# 2. Use PostgreSQL for billing', '# 2. Use PostgreSQL for invoices'));
      const rows = (await refreshed) as { type: string; label: string }[];
      assert.ok(Array.isArray(rows), 'one row refreshed, not the whole tree');
      assert.deepStrictEqual(
        rows.map((r) => [r.type, r.label]),
        [['document', 'Use PostgreSQL for invoices']],
      );
      assert.ok((await children(a, decisions.node)).some((r) => r.label === 'Use PostgreSQL for invoices'));
      const decoration = await a.statusDecorations.provideFileDecoration(file(rel), new vscode.CancellationTokenSource().token);
      assert.strictEqual(decoration?.badge, 'P');
      // Grouped by status, a new status moves the document to another group: everything refreshes.
      await vscode.commands.executeCommand('careerEvidence.groupBy', 'status');
      await evidenceRoots(a);
      refreshed = nextRefresh();
      fs.writeFileSync(file(rel).fsPath, original.replace('Proposed', 'Rejected'));
      assert.strictEqual(await refreshed, undefined, 'the whole tree refreshes');
      assert.ok((await labels()).includes('Rejected 1'));
      await waitFor(
        async () => (await a.statusDecorations.provideFileDecoration(file(rel), new vscode.CancellationTokenSource().token))?.badge === 'R',
        'the R letter',
      );
    } finally {
      fs.writeFileSync(file(rel).fsPath, original);
      await vscode.commands.executeCommand('careerEvidence.groupBy', 'kind');
      await waitFor(async () => (await labels()).includes('Decisions 4'), 'the original grouping');
    }
  });

  it('keeps the tree on the document being edited', async () => {
    const a = await api();
    await vscode.commands.executeCommand('careerEvidence.evidence.focus');
    await vscode.window.showTextDocument(file('doc/adr/0002-use-postgresql-for-billing.md'));
    const view = a.evidenceView;
    const title = () => (view.selection[0] as { label?: string } | undefined)?.label;
    await waitFor(() => (title() === 'Use PostgreSQL for billing' ? true : undefined), 'the tree to select the active document');
  });

  it('renumbers a document whose number is taken, with a quick fix', async () => {
    const rel = 'doc/adr/0002-second-two.md';
    fs.writeFileSync(file(rel).fsPath, '# 2. Second two\n\nDate: 2026-11-01\n\n## Status\n\nAccepted\n');
    try {
      await vscode.workspace.openTextDocument(file(rel));
      const diagnostic = await waitFor(async () => {
        await (await api()).services.index.snapshot();
        return vscode.languages.getDiagnostics(file(rel)).find((d) => d.code === 'duplicate-number');
      }, 'the duplicate-number diagnostic');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        file(rel),
        diagnostic.range,
      );
      const fix = actions.find((x) => x.title.startsWith('Renumber to '));
      assert.strictEqual(fix?.title, 'Renumber to 0005');
      assert.ok(await vscode.commands.executeCommand(fix.command!.command, ...(fix.command!.arguments ?? [])));
      assert.ok(!fs.existsSync(file(rel).fsPath), 'the old name is gone');
      const renamed = file('doc/adr/0005-second-two.md');
      assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(renamed)), /^# 5\. Second two\n/);
      await vscode.workspace.fs.delete(renamed);
    } finally {
      fs.rmSync(file(rel).fsPath, { force: true });
      fs.rmSync(file('doc/adr/0005-second-two.md').fsPath, { force: true });
      await (await api()).services.index.snapshot();
    }
  });

  it("reports a date long after git added the file, and the quick fix puts git's day there", async () => {
    // The fixture committed this ADR on 2026-02-03; a date months later is most likely a typo.
    const rel = 'doc/adr/0002-use-postgresql-for-billing.md';
    const original = fs.readFileSync(file(rel).fsPath, 'utf8');
    try {
      fs.writeFileSync(file(rel).fsPath, original.replace('Date: 2026-02-03', 'Date: 2026-09-03'));
      const diagnostic = await waitFor(
        () => vscode.languages.getDiagnostics(file(rel)).find((d) => d.code === 'date-after-added'),
        'the date-after-added diagnostic',
      );
      assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Information);
      assert.deepStrictEqual([diagnostic.range.start.line, diagnostic.range.start.character], [2, 6], 'at the date itself');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        file(rel),
        diagnostic.range,
      );
      const fix = actions.find((x) => x.title === 'Use the day git added it (2026-02-03)');
      assert.ok(fix?.edit, actions.map((x) => x.title).join(', '));
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      const doc = await vscode.workspace.openTextDocument(file(rel));
      assert.match(doc.getText(), /^Date: 2026-02-03$/m);
      await doc.save();
      await waitFor(
        () => vscode.languages.getDiagnostics(file(rel)).every((d) => d.code !== 'date-after-added') || undefined,
        'the diagnostic to go',
      );
    } finally {
      fs.writeFileSync(file(rel).fsPath, original);
    }
  });

  it('reports problems in the Problems panel and fixes an unknown status with a quick fix', async () => {
    const rel = 'doc/adr/0009-maybe.md';
    fs.writeFileSync(file(rel).fsPath, '# 9. Maybe later\n\nDate: 2026-11-01\n\n## Status\n\nOn hold\n\n## Context\n\nx\n');
    try {
      await check(rel);
    } finally {
      fs.rmSync(file(rel).fsPath, { force: true });
      await (await api()).services.index.snapshot();
    }
  });

  it('treats an unknown word as a status from then on, kept in the user settings (the file is not edited)', async () => {
    const rel = 'doc/adr/0009-ratified.md';
    const text = '# 9. Ratified one\n\nDate: 2026-11-01\n\n## Status\n\nRatified by the board\n\n## Context\n\nx\n';
    fs.writeFileSync(file(rel).fsPath, text);
    const config = vscode.workspace.getConfiguration('careerEvidence');
    try {
      const { actions } = await unknownStatusFixes(rel);
      const treat = actions.map((a) => /^Treat "ratified" as (\w+) \(your settings\)$/.exec(a.title)).find((m) => m);
      assert.ok(treat, actions.map((x) => x.title).join(', '));
      assert.ok(actions.some((a) => a.title === 'Treat "ratified" as…'));
      await applyFix(rel, actions, treat[0]);
      assert.deepStrictEqual(config.inspect('statusAliases')?.globalValue, { ratified: treat[1] });
      assert.strictEqual(fs.readFileSync(file(rel).fsPath, 'utf8'), text);
      const snapshot = await (await api()).services.index.snapshot();
      const item = snapshot.folders[0].documents.find((d) => d.item.path === rel)?.item;
      assert.deepStrictEqual([item?.status, item?.statusText], [treat[1], 'Ratified by the board']);
      assert.ok(!fs.existsSync(file('.career-evidence/statuses.yml').fsPath), 'nothing written into the repository');
    } finally {
      await config.update('statusAliases', undefined, vscode.ConfigurationTarget.Global);
      fs.rmSync(file(rel).fsPath, { force: true });
      await (await api()).services.index.snapshot();
    }
  });

  it('shares a status word with the team in .career-evidence/statuses.yml when asked to', async () => {
    const rel = 'doc/adr/0009-parked.md';
    fs.writeFileSync(file(rel).fsPath, '# 9. Parked one\n\nDate: 2026-11-01\n\n## Status\n\nParked\n\n## Context\n\nx\n');
    const team = file('.career-evidence/statuses.yml');
    try {
      await unknownStatusFixes(rel);
      const done = await vscode.commands.executeCommand('careerEvidence.addStatusAlias', {
        word: 'Parked',
        status: 'proposed',
        scope: 'team',
      });
      assert.strictEqual(done, true);
      assert.strictEqual(fs.readFileSync(team.fsPath, 'utf8'), 'statusAliases:\n  parked: proposed\n');
      await waitFor(async () => {
        const snapshot = await (await api()).services.index.snapshot();
        return snapshot.folders[0].documents.find((d) => d.item.path === rel)?.item.status === 'proposed' || undefined;
      }, 'the document to read as proposed');
    } finally {
      fs.rmSync(vscode.Uri.joinPath(team, '..').fsPath, { recursive: true, force: true });
      fs.rmSync(file(rel).fsPath, { force: true });
      await (await api()).services.index.snapshot();
    }
  });
});

/** The quick fixes offered for the unknown-status diagnostic of `rel` (waited for), with it. */
async function unknownStatusFixes(rel: string): Promise<{ diagnostic: vscode.Diagnostic; actions: vscode.CodeAction[] }> {
  await vscode.workspace.openTextDocument(file(rel));
  const diagnostic = await waitFor(async () => {
    await (await api()).services.index.snapshot();
    return vscode.languages.getDiagnostics(file(rel)).find((d) => d.code === 'unknown-status');
  }, 'the unknown-status diagnostic');
  assert.strictEqual(diagnostic.source, 'Career Evidence');
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    file(rel),
    diagnostic.range,
  );
  return { diagnostic, actions };
}

/** Runs the quick fix titled `title` of `rel`'s unknown status and waits for the diagnostic to go. */
async function applyFix(rel: string, actions: vscode.CodeAction[], title: string): Promise<void> {
  const fix = actions.find((x) => x.title === title);
  assert.ok(fix?.command, actions.map((x) => x.title).join(', '));
  await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
  await waitFor(async () => {
    await (await api()).services.index.snapshot();
    return vscode.languages.getDiagnostics(file(rel)).every((d) => d.code !== 'unknown-status') || undefined;
  }, 'the diagnostic to go away');
}

/** Waits for the unknown-status diagnostic of `rel`, applies its quick fix, and waits for it to go. */
async function check(rel: string): Promise<void> {
  const { diagnostic, actions } = await unknownStatusFixes(rel);
  assert.strictEqual(diagnostic.range.start.line, 6);
  await applyFix(rel, actions, 'Set status to accepted');
  assert.match(fs.readFileSync(file(rel).fsPath, 'utf8'), /## Status\n\nAccepted\n/);
}
