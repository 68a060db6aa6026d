import * as vscode from 'vscode';
import { localToday } from '../../core/evidence/dates';
import { DayRange, periodOf, quartersBefore, readRange } from '../../core/evidence/quarters';
import { Benchmark, TREND_QUARTERS, buildBenchmark } from '../../core/report/benchmark';
import { benchmarkMarkdown } from '../../core/report/benchmarkFormat';
import { UserError } from '../../node/errors';
import { gatherEvidence } from '../../node/report/gather';
import { writeReport } from '../../node/report/writeReport';
import { readJournalStatusAliases } from '../../node/statusVocabulary';
import { mergeStatusAliases } from '../../core/evidence/statusAliases';
import { settings } from '../settings/settings';

/** Arguments for automation and tests: the quarter (`this-quarter`, `last-quarter`, `YYYY-Qn`), and whether to open the result. */
export interface BenchmarkArgs {
  quarter?: string;
  open?: boolean;
}

/** What the command did: the report file written and the benchmark in it; undefined when cancelled or refused. */
export interface BenchmarkResult {
  file: string;
  benchmark: Benchmark;
}

async function pickQuarter(today: string): Promise<DayRange | undefined> {
  const current = readRange('this-quarter', today)!;
  const quarters = [...quartersBefore(today, TREND_QUARTERS)].reverse();
  const items = [
    { label: `This quarter (${periodOf(current).label})`, description: `${current.since} – ${current.until}`, range: current },
    ...quarters.map((q) => ({ label: q.label, description: `${q.from} – ${q.to}`, range: { since: q.from, until: q.to } })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Quarterly Benchmark', placeHolder: 'Which quarter?' });
  return picked?.range;
}

/**
 * "Career Evidence: Show Quarterly Benchmark": asks for a quarter, reads the workspace folders'
 * repositories, `careerEvidence.repositories`, those under `careerEvidence.repositoriesRoot` and the
 * journal with a cancellable progress notification, writes the benchmark as Markdown into the
 * journal (`reports/<quarter>-benchmark.md`, never over an edited copy) and opens its preview.
 * Runs git, so it refuses in Restricted Mode.
 */
export function registerBenchmarkCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      'careerEvidence.showBenchmark',
      async (args: BenchmarkArgs = {}): Promise<BenchmarkResult | undefined> => {
        if (!vscode.workspace.isTrusted) {
          void vscode.window.showWarningMessage('Career Evidence: the benchmark reads git history, which needs a trusted workspace.');
          return undefined;
        }
        const today = localToday();
        const range = args.quarter ? (readRange(args.quarter, today) ?? undefined) : await pickQuarter(today);
        if (!range) return undefined;
        try {
          const result = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: 'Career Evidence: quarterly benchmark', cancellable: true },
            (progress, token) => {
              const abort = new AbortController();
              token.onCancellationRequested(() => abort.abort());
              return computeAndWrite(range, abort.signal, (root, i, total) =>
                progress.report({
                  message: `${vscode.workspace.asRelativePath(root)} (${i + 1} of ${total})`,
                  increment: 100 / Math.max(1, total),
                }),
              );
            },
          );
          if (args.open !== false) await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.file(result.file));
          return result;
        } catch (err) {
          if ((err as Error).name === 'AbortError') return undefined;
          if (!(err instanceof UserError)) throw err;
          void vscode.window.showErrorMessage(`Career Evidence: ${err.message}`);
          return undefined;
        }
      },
    ),
  );
}

async function computeAndWrite(
  range: DayRange,
  signal: AbortSignal,
  onRepository: (root: string, i: number, total: number) => void,
): Promise<BenchmarkResult> {
  const period = periodOf(range);
  const journalDir = settings.journalDir();
  const journalWords = await readJournalStatusAliases(journalDir);
  const gathered = await gatherEvidence({
    folders: [
      ...(vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
      ...settings.repositories(),
    ],
    roots: settings.repositoriesRoot() ? [settings.repositoriesRoot()!] : [],
    journalDir,
    since: quartersBefore(period.from, TREND_QUARTERS)[0]?.from ?? period.from,
    identities: settings.identities(),
    handles: settings.handles(),
    statusAliases: mergeStatusAliases(journalWords.aliases, settings.statusAliases().aliases),
    onRepository,
    signal,
  });
  const benchmark = buildBenchmark(gathered.set, { person: gathered.person, period, targets: gathered.settings.targets });
  const file = await writeReport(journalDir, `reports/${period.label}-benchmark.md`, benchmarkMarkdown(benchmark));
  return { file, benchmark };
}
