import { quarterOf } from '../evidence/quarters';
import { KINDS, EVIDENCE_KINDS } from '../evidence/kinds';
import { CanonicalStatus } from '../evidence/model';
import { readPerson } from '../evidence/person';
import { IndexedDocument } from './snapshot';
import { statusInfo } from '../evidence/status';

/** How the Evidence view groups documents. */
export type GroupBy = 'kind' | 'quarter' | 'status' | 'tag';

/** A document as the view shows it. */
export type ViewDocument = IndexedDocument;

/** The view's filter. Empty fields filter nothing. */
export interface ViewFilter {
  /** Case-insensitive words, all of which must appear in the title, tags, status or people. */
  text?: string;
  /** Only documents the user is a decision-maker or author of. */
  mineOnly?: boolean;
  status?: CanonicalStatus;
}

/** Who "mine" is: e-mail addresses and names (git `user.name`), compared case-insensitively. */
export interface Identity {
  emails: readonly string[];
  names: readonly string[];
}

/** A group of the view: its label and members, in display order. */
export interface Group<T extends ViewDocument> {
  key: string;
  label: string;
  members: T[];
}

const kindLabel = (kind: string): string => KINDS[kind as keyof typeof KINDS].plural;
const statusLabel = (status: string): string => statusInfo(status as CanonicalStatus).label;

/**
 * True when the document is the user's: they are among its decision-makers or authors, or they are
 * the git author of the commit that added it (history read with `.mailmap`; aliases in `me.emails`).
 */
export function isMine(d: ViewDocument, me: Identity): boolean {
  return mineTest(me)(d);
}

/** True when the document passes the filter. */
export function matchesViewFilter(d: ViewDocument, f: ViewFilter, me: Identity): boolean {
  return viewFilterTest(f, me)(d);
}

/**
 * The filter as a test of one document, for filtering many: the identity and the words are read
 * once, not per document.
 */
export function viewFilterTest(f: ViewFilter, me: Identity): (d: ViewDocument) => boolean {
  const mine = f.mineOnly ? mineTest(me) : undefined;
  const words = (f.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return (d) => {
    if (f.status && d.item.status !== f.status) return false;
    if (mine && !mine(d)) return false;
    if (words.length === 0) return true;
    const hay = [d.item.title, d.item.statusText ?? '', d.item.status ?? '', ...(d.details?.tags ?? []), ...(d.details?.people ?? [])]
      .join(' ')
      .toLowerCase();
    return words.every((w) => hay.includes(w));
  };
}

function mineTest(me: Identity): (d: ViewDocument) => boolean {
  const wanted = new Set([...me.emails, ...me.names].map((x) => x.trim().toLowerCase()).filter(Boolean));
  return (d) => {
    const added = d.details?.added;
    if (added && (wanted.has(added.email.toLowerCase()) || wanted.has(added.name.toLowerCase()))) return true;
    return (d.details?.people ?? []).some((p) => {
      const email = readPerson(p)?.email || undefined;
      return wanted.has(p.trim().toLowerCase()) || (email !== undefined && wanted.has(email.toLowerCase()));
    });
  };
}

/** True when the filter filters anything. */
export function isFiltering(f: ViewFilter): boolean {
  return !!(f.text?.trim() || f.mineOnly || f.status);
}

/** One line describing the filter, for the view's message. */
export function describeFilter(f: ViewFilter): string {
  return [f.text?.trim() ? `“${f.text.trim()}”` : null, f.mineOnly ? 'mine only' : null, f.status ? `status ${f.status}` : null]
    .filter(Boolean)
    .join(' · ');
}

/**
 * Groups documents: by kind (in the kinds' order), by quarter of their date (newest first,
 * `No date` last), by status (open ones first), or by tag (a document with two tags is in both;
 * `Untagged` last). Empty groups are left out.
 */
export function groupDocuments<T extends ViewDocument>(docs: readonly T[], by: GroupBy): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  // The label is made once per group, not per document (this runs over every document on each regroup).
  const add = (key: string, label: string | ((key: string) => string), d: T) => {
    const g = groups.get(key);
    if (g) g.members.push(d);
    else groups.set(key, { key, label: typeof label === 'string' ? label : label(key), members: [d] });
  };
  for (const d of docs) {
    if (by === 'kind') add(d.item.kind, kindLabel, d);
    else if (by === 'quarter') {
      // Created: the document's own date, else the day git added the file.
      const day = d.item.date ?? d.details?.added?.date.slice(0, 10) ?? null;
      if (day) {
        const quarter = quarterOf(day);
        add(quarter, quarter, d);
      } else add('~none', 'No date', d);
    } else if (by === 'status') {
      const status = d.item.status;
      if (status) add(status, statusLabel, d);
      else add('~none', 'No status', d);
    } else {
      const tags = d.details?.tags ?? [];
      if (tags.length === 0) add('~none', 'Untagged', d);
      for (const t of tags) add(`tag:${t.toLowerCase()}`, t, d);
    }
  }
  const order = (g: Group<T>): string => {
    if (g.key === '~none') return '\uffff';
    if (by === 'kind') return String(EVIDENCE_KINDS.indexOf(g.key as never)).padStart(2, '0');
    if (by === 'status') return String(statusInfo(g.key as CanonicalStatus).groupRank).padStart(2, '0');
    return g.key;
  };
  const list = [...groups.values()].sort((a, b) => order(a).localeCompare(order(b)));
  return by === 'quarter' ? [...list.filter((g) => g.key !== '~none').reverse(), ...list.filter((g) => g.key === '~none')] : list;
}
