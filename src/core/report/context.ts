import { ReviewGiven } from '../pullRequests/model';
import { Period } from '../evidence/quarters';
import { EvidenceKind } from '../evidence/model';
import { Suggestion, SuggestionRole, suggestionRole } from '../git/suggestions';
import { IndexedDocument } from '../index/snapshot';
import { CodeownersAddition, EvidenceSet, TagRecord } from './evidenceSet';
import { MaintenanceKind, maintenanceKind } from './maintenance';
import { PersonMatcher, ReportPerson } from './person';

/** Kinds that are design artifacts (DOMAIN.md: decision records, RFCs, design docs, tradeoff notes, postmortems, short proposals). */
export const DESIGN_ARTIFACT_KINDS: readonly EvidenceKind[] = ['decision', 'rfc', 'design', 'tradeoff', 'postmortem', 'log'];

/** A merged change with the repository it was found in, the day it counts on and the person's part in it. */
export interface ChangeOf {
  s: Suggestion;
  repo: string;
  /** Merge day, `YYYY-MM-DD`, in the committer's offset (as `suggest --range`). */
  day: string;
  /** Merge time, ms since the epoch (for ordering). */
  at: number;
  role: SuggestionRole;
  maintenance: MaintenanceKind | null;
}

/** A document with where it was found and the day it counts on. */
export interface DocumentOf {
  d: IndexedDocument;
  repo: string;
  /** The document's own date, else the day git added it, else null (undated: counts in no period). */
  day: string | null;
  /** True for a journal entry (always the person's own). */
  journal: boolean;
}

/**
 * What every report reads, worked out once for an evidence set and a person: the person's changes
 * (each commit once, even when two repositories reach it), the changes they merged, reviewed or
 * helped with for others, their documents, tags and CODEOWNERS lines. Periods then only filter.
 * Pure.
 */
export class ReportContext {
  readonly matcher: PersonMatcher;
  /** Changes the person authored or co-authored, newest first (bots' work never; upkeep marked by `maintenance`). */
  readonly changes: ChangeOf[] = [];
  /** Others' changes the person merged, reviewed or helped with. */
  readonly forOthers: ChangeOf[] = [];
  /** Design artifacts and growth cards the person wrote or decided, and every journal entry. */
  readonly documents: DocumentOf[] = [];
  /** Annotated tags the person created. */
  readonly tags: { tag: TagRecord & { tagger: NonNullable<TagRecord['tagger']> }; repo: string }[] = [];
  /** CODEOWNERS lines that name the person. */
  readonly codeowners: { line: CodeownersAddition; repo: string }[] = [];
  /** Others' pull requests the person reviewed, from the hosting service (with consent), each once per repository. */
  readonly reviewsGiven: { review: ReviewGiven; repo: string; day: string }[] = [];

  constructor(
    readonly set: EvidenceSet,
    person: ReportPerson,
  ) {
    this.matcher = new PersonMatcher(person);
    const seen = new Set<string>();
    const addresses = new Set(this.matcher.addresses);
    for (const repo of set.repositories) {
      for (const s of repo.changes) {
        if (seen.has(s.sha)) continue; // a fork or mirror reaches the same commit: it counts once
        const role = suggestionRole(s, addresses);
        if (role === null) continue;
        seen.add(s.sha);
        const c: ChangeOf = {
          s,
          repo: repo.root,
          day: s.mergedAt.slice(0, 10),
          at: Date.parse(s.mergedAt),
          role,
          maintenance: maintenanceKind(s),
        };
        // (suggestionRole never makes a bot's own change anyone's `author` work.)
        if (role === 'author' || role === 'co-author') this.changes.push(c);
        else this.forOthers.push(c);
      }
      for (const d of repo.documents) {
        if (!(DESIGN_ARTIFACT_KINDS.includes(d.item.kind) || d.item.kind === 'growth') || !this.wrote(d)) continue;
        this.documents.push({ d, repo: repo.root, day: d.item.date ?? d.details?.added?.date.slice(0, 10) ?? null, journal: false });
      }
      for (const tag of repo.tags)
        if (tag.tagger && this.matcher.isEmail(tag.tagger.email)) this.tags.push({ tag: { ...tag, tagger: tag.tagger }, repo: repo.root });
      for (const line of repo.codeowners) if (this.matcher.ownsIn(line.line)) this.codeowners.push({ line, repo: repo.root });
      const reviewed = new Set<number>();
      for (const review of repo.reviewsGiven ?? [])
        if (!reviewed.has(review.number) && reviewed.add(review.number))
          this.reviewsGiven.push({ review, repo: repo.root, day: review.mergedAt.slice(0, 10) });
    }
    for (const d of set.journal?.documents ?? []) {
      this.documents.push({ d, repo: set.journal!.root, day: d.item.date, journal: true });
    }
    const byNewest = (a: ChangeOf, b: ChangeOf) => b.at - a.at;
    this.changes.sort(byNewest);
    this.forOthers.sort(byNewest);
  }

  /** The person's merged changes in `period`, newest first: upkeep (sync merges, releases, version bumps) left out. */
  changesIn(period: Period): readonly ChangeOf[] {
    const key = `${period.from} ${period.to}`;
    let list = this.byPeriod.get(key); // every form reads it: filtered once per period
    if (!list) this.byPeriod.set(key, (list = this.changes.filter((c) => c.maintenance === null && within(c.day, period))));
    return list;
  }

  private readonly byPeriod = new Map<string, ChangeOf[]>();

  /** True when the person wrote or decided a document: git's author of the file, or named among its people or owners. */
  private wrote(d: IndexedDocument): boolean {
    if (this.matcher.isEmail(d.details?.added?.email)) return true;
    return [...(d.details?.people ?? []), ...(d.details?.owners ?? [])].some((p) => this.matcher.isNamed(p));
  }
}

/** True when `day` (`YYYY-MM-DD`) lies in the period. */
export function within(day: string | null, period: Period): boolean {
  return day !== null && day >= period.from && day <= period.to;
}
