import { DEFAULT_EXPOSURE_RULES } from '../git/exposure';
import { Period } from '../evidence/quarters';
import { ChangeOf, DESIGN_ARTIFACT_KINDS, DocumentOf, ReportContext, within } from './context';
import { followUps } from './followUps';
import { Receipt, changeReceipt, documentReceipt, newestFirst } from './receipts';
import { median, nearestRank } from './stats';

/** The six complexity-exposure tags of DOMAIN.md, in its order (the built-in exposure rules). */
export const EXPOSURE_TAGS: readonly string[] = DEFAULT_EXPOSURE_RULES.map((r) => r.tag);

/** A count and its receipts (`count === items.length`). */
export interface Counted {
  count: number;
  items: Receipt[];
}

/**
 * Ownership events of `period`: journal entries marked `ownership: true` or `role: owner|lead`;
 * postmortems the person wrote or owned (`incident-commander`, `owner`); annotated tags the person
 * created; releases and version bumps the person authored; CODEOWNERS lines that name the person;
 * and follow-ups — one per merged change M of the person that another of their merged changes
 * touching a path of M follows 1 to 21 days later, in the same repository (manifests, lock files
 * and changelogs do not count as shared paths). A journal entry, a release and its tag are one item.
 */
export function ownershipEvents(ctx: ReportContext, period: Period): Counted {
  const items: Receipt[] = [];
  for (const doc of ctx.documents) {
    if (!within(doc.day, period)) continue;
    const entry = doc.d.details?.entry;
    if (doc.journal && entry && (entry.ownership || entry.role === 'owner' || entry.role === 'lead')) {
      items.push({
        ...documentReceipt(doc.d, doc.repo, doc.day!, doc.d.item.kind === 'star' ? 'story' : 'brag'),
        ...(entry.commit ? { sha: entry.commit } : {}),
      });
    } else if (doc.d.item.kind === 'postmortem') items.push(documentReceipt(doc.d, doc.repo, doc.day!));
  }
  for (const { tag, repo } of ctx.tags) {
    const day = tag.tagger.date.slice(0, 10);
    if (within(day, period)) items.push({ title: `Tagged ${tag.name}`, date: day, kind: 'tag', repo, sha: tag.sha });
  }
  for (const c of ctx.changes) {
    if (c.role === 'author' && (c.maintenance === 'release' || c.maintenance === 'version-bump') && within(c.day, period))
      items.push(changeReceipt(c.s, c.repo));
  }
  for (const { line, repo } of ctx.codeowners) {
    const day = line.date.slice(0, 10);
    if (within(day, period))
      items.push({ title: `CODEOWNERS: ${line.line.trim()}`, date: day, kind: 'codeowners', repo, sha: line.sha, path: line.path });
  }
  items.push(...followUpReceipts(ctx, period));
  return counted(uniqueByCommit(items).sort(newestFirst));
}

/** Follow-ups ("stayed with the result") of changes merged in `period`: see {@link ownershipEvents}. */
function followUpReceipts(ctx: ReportContext, period: Period): Receipt[] {
  let found = FOLLOW_UPS.get(ctx);
  if (!found) {
    found = followUps(ctx.changes.filter((c) => c.maintenance === null).reverse()); // oldest first
    FOLLOW_UPS.set(ctx, found); // once per context: every period of the trend reads it
  }
  const out: Receipt[] = [];
  for (const [m, f] of found)
    if (within(m.day, period))
      out.push(changeReceipt(m.s, m.repo, { kind: 'followup', title: `Stayed with “${m.s.title}”: ${f.s.title}` }));
  return out;
}

const FOLLOW_UPS = new WeakMap<ReportContext, Map<ChangeOf, ChangeOf>>();

