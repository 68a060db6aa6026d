import { Period } from '../evidence/quarters';
import { Benchmark } from './benchmark';
import { ChangeOf, DocumentOf, ReportContext, within } from './context';
import { EvidenceSet } from './evidenceSet';
import { designArtifacts, glueWork } from './forms';
import { Gap } from './gaps';
import { ReportPerson, foldName } from './person';
import { Receipt, changeReceipt, documentReceipt } from './receipts';

/** Projects a packet lists: the best-scored ones, at most. */
export const PACKET_PROJECTS_MAX = 5;

/**
 * How a project is scored (deterministic; ties by name): log2(1 + lines changed) for size, 2 per
 * distinct exposure tag, 3 per linked design document, 2 per repository beyond the first, 1 per
 * other person involved (co-authors, reviewers, helpers, decision-makers).
 */
export const SCORE_WEIGHTS = { exposureTag: 2, designDocument: 3, extraRepository: 2, person: 1 } as const;

/** A project of the packet: its evidence, impact and score. */
export interface PacketProject {
  name: string;
  score: number;
  /** The points of each part of {@link SCORE_WEIGHTS} (size: log2 of lines changed). */
  scoreParts: { size: number; exposure: number; documents: number; repositories: number; people: number };
  /** Impact text of its brag entries, when written. */
  impact: string[];
  tags: string[];
  receipts: Receipt[];
}

/** The level dimensions of DOMAIN.md, in its order. */
export const LEVEL_DIMENSIONS = ['Scope', 'Autonomy', 'Influence', 'Technical depth', 'Ambiguity', 'Failure impact'] as const;

/** The promotion packet (`career-evidence report packet --format json`; fields only ever added). */
export interface PromotionPacket {
  period: Period;
  authors: string[];
  level: { current: string | null; target: string | null };
  projects: PacketProject[];
  /** Work beyond the immediate team: other repositories, reviews and merges for others. */
  influence: Receipt[];
  /** Mentoring and multiplier effects: glue work. */
  mentoring: Receipt[];
  /** The benchmark's gaps, each with the step that addresses it. */
  growthAreas: Gap[];
  dimensions: { dimension: (typeof LEVEL_DIMENSIONS)[number]; evidence: string[] }[];
}

/** One project being assembled. */
interface Bucket {
  name: string;
  changes: ChangeOf[];
  documents: DocumentOf[];
  entries: DocumentOf[];
}

/**
 * Builds the promotion packet of `period`: projects — brag entries, merged changes and documents
 * sharing a journal `project:` field or linked to one design document (an entry's `source:`, a
 * change that touches the document); other merged changes one project per pull request — scored by
 * {@link SCORE_WEIGHTS}, the best {@link PACKET_PROJECTS_MAX}; influence beyond the team; glue work;
 * growth areas from the benchmark's gaps; and the evidence found for each level dimension. Pure.
 */
