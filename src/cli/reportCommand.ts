import * as path from 'path';
import { localToday } from '../core/evidence/dates';
import { periodOf, quartersBefore, readRange } from '../core/evidence/quarters';
import { StatusAliases } from '../core/evidence/status';
import { TREND_QUARTERS, buildBenchmark } from '../core/report/benchmark';
import { buildBragDocument } from '../core/report/bragDocument';
import { bragDocumentMarkdown } from '../core/report/bragDocumentFormat';
import { buildPromotionPacket } from '../core/report/promotionPacket';
import { promotionPacketMarkdown } from '../core/report/promotionPacketFormat';
import { storiesMarkdown } from '../core/report/storiesFormat';
import { benchmarkMarkdown, benchmarkText } from '../core/report/benchmarkFormat';
import { buildDashboard } from '../core/report/dashboard';
import { readTargetOptions } from '../core/report/reportSettings';
import { UserError } from '../node/errors';
import { createExclusive } from '../node/fsAtomic';
import { dashboardPage, readDashboardAssets } from '../node/report/dashboardPage';
import { gatherEvidence } from '../node/report/gather';
import { MiningCache } from '../node/report/miningCache';
import { PullRequestCache } from '../node/pullRequests/cache';
import { cachedPullRequests } from '../node/pullRequests/enrich';
import { readDayOptions } from './dayOptions';

/** The reports `career-evidence report` writes. */
export const REPORTS = ['benchmark', 'brag', 'stories', 'packet'] as const;

/** Options of `career-evidence report`. */
export interface ReportOptions {
  dirs: string[];
  reposUnder: string[];
  since?: string;
  until?: string;
  range?: string;
  authors: string[];
  handles: string[];
  targets: string[];
  format: string;
  out?: string;
  journalDir: string;
  /** The API the pull requests were fetched from with `suggest --fetch-prs --api-url` (their cache is keyed by it). */
  apiUrl?: string;
  statusAliases: StatusAliases;
  /** The program's version: cached mining results of another are not used. */
  version: string;
  /** `--level-current`, `--level-target`: over the journal's `level`. */
  levelCurrent?: string;
  levelTarget?: string;
}

/**
 * `career-evidence report benchmark|brag|stories|packet [DIR...]`: gathers the evidence of every repository named (the
 * working directory when none is), of those under `--repos-under` and of the journal's settings,
 * and prints the report, or writes it to `--out` (a new file: an existing one is never replaced).
 * Mining results are kept in `~/.cache/career-evidence/mining`: a later report reads only new history.
 * @returns the text written to stdout (empty with `--out`).
 * @throws UserError for bad options, no identity, or an `--out` file that exists.
 */
export async function reportCommand(name: string | undefined, o: ReportOptions): Promise<string> {
  if (!name || !(REPORTS as readonly string[]).includes(name))
    throw new UserError(`report wants ${REPORTS.join(', ')}, got "${name ?? ''}"`);
  if (!['text', 'md', 'json', 'html'].includes(o.format)) throw new UserError(`--format wants text, md, json or html, got "${o.format}"`);
  if (name !== 'benchmark' && o.format === 'html')
    throw new UserError(`report ${name} writes md or json (--format html is the benchmark’s)`);
  let targets;
  try {
    targets = readTargetOptions(o.targets);
  } catch (err) {
    throw new UserError((err as Error).message);
  }
  const days = readDayOptions(o);
  const today = localToday();
  const range =
    days.since || days.until ? { since: days.since ?? '0001-01-01', until: days.until ?? today } : readRange('this-quarter', today)!;
  const period = periodOf(range);
  const since = quartersBefore(period.from, TREND_QUARTERS)[0]?.from ?? period.from;
  const gathered = await gatherEvidence({
    folders: o.dirs.length > 0 || o.reposUnder.length > 0 ? o.dirs : ['.'],
    roots: o.reposUnder,
    journalDir: o.journalDir,
    since,
    identities: o.authors,
    handles: o.handles,
    statusAliases: o.statusAliases,
    miningCache: new MiningCache(MiningCache.defaultDir(), o.version),
    // Pull requests fetched before with `suggest --fetch-prs` (their cache only: a report never connects).
    pullRequests: (repo, changes) => cachedPullRequests(repo, changes, PullRequestCache.forCli(), o.apiUrl),
  });
  const options = { person: gathered.person, period, targets: { ...gathered.settings.targets, ...targets } };
  if (name === 'benchmark' && o.format === 'html')
    return write(dashboardPage(buildDashboard(gathered.set, options).dashboard, readDashboardAssets()), o.out);
  const benchmark = buildBenchmark(gathered.set, options);
  let text: string;
  if (name === 'stories') {
    const s = benchmark.forms.interviewStories;
    text = o.format === 'json' ? JSON.stringify({ period: benchmark.period, ...s }, null, 2) + '\n' : storiesMarkdown(benchmark);
  } else if (name === 'packet') {
    const level = { current: o.levelCurrent ?? gathered.settings.level.current, target: o.levelTarget ?? gathered.settings.level.target };
    const packet = buildPromotionPacket(gathered.set, gathered.person, period, benchmark, level);
    text = o.format === 'json' ? JSON.stringify(packet, null, 2) + '\n' : promotionPacketMarkdown(packet);
  } else if (name === 'brag') {
    // Markdown is the brag document's text form too: it is meant to be pasted and edited.
    const doc = buildBragDocument(gathered.set, gathered.person, period, benchmark);
    text = o.format === 'json' ? JSON.stringify(doc, null, 2) + '\n' : bragDocumentMarkdown(doc);
  } else
    text =
      o.format === 'json'
        ? JSON.stringify(benchmark, null, 2) + '\n'
        : o.format === 'md'
          ? benchmarkMarkdown(benchmark)
          : benchmarkText(benchmark);
  return write(text, o.out);
}

/** `text` for stdout, or written to a new file `out` (never over an existing one; then nothing for stdout). */
async function write(text: string, out: string | undefined): Promise<string> {
  if (!out) return text;
  const target = path.resolve(out);
  if (!(await createExclusive(target, text))) throw new UserError(`${target} exists: choose another --out name, or remove it first`);
  return '';
}
