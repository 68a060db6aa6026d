import { daysBetween, isIsoDate } from '../evidence/dates';
import { EvidenceItem, Problem } from '../evidence/model';
import { IndexedDocument } from '../index/snapshot';
import { CANONICAL_STATUSES } from '../evidence/status';
import { supersedeCycles } from './supersedeCycles';

/** A document dated more than this many days after the day git added it is reported. */
const DATE_AFTER_ADDED_DAYS = 30;

/** The canonical words, as the unknown-status finding lists them: `a, b or c`. */
const KNOWN_STATUSES = `${CANONICAL_STATUSES.slice(0, -1).join(', ')} or ${CANONICAL_STATUSES[CANONICAL_STATUSES.length - 1]}`;

/** What a finding is about; quick fixes are keyed by it. */
export type FindingCode =
  | 'unreadable'
  | 'unknown-status'
  | 'superseded-without-successor'
  | 'missing-link-target'
  | 'duplicate-number'
  | 'supersede-cycle'
  | 'bad-date'
  | 'stale-proposal'
  | 'date-after-added'
  | 'unquantified-result';

/** A problem found in an evidence document (Problems panel, `career-evidence check`). */
export interface Finding extends Problem {
  code: FindingCode;
  /** `hint`: a gentle nudge (VS Code shows it in the editor only, not in the Problems panel). */
  severity: 'error' | 'warning' | 'info' | 'hint';
  /** For `missing-link-target`: the target as resolved; for `duplicate-number`: the number; for `date-after-added`: git's day. */
  data?: string;
}

/** A scanned document with its details. */
export type CheckedDocument = IndexedDocument;

/** Options of {@link checkDocuments}. */
export interface CheckOptions {
  /** Local calendar date `YYYY-MM-DD`. */
  today: string;
  /** A decision still proposed after this many days is flagged (setting, default 30). */
  proposedMaxDays: number;
}

/**
 * Checks a root's documents: what could not be read (`problems` from the scan), unknown statuses,
 * superseded documents without a successor link, links to missing documents, numbers used twice in
 * one folder, supersede links that go round in a circle, dates that are not dates, proposals left open longer than `proposedMaxDays`, and brag
 * entries whose impact has no number yet.
 * Pure; findings are sorted by path (code-unit order) and line.
 */
export function checkDocuments(docs: readonly CheckedDocument[], problems: readonly Problem[], opts: CheckOptions): Finding[] {
  return new DocumentChecks().check(docs, problems, opts);
}

/** What {@link DocumentChecks} remembers of a document: the findings about it alone, and the key of its number. */
interface OwnFindings {
  /** Findings reported before those of its links (same order as a fresh check). */
  beforeLinks: Finding[];
  afterLinks: Finding[];
  /** `folder#number` for numbered documents, else null. */
  numberKey: string | null;
}

/**
 * {@link checkDocuments} for checking the documents of one folder again and again (the Problems
 * panel after each edit): what depends on one document alone is remembered by its path until the
 * caller says the document changed ({@link forget}, from the index's change list), so a later check
 * reads only what changed, then runs the checks across documents (links to missing documents,
 * numbers used twice, supersede cycles). Same findings as `checkDocuments` as long as every changed path was
 * forgotten; other options forget everything. Pure: no I/O.
 */
export class DocumentChecks {
  private own = new Map<string, OwnFindings>();
  private optionsKey = '';

  /** Forgets what is remembered of the documents at `paths` (changed, added or removed since the last check). */
  forget(paths: Iterable<string>): void {
    for (const p of paths) this.own.delete(p);
  }

  /** Forgets everything (the folder was read again as a whole). */
  reset(): void {
    this.own.clear();
  }

