import { addDays, daysBetween, mondayOf } from '../evidence/dates';
import { Period } from '../evidence/quarters';
import { Benchmark, BenchmarkOptions, benchmarkOf } from './benchmark';
import { FORM_TITLES, shortFigures } from './benchmarkFormat';
import { ReportContext, within } from './context';
import { EvidenceSet } from './evidenceSet';
import { distinctTags } from './forms';
import { BenchmarkForm } from './gaps';
import { Receipt, changeReceipt, documentReceipt } from './receipts';

/**
 * The dashboard of a quarter (`Career Evidence: Open Dashboard`, `report benchmark --format html`):
 * the benchmark's figures as the charts draw them, each bar, card and point naming its receipts by
 * id. It holds no absolute path, so it can be handed to a webview: the receipts themselves (with
 * their repositories) stay with whoever built it ({@link DashboardBuild.receipts}).
 */
export interface Dashboard {
  period: Period;
  /** The person's addresses, lower case. */
  authors: string[];
  repositories: number;
  cards: DashboardCard[];
  /** Merged changes per complexity-exposure tag (all six, in DOMAIN.md's order). */
  exposure: { tag: string; count: number; receipts: number[] }[];
  latency: LatencyDistribution;
  /** One entry per week (Monday to Sunday) overlapping the period, oldest first. */
  timeline: TimelineWeek[];
  /** What a receipt id stands for, as a webview may show it: index = id. */
  receipts: DashboardReceipt[];
  /** Repositories, journal entries or settings that could not be read. */
  problems: number;
}

/** One of the five forms as a card: its figure, target, gap and the trend of the last five quarters. */
export interface DashboardCard {
  form: BenchmarkForm;
  title: string;
  /** The figure, short (`3`, `18.5 h`, `2 of 6 areas`, `1 ready of 3`). */
  figure: string;
  /** What the figure counts, when it needs saying (`median over 12 merged changes`). */
  detail: string;
  /** What the trend charts: ownership events, design artifacts, median hours, distinct tags, ready stories. */
  value: number | null;
  target: number;
  /** True when review latency is better lower (its target is a maximum). */
  lowerIsBetter: boolean;
  /** The gap's sentence and next step, when the form is below its target. */
  gap: { message: string; action: string } | null;
  /** The four quarters before and this one, oldest first (`value` null: nothing measured). */
  trend: { label: string; value: number | null }[];
  receipts: number[];
}

/** Review latency (first commit → merge, hours) of the period's merged changes, in buckets. */
export interface LatencyDistribution {
  bins: { label: string; fromHours: number; toHours: number | null; receipts: number[] }[];
  medianHours: number | null;
  p90Hours: number | null;
  /** Changes with a latency (the bins' total). */
  measured: number;
  /** The slowest changes, slowest first (at most {@link SLOWEST_SHOWN}). */
  slowest: number[];
}

/** A week of the timeline: what was merged, written and recorded in it. */
export interface TimelineWeek {
  /** Its Monday, `YYYY-MM-DD`. */
  week: string;
  merged: number[];
  documents: number[];
  brag: number[];
}

/** A receipt as the dashboard lists it: no absolute path, and what opening it does. */
export interface DashboardReceipt {
  title: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** `PR #12 · 1a2b3c4d5e · docs/adr/0003-use-x.md · 18.5 h` (paths relative to their repository). */
  detail: string;
  /** `document`: opens the file; `link`: opens `url` (https only); `commit`: copies the commit id. */
  opens: 'document' | 'link' | 'commit';
  url?: string;
}

/** The dashboard and, index for index, the receipts its ids name (with their repositories: for the host only). */
export interface DashboardBuild {
  dashboard: Dashboard;
  receipts: Receipt[];
  benchmark: Benchmark;
}

/** A dashboard as the extension shows it: built, or why there is none. Never changed once published. */
export type DashboardView =
  { readonly state: 'ready'; readonly build: DashboardBuild } | { readonly state: 'unavailable'; readonly reason: string };

/** Changes listed as the slowest. */
export const SLOWEST_SHOWN = 10;

/** Review latency buckets, in hours: lower bound inclusive, upper exclusive. */
const LATENCY_BINS: readonly { label: string; fromHours: number; toHours: number | null }[] = [
  { label: '< 4 h', fromHours: 0, toHours: 4 },
  { label: '4–24 h', fromHours: 4, toHours: 24 },
  { label: '1–3 d', fromHours: 24, toHours: 72 },
  { label: '3–7 d', fromHours: 72, toHours: 168 },
  { label: '1–2 w', fromHours: 168, toHours: 336 },
  { label: '≥ 2 w', fromHours: 336, toHours: null },
];

const FORMS = Object.keys(FORM_TITLES) as BenchmarkForm[];

/**
 * Builds the dashboard of `opts.period` from an evidence set, with the benchmark it shows. Pure and
 * deterministic; linear in the evidence.
 */
