import * as vscode from 'vscode';
import { localToday } from '../../core/evidence/dates';
import { DayRange, periodOf, readRange } from '../../core/evidence/quarters';
import { Benchmark, buildBenchmark } from '../../core/report/benchmark';
import { benchmarkMarkdown } from '../../core/report/benchmarkFormat';
import { buildBragDocument } from '../../core/report/bragDocument';
import { bragDocumentMarkdown } from '../../core/report/bragDocumentFormat';
import { buildPromotionPacket } from '../../core/report/promotionPacket';
import { promotionPacketMarkdown } from '../../core/report/promotionPacketFormat';
import { storiesMarkdown } from '../../core/report/storiesFormat';
import { UserError } from '../../node/errors';
import { writeReport } from '../../node/report/writeReport';
import { Services } from '../services/services';
import { pickQuarter } from '../shared/quarterPick';
import { settings } from '../settings/settings';

/** Arguments for automation and tests: the quarter (`this-quarter`, `last-quarter`, `YYYY-Qn`), and whether to open the result. */
export interface BenchmarkArgs {
  quarter?: string;
  open?: boolean;
}

/** What the command did: the report file written and the benchmark it is computed with; undefined when cancelled or refused. */
export interface BenchmarkResult {
  file: string;
  benchmark: Benchmark;
}

/** The reports the extension writes into the journal: command, title, file suffix, how to open it. */
const REPORT_COMMANDS = {
  benchmark: { command: 'careerEvidence.showBenchmark', title: vscode.l10n.t('Quarterly Benchmark'), suffix: 'benchmark', preview: true },
  brag: { command: 'careerEvidence.exportBragDocument', title: vscode.l10n.t('Export Brag Document'), suffix: 'brag', preview: false },
  stories: { command: 'careerEvidence.showStories', title: vscode.l10n.t('STAR Stories'), suffix: 'stories', preview: true },
  packet: {
    command: 'careerEvidence.writePromotionPacket',
    title: vscode.l10n.t('Write Promotion Packet'),
    suffix: 'packet',
    preview: false,
  },
} as const;
type ReportKind = keyof typeof REPORT_COMMANDS;

/**
 * "Career Evidence: Show Quarterly Benchmark", "Export Brag Document…", "Show STAR Stories" and
 * "Write Promotion Packet…": ask for a quarter, read the workspace folders' repositories,
 * `careerEvidence.repositories`, those under `careerEvidence.repositoriesRoot` and the journal with
 * a cancellable progress notification, write the report as Markdown into the journal
 * (`reports/<quarter>-benchmark.md`, `…-brag.md`, `…-stories.md`, `…-packet.md`; never over an
 * edited copy) and open it: the benchmark and the stories in the Markdown preview, the others in
 * an editor. They run git, so they refuse in Restricted Mode. Also the Benchmark group's
 * "Benchmark Quarter…" and "Add to My Identities" (User settings only).
 */
export function registerReportCommands(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    // One click of consent: an address that looks like the user's is added to their User settings (never a workspace's).
    vscode.commands.registerCommand('careerEvidence.addIdentity', async (arg?: { email?: unknown } | string): Promise<boolean> => {
      const email = typeof arg === 'string' ? arg : typeof arg?.email === 'string' ? arg.email : undefined;
      if (!email || !/^[^<>\s@]+@[^<>\s]+$/.test(email)) return false;
      const config = vscode.workspace.getConfiguration('careerEvidence');
      const current = config.inspect<string[]>('identities')?.globalValue ?? [];
      if (current.some((e) => e.toLowerCase() === email.toLowerCase())) return false;
      await config.update('identities', [...current, email], vscode.ConfigurationTarget.Global);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Career Evidence: {0} is now one of your identities (User settings).', email),
      );
      return true;
    }),
    // The Benchmark group's quarter (its row's inline action): `args.quarter` for automation and tests.
    vscode.commands.registerCommand(
      'careerEvidence.pickBenchmarkQuarter',
      async (args: BenchmarkArgs = {}): Promise<string | undefined> => {
        const today = localToday();
        const range = args.quarter ? (readRange(args.quarter, today) ?? undefined) : await pickQuarter(today, 'Benchmark');
        if (!range) return undefined;
        services.reports.setQuarter(range);
        return services.reports.period.label;
      },
    ),
  );
  for (const kind of Object.keys(REPORT_COMMANDS) as ReportKind[]) {
    const { command, title, preview } = REPORT_COMMANDS[kind];
    context.subscriptions.push(
      vscode.commands.registerCommand(command, async (args: BenchmarkArgs = {}): Promise<BenchmarkResult | undefined> => {
        if (!vscode.workspace.isTrusted) {
          void vscode.window.showWarningMessage(
            vscode.l10n.t('Career Evidence: reports read git history, which needs a trusted workspace.'),
          );
          return undefined;
        }
        const today = localToday();
        const range = args.quarter ? (readRange(args.quarter, today) ?? undefined) : await pickQuarter(today, title);
        if (!range) return undefined;
        try {
          const result = await vscode.window.withProgress(
            {
              location: vscode.ProgressLocation.Notification,
              title: vscode.l10n.t('Career Evidence: {0}', title.toLowerCase()),
              cancellable: true,
            },
            (progress, token) => {
              const abort = new AbortController();
              token.onCancellationRequested(() => abort.abort());
              return computeAndWrite(services, kind, range, abort.signal, (root, i, total) =>
                progress.report({
                  message: vscode.l10n.t('{0} ({1} of {2})', vscode.workspace.asRelativePath(root), i + 1, total),
                  increment: 100 / Math.max(1, total),
                }),
              );
            },
          );
          const uri = vscode.Uri.file(result.file);
          if (args.open !== false)
            await (preview
              ? vscode.commands.executeCommand('markdown.showPreview', uri)
              : vscode.window.showTextDocument(uri, { preview: false }));
          return result;
        } catch (err) {
          if ((err as Error).name === 'AbortError') return undefined;
          if (!(err instanceof UserError)) throw err;
          void vscode.window.showErrorMessage(vscode.l10n.t('Career Evidence: {0}', err.message));
          return undefined;
        }
      }),
    );
  }
}

async function computeAndWrite(
  services: Services,
  kind: ReportKind,
  range: DayRange,
  signal: AbortSignal,
  onRepository: (root: string, i: number, total: number) => void,
): Promise<BenchmarkResult> {
  const period = periodOf(range);
  const gathered = await services.reports.gather(period, { report: true, signal, onRepository });
  const benchmark = buildBenchmark(gathered.set, { person: gathered.person, period, targets: gathered.settings.targets });
  const text =
    kind === 'brag'
      ? bragDocumentMarkdown(buildBragDocument(gathered.set, gathered.person, period, benchmark))
      : kind === 'stories'
        ? storiesMarkdown(benchmark)
        : kind === 'packet'
          ? promotionPacketMarkdown(
              buildPromotionPacket(gathered.set, gathered.person, period, benchmark, settings.level(gathered.settings.level)),
            )
          : benchmarkMarkdown(benchmark);
  const file = await writeReport(settings.journalDir(), `reports/${period.label}-${REPORT_COMMANDS[kind].suffix}.md`, text);
  return { file, benchmark };
}