  check(docs: readonly CheckedDocument[], problems: readonly Problem[], opts: CheckOptions): Finding[] {
    const optionsKey = `${opts.today} ${opts.proposedMaxDays}`;
    if (optionsKey !== this.optionsKey) {
      this.own.clear();
      this.optionsKey = optionsKey;
    }
    const out: Finding[] = problems.map(unreadableFinding);
    let paths: Set<string> | undefined; // made at the first link to check: most documents have none
    const numbers = new Map<string, EvidenceItem[]>();
    for (const d of docs) {
      const own = this.ownOf(d, opts);
      out.push(...own.beforeLinks);
      for (const l of d.details?.links ?? []) {
        if (/^[a-z]+:/i.test(l.target)) continue;
        paths ??= new Set(docs.map((x) => x.item.path));
        if (paths.has(l.target)) continue;
        out.push({
          path: d.item.path,
          line: l.line,
          code: 'missing-link-target',
          severity: 'warning',
          message: `link to a missing document: ${l.target}`,
          data: l.target,
        });
      }
      out.push(...own.afterLinks);
      if (own.numberKey === null) continue;
      const same = numbers.get(own.numberKey);
      if (same) same.push(d.item);
      else numbers.set(own.numberKey, [d.item]);
    }
    for (const same of numbers.values()) {
      if (same.length < 2) continue;
      for (const item of same) {
        const others = same.filter((o) => o !== item).map((o) => o.path.split('/').pop());
        out.push({
          path: item.path,
          line: null,
          code: 'duplicate-number',
          severity: 'error',
          message: `number ${Number(item.id)} is also used by ${others.join(', ')}`,
          data: item.id,
        });
      }
    }
    for (const c of supersedeCycles(docs))
      out.push({
        path: c.path,
        line: c.line,
        code: 'supersede-cycle',
        severity: 'warning',
        message: `supersede cycle of ${c.size === 1 ? 'one decision' : `${c.size} decisions`}: ${c.cycle.join(' → ')}; none of them is the current one`,
      });
    // Code-unit order (not `localeCompare`: ~10× slower, and thousands of findings are sorted on every check).
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  }

  private ownOf({ item, details }: CheckedDocument, opts: CheckOptions): OwnFindings {
    const known = this.own.get(item.path);
    if (known) return known;
    const beforeLinks: Finding[] = [];
    const afterLinks: Finding[] = [];
    const statusLine = details?.statusLine ?? null;
    if (item.statusText && item.status === null && item.format !== 'log4brains') {
      beforeLinks.push({
        path: item.path,
        line: statusLine,
        code: 'unknown-status',
        severity: 'warning',
        message: `unknown status "${item.statusText}" (${KNOWN_STATUSES})`,
      });
    }
    const links = details?.links ?? [];
    if (item.status === 'superseded' && !links.some((l) => l.relation === 'superseded-by') && !/\]\(|ADR-\d+/.test(item.statusText ?? '')) {
      beforeLinks.push({
        path: item.path,
        line: statusLine,
        code: 'superseded-without-successor',
        severity: 'warning',
        message: 'superseded, but no link to the document that supersedes it',
      });
    }
    // A date read as the document's date is valid already; only another text needs the check.
    if (details?.dateText && details.dateText !== item.date && !isIsoDate(details.dateText) && !/^\{.*\}$/.test(details.dateText)) {
      afterLinks.push({
        path: item.path,
        line: details.dateLine ?? null,
        ...(details.dateColumn ? { column: details.dateColumn } : {}),
        code: 'bad-date',
        severity: 'warning',
        message: `"${details.dateText}" is not a date (YYYY-MM-DD)`,
      });
    }
    // A date long after the day git added the file is most likely a typo (2026 for 2025).
    const addedDay = details?.added?.date.slice(0, 10);
    if (item.date && addedDay && isIsoDate(addedDay) && daysBetween(addedDay, item.date) > DATE_AFTER_ADDED_DAYS) {
      afterLinks.push({
        path: item.path,
        line: details?.dateLine ?? null,
        ...(details?.dateColumn ? { column: details.dateColumn } : {}),
        code: 'date-after-added',
        severity: 'info',
        message: `dated ${item.date}, ${daysBetween(addedDay, item.date)} days after git added it (${addedDay}): a typo?`,
        data: addedDay,
      });
    }
    const days = item.kind === 'decision' && item.status === 'proposed' && item.date ? daysBetween(item.date, opts.today) : 0;
    if (days > opts.proposedMaxDays) {
      afterLinks.push({
        path: item.path,
        line: statusLine,
        code: 'stale-proposal',
        severity: 'info',
        message: `proposed ${days} days ago: accept, reject or update it`,
      });
    }
    if (item.kind === 'brag' && details?.resultHasNumber === false) {
      afterLinks.push({
        path: item.path,
        line: null,
        code: 'unquantified-result',
        // Right after the user accepted a suggestion: a nudge, not a problem.
        severity: 'hint',
        message: 'the impact has no number yet: quantify the result (time saved, errors avoided, users reached)',
      });
    }
    const numberKey = /^\d+$/.test(item.id) ? `${item.path.slice(0, Math.max(0, item.path.lastIndexOf('/')))}#${Number(item.id)}` : null;
    const own = { beforeLinks, afterLinks, numberKey };
    this.own.set(item.path, own);
    return own;
  }
}

/** A problem of the scan (a file that could not be read as it should) as a finding. */
function unreadableFinding(p: Problem): Finding {
  return { ...p, code: 'unreadable', severity: /YAML|front matter|binary|larger/.test(p.message) ? 'error' : 'warning' };
}
