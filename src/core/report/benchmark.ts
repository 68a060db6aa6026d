import { AuthorCount, addressesLikeYou } from '../git/lookalikes';
import { Period, quartersBefore } from '../evidence/quarters';
import { ReportContext } from './context';
import { EvidenceSet } from './evidenceSet';
import {
  Counted,
  complexityExposure,
  designArtifacts,
  distinctTags,
  glueWork,
  interviewStories,
  ownershipEvents,
  reviewLatency,
  medianLatency,
  distinctTagsIn,
} from './forms';
import { BenchmarkTargets, DEFAULT_TARGETS, Gap, benchmarkGaps } from './gaps';
import { ReportPerson } from './person';

/** Quarters of the trend, before the period's own. */
export const TREND_QUARTERS = 4;

/**
 * The quarterly evidence benchmark: `career-evidence report benchmark --json` (a stable contract:
 * fields are only ever added). Every `count` equals its `items.length`; the README gives each rule.
 */
export interface Benchmark {
  period: Period;
  /** The person's addresses, lower case. */
  authors: string[];
  /** Absolute paths of the repositories read. */
  repositories: string[];
  forms: {
    ownership: Counted;
    designArtifacts: Counted & { byKind: Record<string, number> };
    /** `count`: the person's merged changes in the period; items slowest first. Hours: median, nearest-rank p90. */
    /** `medianHoursToFirstReview`: ready for review → first review, when pull requests were fetched (with consent). */
    reviewLatency: Counted & { medianHours: number | null; p90Hours: number | null; estimated: number; medianHoursToFirstReview?: number };
    /** `count`: merged changes with at least one tag. */
    complexityExposure: Counted & { byTag: Record<string, number>; untouched: string[] };
    interviewStories: Counted & { ready: number; incomplete: number };
  };
  /** `reviewsGiven`: reviews on the hosting service not already counted by a trailer (fetched with consent; 0 otherwise). */
  glue: Counted & { mergesForOthers: number; reviewTrailers: number; reviewsGiven: number; coAuthored: number; documentation: number };
  targets: BenchmarkTargets;
  gaps: Gap[];
  /** Repositories that could not be read, malformed journal entries and settings (paths absolute). */
  problems: { path: string; message: string }[];
  /** The same figures for the {@link TREND_QUARTERS} quarters before the period's, oldest first. */
  trend: TrendPoint[];
  /** Addresses that commit under one of the person's names but are not among `authors`: never added without consent. */
  otherIdentities: { name: string; email: string; commits: number }[];
}

/** A benchmark as a view shows it: computed, or why there is none. Never changed once published. */
export type BenchmarkView =
  { readonly state: 'ready'; readonly benchmark: Benchmark } | { readonly state: 'unavailable'; readonly reason: string };

/** One quarter of the trend. */
export interface TrendPoint {
  label: string;
  ownership: number;
  designArtifacts: number;
  reviewLatencyMedianHours: number | null;
  /** Distinct tags touched. */
  complexityExposure: number;
  /** Ready stories by the quarter's end. */
  interviewStories: number;
}

/** Options of {@link buildBenchmark}. */
export interface BenchmarkOptions {
  person: ReportPerson;
  period: Period;
  targets?: Partial<BenchmarkTargets>;
}

/**
 * Computes the benchmark of `opts.person` for `opts.period` from an evidence set. Pure and
 * deterministic: no clock, no I/O; linear in the evidence (follow-ups: times a 21-day window).
 */
export function buildBenchmark(set: EvidenceSet, opts: BenchmarkOptions): Benchmark {
  return benchmarkOf(new ReportContext(set, opts.person), opts);
}

/** {@link buildBenchmark} from a context already worked out (another report of the same evidence reuses it). */
export function benchmarkOf(ctx: ReportContext, opts: BenchmarkOptions): Benchmark {
  const set = ctx.set;
  const targets = { ...DEFAULT_TARGETS, ...opts.targets };
  const forms = {
    ownership: ownershipEvents(ctx, opts.period),
    designArtifacts: designArtifacts(ctx, opts.period),
    reviewLatency: reviewLatency(ctx, opts.period),
    complexityExposure: complexityExposure(ctx, opts.period),
    interviewStories: interviewStories(ctx, opts.period),
  };
  const gaps = benchmarkGaps(
    {
      ownership: forms.ownership.count,
      designArtifacts: forms.designArtifacts.count,
      reviewLatencyMedianHours: forms.reviewLatency.medianHours,
      complexityExposure: distinctTags(forms.complexityExposure),
      untouched: forms.complexityExposure.untouched,
      readyStories: forms.interviewStories.ready,
      incompleteStories: forms.interviewStories.incomplete,
    },
    targets,
  );
  const problems = [
    ...set.problems.map((p) => ({ path: p.path, message: p.message })),
    ...(set.journal?.problems ?? []).map((p) => ({ path: `${set.journal!.root}/${p.path}`, message: p.message })),
  ];
  return {
    period: opts.period,
    authors: ctx.matcher.addresses,
    repositories: set.repositories.map((r) => r.root),
    forms,
    glue: glueWork(ctx, opts.period),
    targets,
    gaps,
    problems,
    trend: quartersBefore(opts.period.from, TREND_QUARTERS).map((q) => trendPoint(ctx, q)),
    otherIdentities: otherIdentities(set, ctx, opts.person),
  };
}

function trendPoint(ctx: ReportContext, q: Period): TrendPoint {
  return {
    label: q.label,
    ownership: ownershipEvents(ctx, q).count,
    designArtifacts: designArtifacts(ctx, q).count,
    reviewLatencyMedianHours: medianLatency(ctx, q),
    complexityExposure: distinctTagsIn(ctx, q),
    interviewStories: interviewStories(ctx, q).ready,
  };
}

/**
 * Authors whose name is one of the person's (the given names, and those the person's own addresses
 * commit under) but whose address is not the person's: the same engineer on another machine or
 * account, most commits first. Bots and hosting platforms' addresses are left out.
 */
function otherIdentities(set: EvidenceSet, ctx: ReportContext, person: ReportPerson): Benchmark['otherIdentities'] {
  const authors = new Map<string, AuthorCount>();
  for (const repo of set.repositories)
    for (const s of repo.changes) {
      const key = s.author.email.toLowerCase();
      const known = authors.get(key) ?? { name: s.author.name, email: s.author.email, commits: 0 };
      known.commits += s.commits.length;
      authors.set(key, known);
    }
  const mine = [...authors.values()].filter((a) => ctx.matcher.isEmail(a.email)).map((a) => a.email);
  return addressesLikeYou([...authors.values()], mine, person.names);
}
