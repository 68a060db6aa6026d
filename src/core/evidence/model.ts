import type { CanonicalStatus } from './status';

/**
 * The evidence model: what every reader produces and every view, report and CLI consumes.
 * Pure data; no I/O.
 */

/**
 * Kinds of evidence documents. `decision` covers ADRs in every format; `log` is an engineering-log
 * entry, `growth` a growth card; `brag` (brag-document entry) and `star` (STAR interview story) live
 * in the personal journal. Labels, folders and initial statuses: `kinds.ts`.
 */
export type EvidenceKind = 'decision' | 'rfc' | 'design' | 'tradeoff' | 'postmortem' | 'log' | 'growth' | 'brag' | 'star';

/**
 * The convention a document is written in:
 * - `adr-tools`: Nygard ADRs as written by adr-tools (`# N. Title`, `Date:`, `## Status`).
 * - `madr`: MADR 2.x (bullet metadata) or MADR 3/4 (YAML front matter).
 * - `log4brains`: log4brains ADRs (`- Status:` / `- Date:` bullets, `YYYYMMDD-slug.md`).
 * - `career-evidence`: our own documents (front matter with `career-kind`).
 * - `markdown`: a Markdown document in an evidence folder that follows none of the above.
 */
export type DocumentFormat = 'adr-tools' | 'madr' | 'log4brains' | 'career-evidence' | 'markdown';

/**
 * The convention of the folder a document was found in, as detected from configuration files:
 * `adr-tools` (from `.adr-dir` or `doc/adr`), `log4brains` (from `.log4brains.yml`), else `generic`.
 */
export type FolderConvention = 'adr-tools' | 'log4brains' | 'generic';

/** Canonical lifecycle statuses, lower case: the table in `status.ts`. */
export type { CanonicalStatus };

/** One evidence document found on disk. */
export interface EvidenceItem {
  kind: EvidenceKind;
  format: DocumentFormat;
  /** Numeric file-name prefix as written (`"0007"`), else the file name without `.md` (log4brains slugs). */
  id: string;
  title: string;
  /** Canonical status, or null when absent or not one of the canonical words (see `statusText`). */
  status: CanonicalStatus | null;
  /** The status exactly as the document writes it (e.g. `"Superseded by [3. X](0003-x.md)"`), or null. */
  statusText: string | null;
  /** `YYYY-MM-DD` as written in the document (no time zone), or null. */
  date: string | null;
  /** Path relative to the scanned root, POSIX separators. */
  path: string;
}

/** Something wrong with a document or a configuration file; the document is still listed. */
export interface Problem {
  /** Path relative to the scanned root, POSIX separators. */
  path: string;
  /** 1-based line, or null when the problem concerns the whole file. */
  line: number | null;
  /** 1-based column on that line, when known (YAML errors). */
  column?: number;
  message: string;
}

/** What else a document says about itself, beyond the `scan` contract (for the index and checks). */
export interface DocumentDetails {
  /** `decision-makers` / `deciders` (MADR), `Deciders` (log4brains, MADR 2), `authors` (ours). */
  people: string[];
  /** `tags` (front matter list or bullet `Tags: a, b`). */
  tags: string[];
  /** The date as written, when there is one (even when it is not a date). */
  dateText: string | null;
  /** 1-based line and column where `dateText` stands, when known (to point diagnostics at). */
  dateLine?: number;
  dateColumn?: number;
  /** 1-based line of the status (to point diagnostics at), or null. */
  statusLine: number | null;
  /** For brag entries: whether the `## Impact` section states a number (null for other kinds). */
  resultHasNumber: boolean | null;
  /** For brag entries: the `## Impact` (or `## Result`) text without placeholders, at most 1,000 characters; empty when none. */
  impact?: string;
  /** True when the document opens with YAML front matter (MADR 3/4, ours) rather than bullets (MADR 2). */
  hasFrontMatter: boolean;
  /** Who added the file and when, from git (filled in by the index when git may run), else absent. */
  added?: { name: string; email: string; date: string };
  /** Links the document declares (see `readLinks`): relation and repository-relative target. */
  links: { relation: string; target: string; line: number | null }[];
  /** `incident-commander`, `owner`, `owners` (front matter) or `Incident commander:`/`Owner:` bullets: who owned it (postmortems). */
  owners?: string[];
  /** What a journal entry's front matter says for the reports (present when the document has front matter). */
  entry?: EntryFields;
  /** For STAR stories: the parts still to write and whether the Result measures (`journal/story.ts`). */
  story?: { missing: ('situation' | 'task' | 'action' | 'result')[]; resultHasNumber: boolean };
}

/** Front-matter fields of journal entries that reports read; each null when absent. */
export interface EntryFields {
  /** `role:` lower case (`owner`, `lead`, `contributor`…). */
  role: string | null;
  /** `ownership: true`. */
  ownership: boolean;
  /** `project:` — groups entries, changes and documents into one project of the brag document and packet. */
  project: string | null;
  /** `commit:` — the accepted suggestion's commit (40 hex digits). */
  commit: string | null;
  /** `repo:` — the repository's folder name. */
  repo: string | null;
  /** `source:` — the design document an entry was made from (repository-relative path). */
  source: string | null;
  /** `category:` (`feature`, `fix`, `design`, `mentoring`, `operations`, `learning`, `glue`…). */
  category: string | null;
}

/** Result of reading one document: the item, its details and whatever was wrong with it. */
export interface ReadResult {
  item: EvidenceItem;
  problems: Problem[];
  details?: DocumentDetails;
  /** True for a template, not a document: its only `# Title` heading sits inside an HTML comment. Not listed. */
  template?: true;
}