export function buildPromotionPacket(
  set: EvidenceSet,
  person: ReportPerson,
  period: Period,
  benchmark: Pick<Benchmark, 'gaps' | 'forms'>,
  level: { current: string | null; target: string | null },
): PromotionPacket {
  const ctx = new ReportContext(set, person);
  const buckets = new Map<string, Bucket>();
  const bucket = (key: string, name: string) => {
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { name, changes: [], documents: [], entries: [] }));
    return b;
  };
  const docs = ctx.documents.filter((d) => !d.journal && d.d.item.kind !== 'growth' && within(d.day, period));
  const entries = ctx.documents.filter((d) => d.journal && d.d.item.kind === 'brag' && within(d.day, period));
  const keyOfDoc = new Map<string, string>(); // document path → its project key
  const keyOfCommit = new Map<string, string>();
  for (const e of entries) {
    const f = e.d.details?.entry;
    const key = f?.project ? `project:${f.project}` : f?.source ? `doc:${f.source}` : `entry:${e.d.item.path}`;
    bucket(key, f?.project ?? e.d.item.title).entries.push(e);
    if (f?.source) keyOfDoc.set(f.source, key);
    if (f?.commit) keyOfCommit.set(f.commit, key);
  }
  for (const d of docs) {
    const key = keyOfDoc.get(d.d.item.path) ?? `doc:${d.d.item.path}`;
    keyOfDoc.set(d.d.item.path, key);
    bucket(key, buckets.get(key)?.name ?? d.d.item.title).documents.push(d);
  }
  for (const c of ctx.changesIn(period)) {
    const viaDoc = c.s.paths.map((p) => keyOfDoc.get(p)).find((k) => k !== undefined);
    const key = keyOfCommit.get(c.s.sha) ?? viaDoc ?? (c.s.pr ? `pr:${c.repo}#${c.s.pr.number}` : `sha:${c.s.sha}`);
    bucket(key, buckets.get(key)?.name ?? c.s.title).changes.push(c);
  }
  const projects = [...buckets.values()]
    .map((b) => scored(b, ctx))
    .sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : 1))
    .slice(0, PACKET_PROJECTS_MAX);

  const glue = glueWork(ctx, period).items;
  const repos = new Set(ctx.changesIn(period).map((c) => c.repo));
  const main = mostActiveRepository(ctx.changesIn(period));
  const influence = [
    ...glue.filter((r) => r.role === 'merged' || r.role === 'reviewed'),
    ...ctx
      .changesIn(period)
      .filter((c) => c.repo !== main)
      .map((c) => changeReceipt(c.s, c.repo)),
  ];
  const da = designArtifacts(ctx, period);
  const kinds = (k: string) => da.byKind[k] ?? 0;
  const exposure = Object.entries(benchmark.forms.complexityExposure.byTag).filter(([, n]) => n > 0);
  const dimensions: PromotionPacket['dimensions'] = [
    {
      dimension: 'Scope',
      evidence: [
        `${repos.size} repositor${repos.size === 1 ? 'y' : 'ies'} changed`,
        `${projects.filter((p) => p.scoreParts.repositories > 0).length} project(s) across repositories`,
      ],
    },
    {
      dimension: 'Autonomy',
      evidence: [`${benchmark.forms.ownership.count} ownership events`, `${da.count} design artifacts written or decided`],
    },
    {
      dimension: 'Influence',
      evidence: [
        `${glue.filter((r) => r.role === 'merged').length} merges and ${glue.filter((r) => r.role === 'reviewed' || r.role === 'helped').length} reviews or help for others`,
        `${influence.length - glue.filter((r) => r.role === 'merged' || r.role === 'reviewed').length} changes outside the main repository`,
      ],
    },
    {
      dimension: 'Technical depth',
      evidence: [
        `${exposure.length} exposure areas: ${exposure.map(([t, n]) => `${t} ${n}`).join(', ') || 'none'}`,
        `${kinds('rfc') + kinds('design')} RFCs and design docs`,
      ],
    },
    {
      dimension: 'Ambiguity',
      evidence: [`${kinds('tradeoff')} tradeoff notes`, `${kinds('decision')} decision records`, `${kinds('log')} engineering-log entries`],
    },
    {
      dimension: 'Failure impact',
      evidence: [
        `${kinds('postmortem')} postmortems`,
        `${(benchmark.forms.complexityExposure.byTag['failure-handling'] ?? 0) + (benchmark.forms.complexityExposure.byTag['production'] ?? 0)} production or failure-handling changes`,
      ],
    },
  ];
  return { period, authors: ctx.matcher.addresses, level, projects, influence, mentoring: glue, growthAreas: benchmark.gaps, dimensions };
}

function scored(b: Bucket, ctx: ReportContext): PacketProject {
  const lines = b.changes.reduce((n, c) => n + c.s.insertions + c.s.deletions, 0);
  const tags = [...new Set(b.changes.flatMap((c) => c.s.tags))].sort();
  const repos = new Set([...b.changes.map((c) => c.repo), ...b.documents.map((d) => d.repo)]);
  const people = new Set<string>();
  for (const c of b.changes)
    for (const p of [c.s.author, ...c.s.coAuthors, ...c.s.reviewers, ...c.s.helpers]) if (!ctx.matcher.is(p)) people.add(foldName(p.name));
  // By name: decision-makers are written as names, and a name is the same person in both lists.
  for (const d of b.documents) for (const p of d.d.details?.people ?? []) if (!ctx.matcher.isNamed(p)) people.add(foldName(p));
  const parts = {
    size: Math.round(Math.log2(1 + lines) * 10) / 10,
    exposure: tags.length * SCORE_WEIGHTS.exposureTag,
    documents: b.documents.length * SCORE_WEIGHTS.designDocument,
    repositories: Math.max(0, repos.size - 1) * SCORE_WEIGHTS.extraRepository,
    people: people.size * SCORE_WEIGHTS.person,
  };
  const receipts = [
    ...b.entries.map((e) => documentReceipt(e.d, e.repo, e.day!, 'brag')),
    ...b.documents.map((d) => documentReceipt(d.d, d.repo, d.day!)),
    ...b.changes.map((c) => changeReceipt(c.s, c.repo, c.s.tags.length ? { tags: c.s.tags } : undefined)),
  ];
  return {
    name: b.name,
    score: Math.round((parts.size + parts.exposure + parts.documents + parts.repositories + parts.people) * 10) / 10,
    scoreParts: parts,
    impact: b.entries.flatMap((e) => (e.d.details?.impact ? [e.d.details.impact] : [])),
    tags,
    receipts,
  };
}

function mostActiveRepository(changes: readonly ChangeOf[]): string | undefined {
  const counts = new Map<string, number>();
  for (const c of changes) counts.set(c.repo, (counts.get(c.repo) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}