/** Design artifacts of `period`, any status, by kind: documents the person wrote or decided, and journal ones. */
export function designArtifacts(ctx: ReportContext, period: Period): Counted & { byKind: Record<string, number> } {
  const seen = new Set<string>();
  const items: Receipt[] = [];
  for (const doc of ctx.documents) {
    if (!DESIGN_ARTIFACT_KINDS.includes(doc.d.item.kind) || !within(doc.day, period)) continue;
    const key = documentKey(doc);
    if (seen.has(key)) continue; // the same document in a fork or mirror
    seen.add(key);
    items.push(documentReceipt(doc.d, doc.repo, doc.day!));
  }
  const byKind: Record<string, number> = {};
  for (const r of items) byKind[r.documentKind!] = (byKind[r.documentKind!] ?? 0) + 1;
  return { ...counted(items.sort(newestFirst)), byKind };
}

/** Review latency of the person's merged changes in `period`: median and nearest-rank p90 over measured ones, slowest first. */
export function reviewLatency(
  ctx: ReportContext,
  period: Period,
): Counted & { medianHours: number | null; p90Hours: number | null; estimated: number; medianHoursToFirstReview?: number } {
  const changes = ctx.changesIn(period);
  // Known only for pull requests fetched with the user's consent: ready for review → first review.
  const waits = changes.flatMap((c) => (typeof c.s.waitingForFirstReviewHours === 'number' ? [c.s.waitingForFirstReviewHours] : []));
  const toFirstReview = median(waits);
  const hours = changes.flatMap((c) => (c.s.reviewLatencyHours === null ? [] : [c.s.reviewLatencyHours]));
  const items = changes
    .map((c) => changeReceipt(c.s, c.repo, { hours: c.s.reviewLatencyHours, estimated: c.s.latencyEstimated }))
    .sort((a, b) => (b.hours ?? -1) - (a.hours ?? -1) || newestFirst(a, b));
  return {
    ...counted(items),
    medianHours: medianLatency(ctx, period),
    p90Hours: nearestRank(hours, 90),
    estimated: changes.filter((c) => c.s.reviewLatencyHours !== null && c.s.latencyEstimated).length,
    ...(toFirstReview === null ? {} : { medianHoursToFirstReview: Math.round(toFirstReview * 10) / 10 }),
  };
}

/** Complexity exposure of `period`: the person's merged changes per tag, and the six tags never touched. */
export function complexityExposure(ctx: ReportContext, period: Period): Counted & { byTag: Record<string, number>; untouched: string[] } {
  const byTag: Record<string, number> = Object.fromEntries(EXPOSURE_TAGS.map((t) => [t, 0]));
  const items: Receipt[] = [];
  for (const c of ctx.changesIn(period)) {
    if (c.s.tags.length === 0) continue;
    for (const t of c.s.tags) byTag[t] = (byTag[t] ?? 0) + 1;
    items.push(changeReceipt(c.s, c.repo, { tags: c.s.tags }));
  }
  return { ...counted(items.sort(newestFirst)), byTag, untouched: EXPOSURE_TAGS.filter((t) => byTag[t] === 0) };
}

/** Distinct tags touched: what exposure's target counts. */
export function distinctTags(exposure: { byTag: Record<string, number> }): number {
  return Object.values(exposure.byTag).filter((n) => n > 0).length;
}

/** STAR stories of the journal dated up to the period's end (stories accumulate; undated ones count), ready or incomplete. */
export function interviewStories(ctx: ReportContext, period: Period): Counted & { ready: number; incomplete: number } {
  const items: Receipt[] = [];
  for (const doc of ctx.documents) {
    if (!doc.journal || doc.d.item.kind !== 'star' || (doc.day !== null && doc.day > period.to)) continue;
    const story = doc.d.details?.story;
    const missing = story
      ? [...story.missing, ...(story.missing.includes('result') || story.resultHasNumber ? [] : ['a number in the result'])]
      : ['situation', 'task', 'action', 'result'];
    items.push({
      ...documentReceipt(doc.d, doc.repo, doc.day ?? period.to, 'story'),
      story: missing.length === 0 ? 'ready' : 'incomplete',
      missing,
    });
  }
  const ready = items.filter((r) => r.story === 'ready').length;
  return { ...counted(items.sort(newestFirst)), ready, incomplete: items.length - ready };
}

