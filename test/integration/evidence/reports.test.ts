import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { BenchmarkResult } from '../../../src/vscode/reports/reportCommands';
import { api, children, evidenceRoots, waitFor, suggestionRows } from './helpers';

// The fixture repository (evidenceRepo) holds, in 2026-Q1, three merged changes of mine — a
// commit, PR #12 merged by a colleague, squash-merged #13 — and two ADRs I added.

describe('reports: the quarterly benchmark and STAR stories', function () {
  this.timeout(60_000);
  const journal = fs.mkdtempSync(path.join(os.tmpdir(), 'ce-it-reports-'));

  before(async () => {
    await api();
    await vscode.workspace.getConfiguration('careerEvidence').update('journal.path', journal, vscode.ConfigurationTarget.Global);
  });
  after(() => fs.rmSync(journal, { recursive: true, force: true }));

  const benchmark = async (quarter = '2026-Q1') =>
    (await vscode.commands.executeCommand<BenchmarkResult | undefined>('careerEvidence.showBenchmark', {
      quarter,
      open: false,
    }))!;

  it('writes the benchmark of a quarter into the journal, with the figures of the repository', async () => {
    const { file, benchmark: b } = await benchmark();
    assert.strictEqual(file, path.join(journal, 'reports', '2026-Q1-benchmark.md'));
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /^# Quarterly evidence benchmark — 2026-Q1$/m);
    assert.deepStrictEqual(
      b.forms.reviewLatency.items.map((r) => r.title),
      ['Add export to CSV', 'Speed up search', 'Record the first decisions'],
    );
    assert.deepStrictEqual(b.forms.designArtifacts.byKind, { decision: 2 });
    assert.match(text, /\[Add export to CSV\]|Add export to CSV/);
  });

  it('offers every gap an action that is a registered command; New STAR Story writes a story the next benchmark counts', async () => {
    const { benchmark: before } = await benchmark();
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(before.gaps.length > 0);
    for (const g of before.gaps) assert.ok(registered.has(g.action.command), g.action.command);
    const stories = before.gaps.find((g) => g.form === 'interviewStories')!;
    const story = await vscode.commands.executeCommand<string>(stories.action.command, { title: 'Cut the invoice run', open: false });
    assert.match(story, /stories[/\\]\d{4}-\d{2}-\d{2}-cut-the-invoice-run\.md$/);
    const { benchmark: after } = await benchmark('this-quarter'); // stories count up to the quarter's end: this one is dated today
    assert.deepStrictEqual(
      [after.forms.interviewStories.ready, after.forms.interviewStories.incomplete],
      [0, 1],
      'a story still to write is incomplete',
    );
  });

  it('replaces its own report, and never one the user has edited', async () => {
    const { file } = await benchmark();
    fs.appendFileSync(file, '\nMy notes for the review.\n');
    const { file: next } = await benchmark();
    assert.strictEqual(next, path.join(journal, 'reports', '2026-Q1-benchmark-2.md'));
    assert.match(fs.readFileSync(file, 'utf8'), /My notes for the review\.\n$/);
    const { file: again } = await benchmark();
    assert.strictEqual(again, next, 'the unedited copy is the one replaced');
  });

  it('exports the brag document: a brag entry with its change, the rest counted as not yet recorded', async () => {
    const { benchmark: b } = await benchmark();
    const csv = b.forms.reviewLatency.items.find((r) => r.title === 'Add export to CSV')!;
    const entry = path.join(journal, 'brag', '2026', '2026-03-05-add-export-to-csv.md');
    fs.mkdirSync(path.dirname(entry), { recursive: true });
    fs.writeFileSync(
      entry,
      `---\ncareer-kind: brag\ndate: 2026-03-05\ncommit: ${csv.sha}\nproject: Invoicing\n---\n# Add export to CSV\n\n## Impact\n\nFinance stopped asking engineering.\n`,
    );
    const r = await vscode.commands.executeCommand<BenchmarkResult>('careerEvidence.exportBragDocument', {
      quarter: '2026-Q1',
      open: false,
    });
    assert.strictEqual(r.file, path.join(journal, 'reports', '2026-Q1-brag.md'));
    const text = fs.readFileSync(r.file, 'utf8');
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    assert.deepStrictEqual(headings, [
      'Projects',
      'Design and architecture',
      'Mentoring and team building',
      'Operational excellence',
      'Learning and growth',
      'Glue work',
      'What I want to do next',
      'Not yet recorded',
    ]);
    assert.match(text, /### Invoicing\n\n- \*\*Add export to CSV\*\* \(impact needs a number\)\n  Finance stopped asking engineering\./);
    assert.match(text, /2 merged changes not yet recorded/);
  });

  it('shows the Benchmark group first in the Evidence view: the five forms of a chosen quarter, with gaps and receipts', async () => {
    const a = await api();
    const roots = await children(a);
    assert.strictEqual(roots[0].label, 'Benchmark');
    assert.strictEqual(await vscode.commands.executeCommand('careerEvidence.pickBenchmarkQuarter', { quarter: '2026-Q1' }), '2026-Q1');
    const benchmarkRow = await waitFor(async () => {
      const r = (await children(a))[0];
      return r.description === '2026-Q1' ? r : undefined;
    }, 'the Benchmark group to show 2026-Q1');
    const forms = await children(a, benchmarkRow.node);
    assert.deepStrictEqual(
      forms.map((f) => f.label),
      ['Ownership events', 'Design artifacts', 'Review latency', 'Complexity exposure', 'Interview stories', 'Glue work'],
    );
    const latency = forms.find((f) => f.label === 'Review latency')!;
    assert.strictEqual(latency.description, '49.3 h median · 3');
    assert.match(String(latency.item.tooltip), /over 3 merged changes/);
    const design = forms.find((f) => f.label === 'Design artifacts')!;
    assert.strictEqual((design.item.iconPath as vscode.ThemeIcon).id, 'law', 'two decisions: no gap');
    const stories = forms.find((f) => f.label === 'Interview stories')!;
    assert.strictEqual((stories.item.iconPath as vscode.ThemeIcon).id, 'warning');
    const receipts = await children(a, design.node);
    assert.deepStrictEqual(receipts.map((r) => r.label).sort(), ['Record architecture decisions', 'Use PostgreSQL for billing']);
    const open = receipts[0].item.command!;
    assert.strictEqual(open.command, 'vscode.open');
    await vscode.commands.executeCommand(open.command, ...(open.arguments ?? []));
    assert.match(vscode.window.activeTextEditor!.document.uri.fsPath, /doc[/\\]adr[/\\]000[12]-/);
  });

  it('starts a STAR story from a decision record and from a suggestion, with their receipts', async () => {
    const a = await api();
    const decisions = (await evidenceRoots(a)).find((r) => r.label === 'Decisions')!;
    const adr = (await children(a, decisions.node)).find((r) => r.label === 'Use PostgreSQL for billing')!;
    const fromAdr = await vscode.commands.executeCommand<string>('careerEvidence.newStarStoryFrom', adr.node, { open: false });
    const text = fs.readFileSync(fromAdr, 'utf8');
    assert.match(text, /source: doc\/adr\/0002-use-postgresql-for-billing\.md/);
    assert.match(text, /^## Situation\n\n(?!\{)/m, 'the record’s context, not a placeholder');
    // (Add export to CSV is recorded by the brag entry written above: no longer a suggestion.)
    const search = (await suggestionRows(a)).find((r) => r.label === 'Speed up search')!;
    const fromPr = await vscode.commands.executeCommand<string>('careerEvidence.newStarStoryFrom', search.node, { open: false });
    assert.match(fs.readFileSync(fromPr, 'utf8'), /## Situation\n\nCache the index between queries\./);
    assert.ok(fromPr.startsWith(path.join(journal, 'stories') + path.sep));
  });

  it('writes the promotion packet: levels from settings, projects with their score, every level dimension', async () => {
    await vscode.workspace.getConfiguration('careerEvidence').update('level.target', 'Staff', vscode.ConfigurationTarget.Global);
    const r = await vscode.commands.executeCommand<BenchmarkResult>('careerEvidence.writePromotionPacket', {
      quarter: '2026-Q1',
      open: false,
    });
    assert.strictEqual(r.file, path.join(journal, 'reports', '2026-Q1-packet.md'));
    const text = fs.readFileSync(r.file, 'utf8');
    assert.match(text, /- Target level: Staff\n/);
    assert.match(text, /### Invoicing\n\nScore \d/, 'the project of the brag entry written above');
    for (const d of ['Scope', 'Autonomy', 'Influence', 'Technical depth', 'Ambiguity', 'Failure impact'])
      assert.match(text, new RegExp(`^\\| ${d} \\|`, 'm'));
  });

  it('lists an address that looks like mine in the Benchmark group, and adds it to my identities in one click', async () => {
    const a = await api();
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const env = {
      ...process.env,
      GIT_AUTHOR_NAME: 'Dana Developer',
      GIT_AUTHOR_EMAIL: 'dana@laptop.local',
      GIT_AUTHOR_DATE: '2026-03-25T10:00:00+01:00',
      GIT_COMMITTER_DATE: '2026-03-25T10:00:00+01:00',
    };
    fs.writeFileSync(path.join(root, 'laptop.txt'), 'from the other machine\n');
    execFileSync('git', ['add', 'laptop.txt'], { cwd: root });
    execFileSync('git', ['commit', '--quiet', '-m', 'Work from the laptop'], { cwd: root, env });
    await vscode.commands.executeCommand('careerEvidence.pickBenchmarkQuarter', { quarter: '2026-Q1' });
    const identities = await waitFor(
      async () => {
        const forms = await children(a, (await children(a))[0].node);
        return forms.find((f) => f.label === 'Other addresses that look like you');
      },
      'the other address in the Benchmark group',
      20_000,
    );
    const [laptop] = await children(a, identities.node);
    assert.strictEqual(laptop.label, 'dana@laptop.local');
    assert.strictEqual(laptop.item.contextValue, 'identity');
    assert.strictEqual(await vscode.commands.executeCommand('careerEvidence.addIdentity', laptop.node), true);
    assert.deepStrictEqual(vscode.workspace.getConfiguration('careerEvidence').inspect('identities')?.globalValue, ['dana@laptop.local']);
    await waitFor(
      async () => {
        const forms = await children(a, (await children(a))[0].node);
        return (
          !forms.some((f) => f.label === 'Other addresses that look like you') &&
          /· 4$/.test(forms.find((f) => f.label === 'Review latency')!.description)
        );
      },
      'the address counted as mine',
      20_000,
    );
  });

  it('shows the STAR stories: ready ones, and what each incomplete one lacks', async () => {
    const r = await vscode.commands.executeCommand<BenchmarkResult>('careerEvidence.showStories', { quarter: 'this-quarter', open: false });
    assert.match(path.basename(r.file), /^\d{4}-Q[1-4]-stories\.md$/);
    const text = fs.readFileSync(r.file, 'utf8');
    assert.match(text, /## Incomplete\n\n- \*\*Cut the invoice run\*\* — lacks situation, task, action, result/);
  });
});