export function buildDashboard(set: EvidenceSet, opts: BenchmarkOptions): DashboardBuild {
  const ctx = new ReportContext(set, opts.person);
  const benchmark = benchmarkOf(ctx, opts);
  const ids = new ReceiptIds();
  const b = benchmark;
  const figures = shortFigures(b);
  const values = formValues(b);
  const cards: DashboardCard[] = FORMS.map((form) => {
    const gap = b.gaps.find((g) => g.form === form);
    return {
      form,
      title: FORM_TITLES[form],
      figure: form === 'reviewLatency' ? (values.reviewLatency === null ? 'n/a' : `${values.reviewLatency} h`) : figures[form],
      detail: form === 'reviewLatency' ? latencyDetail(b) : '',
      value: values[form],
      target: form === 'reviewLatency' ? b.targets.reviewLatencyMedianHours : b.targets[form],
      lowerIsBetter: form === 'reviewLatency',
      gap: gap ? { message: gap.message, action: gap.action.title } : null,
      trend: [...b.trend.map((t) => ({ label: t.label, value: trendValue(t, form) })), { label: b.period.label, value: values[form] }],
      receipts: ids.all(b.forms[form].items),
    };
  });
  const exposure = Object.entries(b.forms.complexityExposure.byTag).map(([tag, count]) => ({
    tag,
    count,
    receipts: ids.all(b.forms.complexityExposure.items.filter((r) => r.tags?.includes(tag))),
  }));
  const measured = b.forms.reviewLatency.items.filter((r) => typeof r.hours === 'number');
  const latency: LatencyDistribution = {
    bins: LATENCY_BINS.map((bin) => ({
      ...bin,
      receipts: ids.all(measured.filter((r) => r.hours! >= bin.fromHours && (bin.toHours === null || r.hours! < bin.toHours))),
    })),
    medianHours: b.forms.reviewLatency.medianHours,
    p90Hours: b.forms.reviewLatency.p90Hours,
    measured: measured.length,
    slowest: ids.all(measured.slice(0, SLOWEST_SHOWN)),
  };
  const dashboard: Dashboard = {
    period: b.period,
    authors: b.authors,
    repositories: b.repositories.length,
    cards,
    exposure,
    latency,
    timeline: timeline(ctx, opts.period, ids),
    receipts: ids.receipts.map(shown),
    problems: b.problems.length,
  };
  return { dashboard, receipts: ids.receipts, benchmark };
}

function timeline(ctx: ReportContext, period: Period, ids: ReceiptIds): TimelineWeek[] {
  const weeks: TimelineWeek[] = [];
  const first = mondayOf(period.from);
  for (let w = first; w <= period.to; w = addDays(w, 7)) weeks.push({ week: w, merged: [], documents: [], brag: [] });
  const weekOf = (day: string) => weeks[Math.floor(daysBetween(first, day) / 7)];
  for (const c of [...ctx.changesIn(period)].reverse()) weekOf(c.day)?.merged.push(ids.of(changeReceipt(c.s, c.repo)));
  const documents = ctx.documents.filter((d) => within(d.day, period)).sort((a, b) => (a.day! < b.day! ? -1 : a.day! > b.day! ? 1 : 0));
  for (const doc of documents) {
    const week = weekOf(doc.day!);
    if (!week) continue;
    if (!doc.journal) week.documents.push(ids.of(documentReceipt(doc.d, doc.repo, doc.day!)));
    else if (doc.d.item.kind === 'brag') week.brag.push(ids.of(documentReceipt(doc.d, doc.repo, doc.day!, 'brag')));
  }
  return weeks;
}

function latencyDetail(b: Benchmark): string {
  const { count, items } = b.forms.reviewLatency;
  const measured = items.filter((r) => typeof r.hours === 'number').length;
  return `median, first commit → merge, of ${measured === count ? count : `${measured} measured of ${count}`} merged change${count === 1 ? '' : 's'}`;
}

function formValues(b: Benchmark): Record<BenchmarkForm, number | null> {
  return {
    ownership: b.forms.ownership.count,
    designArtifacts: b.forms.designArtifacts.count,
    reviewLatency: b.forms.reviewLatency.medianHours,
    complexityExposure: distinctTags(b.forms.complexityExposure),
    interviewStories: b.forms.interviewStories.ready,
  };
}

function trendValue(t: Benchmark['trend'][number], form: BenchmarkForm): number | null {
  return form === 'reviewLatency' ? t.reviewLatencyMedianHours : t[form];
}

/** Gives each distinct receipt one id, in the order first met. */
class ReceiptIds {
  readonly receipts: Receipt[] = [];
  private readonly byKey = new Map<string, number>();

  of(r: Receipt): number {
    const key = [r.kind, r.repo, r.sha ?? '', r.path ?? '', r.title, r.date].join('\0');
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.receipts.push(r) - 1;
      this.byKey.set(key, id);
    }
    return id;
  }

  all(list: readonly Receipt[]): number[] {
    return list.map((r) => this.of(r));
  }
}

function shown(r: Receipt): DashboardReceipt {
  const detail = [
    r.pr ? `PR #${r.pr}` : '',
    r.sha ? r.sha.slice(0, 10) : '',
    r.path ?? '',
    typeof r.hours === 'number' ? `${r.hours} h${r.estimated ? ' (estimated)' : ''}` : '',
    r.tags?.length ? r.tags.join(', ') : '',
    r.story === 'incomplete' && r.missing?.length ? `missing: ${r.missing.join(', ')}` : '',
  ].filter(Boolean);
  const opens = r.path ? 'document' : r.url && /^https:\/\//.test(r.url) ? 'link' : 'commit';
  return { title: r.title, date: r.date, detail: detail.join(' · '), opens, ...(opens === 'link' ? { url: r.url } : {}) };
}
