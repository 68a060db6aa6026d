import { Problem } from '../evidence/model';
import { Person } from '../evidence/person';
import { Suggestion } from '../git/suggestions';
import { IndexedDocument } from '../index/snapshot';
import { ReviewGiven } from '../pullRequests/model';

/**
 * The evidence a report is computed from: what was read from each repository and from the journal.
 * Pure data, gathered by `node/report/gather.ts` (CLI) or from the extension's caches.
 */
export interface EvidenceSet {
  repositories: RepositoryEvidence[];
  journal: JournalEvidence | null;
  /** Repositories that could not be read (gone, not a git repository), each with why. */
  problems: Problem[];
}

/** One repository's evidence. */
export interface RepositoryEvidence {
  /** Absolute path of the repository's top folder. */
  root: string;
  /**
   * Merged work on its first-parent line, newest first, mined with `othersWork` (so the merges and
   * reviews done for others are there) since the first day of the trend's oldest quarter.
   */
  changes: Suggestion[];
  /** Its evidence documents, with `details.added` (who added the file, and when) where git knows. */
  documents: IndexedDocument[];
  /** Its tags: annotated ones carry their tagger. */
  tags: TagRecord[];
  /** Lines added to a CODEOWNERS file (`CODEOWNERS`, `.github/`, `docs/`), by commit. */
  codeowners: CodeownersAddition[];
  /** Others' merged pull requests the person reviewed, from the hosting service (fetched with consent; absent otherwise). */
  reviewsGiven?: ReviewGiven[];
}

/** A git tag. */
export interface TagRecord {
  /** The tag's name (`v1.4.0`). */
  name: string;
  /** The commit it points at (40 hex digits). */
  sha: string;
  /** For an annotated tag: who created it and when (ISO 8601 with offset); null for a lightweight tag. */
  tagger: (Person & { date: string }) | null;
}

/** One line added to a CODEOWNERS file by a commit. */
export interface CodeownersAddition {
  /** The commit that added it (40 hex digits) and its author date, ISO 8601 with offset. */
  sha: string;
  date: string;
  /** The CODEOWNERS file, repository-relative. */
  path: string;
  /** The line as added: `pattern @owner @org/team e-mail…`. */
  line: string;
}

/** The personal journal's documents (brag entries, STAR stories, engineering log, growth cards). */
export interface JournalEvidence {
  /** Absolute path of the journal folder. */
  root: string;
  documents: IndexedDocument[];
  /** Malformed entries and settings: listed, never dropped. */
  problems: Problem[];
}
