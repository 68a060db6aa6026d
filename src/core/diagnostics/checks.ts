import { isIsoDate } from '../evidence/dates';
import { DocumentDetails, EvidenceItem, Problem } from '../evidence/model';

/** What a finding is about; quick fixes are keyed by it. */
export type FindingCode =
  | 'unreadable'
  | 'unknown-status'
  | 'superseded-without-successor'
  | 'missing-link-target'
  | 'duplicate-number'
  | 'bad-date'
  | 'stale-proposal'
  | 'unquantified-result';

/** A problem found in an evidence document (Problems panel, `career-evidence check`). */
export interface Finding extends Problem {
  code: FindingCode;
  severity: 'error' | 'warning' | 'info';
  /** For `missing-link-target`: the target as resolved; for `duplicate-number`: the number. */
  data?: string;
}

/** A scanned document with its details. */
export interface CheckedDocument {
  item: EvidenceItem;
  details?: DocumentDetails;
}

/** Options of {@link checkDocuments}. */
export interface CheckOptions {
  /** Local calendar date `YYYY-MM-DD`. */
  today: string;
  /** A decision still proposed after this many days is flagged (setting, default 30). */
  proposedMaxDays: number;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Checks a root's documents: what could not be read (`problems` from the scan), unknown statuses,
 * superseded documents without a successor link, links to missing documents, numbers used twice in
 * one folder, dates that are not dates, proposals left open longer than `proposedMaxDays`, and brag
 * entries whose impact has no number yet.
 * Pure; findings are sorted by path (code-unit order) and line.
 */
export function checkDocuments(docs: readonly CheckedDocument[], problems: readonly Problem[], opts: CheckOptions): Finding[] {
  const out: Finding[] = problems.map((p) => ({ ...p, code: 'unreadable' as const, severity: /YAML|front matter|binary|larger/.test(p.message) ? ('error' as const) : ('warning' as const) }));
  const paths = new Set(docs.map((d) => d.item.path));
  const numbers = new Map<string, EvidenceItem[]>();
  for (const { item, details } of docs) {
    const statusLine = details?.statusLine ?? null;
    if (item.statusText && item.status === null && item.format !== 'log4brains') {
      out.push({ path: item.path, line: statusLine, code: 'unknown-status', severity: 'warning', message: `unknown status "${item.statusText}" (proposed, accepted, rejected, deprecated, superseded or draft)` });
    }
    const links = details?.links ?? [];
    if (item.status === 'superseded' && !links.some((l) => l.relation === 'superseded-by') && !/\]\(|ADR-\d+/.test(item.statusText ?? '')) {
      out.push({ path: item.path, line: statusLine, code: 'superseded-without-successor', severity: 'warning', message: 'superseded, but no link to the document that supersedes it' });
    }
    for (const l of links) {
      if (/^[a-z]+:/i.test(l.target) || paths.has(l.target)) continue;
      out.push({ path: item.path, line: l.line, code: 'missing-link-target', severity: 'warning', message: `link to a missing document: ${l.target}`, data: l.target });
    }
    // A date read as the document's date is valid already; only another text needs the check.
    if (details?.dateText && details.dateText !== item.date && !isIsoDate(details.dateText) && !/^\{.*\}$/.test(details.dateText)) {
      out.push({ path: item.path, line: null, code: 'bad-date', severity: 'warning', message: `"${details.dateText}" is not a date (YYYY-MM-DD)` });
    }
    if (item.kind === 'decision' && item.status === 'proposed' && item.date && daysBetween(item.date, opts.today) > opts.proposedMaxDays) {
      out.push({ path: item.path, line: statusLine, code: 'stale-proposal', severity: 'info', message: `proposed ${daysBetween(item.date, opts.today)} days ago: accept, reject or update it` });
    }
    if (item.kind === 'brag' && details?.resultHasNumber === false) {
      out.push({ path: item.path, line: null, code: 'unquantified-result', severity: 'info', message: 'the impact has no number yet: quantify the result (time saved, errors avoided, users reached)' });
    }
    if (/^\d+$/.test(item.id)) {
      const key = `${item.path.slice(0, Math.max(0, item.path.lastIndexOf('/')))}#${Number(item.id)}`;
      const same = numbers.get(key);
      if (same) same.push(item);
      else numbers.set(key, [item]);
    }
  }
  for (const same of numbers.values()) {
    if (same.length < 2) continue;
    for (const item of same) {
      const others = same.filter((o) => o !== item).map((o) => o.path.split('/').pop());
      out.push({ path: item.path, line: null, code: 'duplicate-number', severity: 'error', message: `number ${Number(item.id)} is also used by ${others.join(', ')}`, data: item.id });
    }
  }
  // Code-unit order (not `localeCompare`: ~10× slower, and thousands of findings are sorted on every check).
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}