/** Paths of documentation, runbooks and onboarding: a change touching one is glue work. */
const DOCUMENTATION_PATH =
  /(^|\/)(docs?|documentation|runbooks?|playbooks?|onboarding|wiki)\/|(^|\/)(README|CONTRIBUTING|ONBOARDING|RUNBOOK)[^/]*$/i;

/**
 * Glue work of `period`: merges for others, review and help trailers, reviews given on the hosting
 * service (fetched with consent; a pull request already counted by a trailer counts once),
 * co-authored work, documentation changes.
 */
export function glueWork(
  ctx: ReportContext,
  period: Period,
): Counted & { mergesForOthers: number; reviewTrailers: number; reviewsGiven: number; coAuthored: number; documentation: number } {
  const items: Receipt[] = [];
  const add = (c: ChangeOf, role: NonNullable<Receipt['role']>) => {
    const r = changeReceipt(c.s, c.repo);
    items.push({ ...r, kind: role === 'reviewed' || role === 'helped' ? 'review' : r.kind, role });
  };
  for (const c of ctx.forOthers) {
    if (!within(c.day, period) || c.maintenance !== null) continue; // merging 'main' into a branch helps no one
    add(c, c.role === 'merged' ? 'merged' : c.role === 'helped' ? 'helped' : 'reviewed');
  }
  const listed = new Set(items.flatMap((r) => (r.pr ? [`${r.repo}#${r.pr}`] : [])));
  for (const g of ctx.reviewsGiven) {
    if (!within(g.day, period) || listed.has(`${g.repo}#${g.review.number}`)) continue;
    items.push({
      title: g.review.title,
      date: g.day,
      kind: 'review',
      repo: g.repo,
      pr: g.review.number,
      ...(g.review.url ? { url: g.review.url } : {}),
      role: 'review-given',
    });
  }
  for (const c of ctx.changesIn(period)) {
    if (c.role === 'co-author' || c.s.coAuthors.length > 0) add(c, 'co-authored');
    if (c.s.paths.some((p) => DOCUMENTATION_PATH.test(p))) add(c, 'documentation');
  }
  const n = (...roles: Receipt['role'][]) => items.filter((r) => roles.includes(r.role)).length;
  return {
    ...counted(items.sort(newestFirst)),
    mergesForOthers: n('merged'),
    reviewTrailers: n('reviewed', 'helped'),
    reviewsGiven: n('review-given'),
    coAuthored: n('co-authored'),
    documentation: n('documentation'),
  };
}

function counted(items: Receipt[]): Counted {
  return { count: items.length, items };
}

/**
 * Drops a later receipt of a piece of work already listed: a brag entry recorded from a release,
 * the tag of a release commit. A CODEOWNERS line and a follow-up are events of their own, whatever
 * commit carries them.
 */
function uniqueByCommit(items: Receipt[]): Receipt[] {
  const seen = new Set<string>();
  return items.filter((r) => {
    if (!r.sha || r.kind === 'followup' || r.kind === 'codeowners') return true;
    if (seen.has(r.sha)) return false;
    seen.add(r.sha);
    return true;
  });
}

function documentKey(doc: DocumentOf): string {
  const added = doc.d.details?.added;
  return added ? `${doc.d.item.path}\n${added.date}` : `${doc.repo}\n${doc.d.item.path}`;
}

/** The median review latency of `period` alone (the trend's figure: no receipts made). */
export function medianLatency(ctx: ReportContext, period: Period): number | null {
  const hours = ctx.changesIn(period).flatMap((c) => (c.s.reviewLatencyHours === null ? [] : [c.s.reviewLatencyHours]));
  const med = median(hours);
  return med === null ? null : Math.round(med * 10) / 10;
}

/** Distinct exposure tags touched in `period` alone (the trend's figure). */
export function distinctTagsIn(ctx: ReportContext, period: Period): number {
  return new Set(ctx.changesIn(period).flatMap((c) => c.s.tags)).size;
}
