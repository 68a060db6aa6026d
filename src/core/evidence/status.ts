/** What the extension and the CLI know of each canonical status. */
export interface StatusInfo {
  status: CanonicalStatus;
  /** Capitalised, for group labels and tooltips. */
  label: string;
  /** Place among the Evidence view's status groups: open documents first. */
  groupRank: number;
  /** The letter shown on the file (explorer and Evidence view), and whether the file is dimmed; accepted has none. */
  badge: { letter: string; dim: boolean } | null;
  /** Offered by the "Set status" quick fix for a status the reader does not know. */
  quickFix: boolean;
  /** Offered by Change Status… for a document with no status yet (superseded needs Supersede…). */
  settable: boolean;
}

/**
 * The canonical lifecycle statuses (MADR and adr-tools vocabulary, plus `draft`), lower case, in
 * the order pickers list them: the one table of status words.
 */
const TABLE = {
  proposed: { label: 'Proposed', groupRank: 0, badge: { letter: 'P', dim: false }, quickFix: true, settable: true },
  accepted: { label: 'Accepted', groupRank: 2, badge: null, quickFix: true, settable: true },
  rejected: { label: 'Rejected', groupRank: 3, badge: { letter: 'R', dim: true }, quickFix: true, settable: true },
  deprecated: { label: 'Deprecated', groupRank: 4, badge: { letter: 'D', dim: true }, quickFix: true, settable: true },
  superseded: { label: 'Superseded', groupRank: 5, badge: { letter: 'S', dim: true }, quickFix: false, settable: false },
  draft: { label: 'Draft', groupRank: 1, badge: { letter: 'Dr', dim: false }, quickFix: false, settable: true },
} as const satisfies Record<string, Omit<StatusInfo, 'status'>>;

/** A canonical status word (see the table above). */
export type CanonicalStatus = keyof typeof TABLE;

/** The canonical statuses with what is known of each, in the order pickers list them. */
export const STATUSES: readonly StatusInfo[] = Object.entries(TABLE).map(([status, info]) => ({
  status: status as CanonicalStatus,
  ...info,
}));

/** The canonical status words, in {@link STATUSES} order. */
export const CANONICAL_STATUSES: readonly CanonicalStatus[] = STATUSES.map((s) => s.status);

const BY_STATUS = new Map(STATUSES.map((s) => [s.status, s]));

/** The table row of a canonical status. */
export function statusInfo(status: CanonicalStatus): StatusInfo {
  return BY_STATUS.get(status)!;
}

/** True when `word` is one of the canonical status words (lower case). */
export function isCanonicalStatus(word: string): word is CanonicalStatus {
  return BY_STATUS.has(word as CanonicalStatus);
}

/**
 * Words teams write for the canonical statuses, lower case, one or two words (the first two words
 * of a status are looked up, then the first). The raw text is always kept as `statusText`.
 */
export const STATUS_SYNONYMS: Readonly<Record<string, CanonicalStatus>> = {
  superceded: 'superseded', // adr-tools' historical spelling
  'replaced by': 'superseded',
  approved: 'accepted',
  agreed: 'accepted',
  adopted: 'accepted',
  decided: 'accepted',
  done: 'accepted',
  implemented: 'accepted',
  'in review': 'proposed',
  'under review': 'proposed',
  pending: 'proposed',
  open: 'proposed',
  proposal: 'proposed',
  discussing: 'proposed',
  rfc: 'proposed',
  declined: 'rejected',
  abandoned: 'rejected',
  withdrawn: 'rejected',
  "won't do": 'rejected',
  obsolete: 'deprecated',
  retired: 'deprecated',
};

const SYNONYMS = new Map(Object.entries(STATUS_SYNONYMS));

/**
 * A team's or a user's own status words: a lower-case word or two (`"ratified"`, `"on hold"`) to
 * its canonical status. Read by `readStatusAliases` (statusAliases.ts); looked up before
 * {@link STATUS_SYNONYMS}, so a team can also redefine a built-in synonym.
 */
export type StatusAliases = ReadonlyMap<string, CanonicalStatus>;

/**
 * The leading word and the leading two words of a status as written (after Markdown emphasis),
 * lower case, or null when it does not start with a word: what {@link canonicalStatus} looks up,
 * and the key a "treat '<word>' as …" quick fix records. Linear in the text's length.
 */
export function statusWords(text: string): { first: string; two?: string } | null {
  const words = /^[\s*_`]*([A-Za-z]+(?:['’][A-Za-z]+)?)(?:[ \t]+([A-Za-z]+))?/.exec(text.slice(0, 200));
  if (!words) return null;
  const first = words[1].toLowerCase().replace('’', "'");
  return words[2] ? { first, two: `${first} ${words[2].toLowerCase()}` } : { first };
}

/**
 * Maps a status as written to its canonical lower-case word, or null. The leading words are read
 * (after Markdown emphasis), so `"Superseded by [3. X](0003-x.md)"` and MADR 4's `"superseded by
 * ADR-0123"` are `superseded`, `"Approved by the board"` is `accepted` ({@link STATUS_SYNONYMS});
 * `aliases` (a team's or user's words) are looked up first, two words before one; other words give
 * null. Linear in the text's length.
 */
export function canonicalStatus(text: string | null | undefined, aliases?: StatusAliases): CanonicalStatus | null {
  if (!text) return null;
  const words = statusWords(text);
  if (!words) return null;
  const { first, two } = words;
  if (aliases?.size) {
    const own = (two !== undefined ? aliases.get(two) : undefined) ?? aliases.get(first);
    if (own) return own;
  }
  const synonym = two !== undefined ? SYNONYMS.get(two) : undefined;
  if (synonym) return synonym;
  if (isCanonicalStatus(first)) return first;
  return SYNONYMS.get(first) ?? null;
}

/** Edit distance (insertions, deletions, substitutions) between two short words. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/**
 * The statuses a quick fix offers for a status the reader does not know, closest to what is written
 * first (by the edit distance of its first word to each status and synonym; ties in table order).
 */
export function closestStatuses(written: string): CanonicalStatus[] {
  const word = (/[A-Za-z]+/.exec(written)?.[0] ?? '').toLowerCase().slice(0, 40);
  const offered = STATUSES.filter((s) => s.quickFix).map((s) => s.status);
  const distance = (status: CanonicalStatus) =>
    Math.min(editDistance(word, status), ...[...SYNONYMS].filter(([, to]) => to === status).map(([from]) => editDistance(word, from)));
  return offered
    .map((status, i) => ({ status, d: distance(status), i }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.status);
}
