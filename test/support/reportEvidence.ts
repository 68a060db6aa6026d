import { readDocument } from '../../src/core/documents/readDocument';
import { EvidenceKind } from '../../src/core/evidence/model';
import { Suggestion } from '../../src/core/git/suggestions';
import { IndexedDocument } from '../../src/core/index/snapshot';
import { suggestion } from './suggestion';

// Hand-made evidence for the report builders' tests.

/** The person of the reports' tests, and a colleague. */
export const DANA = { name: 'Dana Developer', email: 'dana@example.com' };
export const SAM = { name: 'Sam Colleague', email: 'sam@example.com' };
export const BOT = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };

let made = 0;

/**
 * A merged change of Dana's on `day` (merged at noon UTC, authored at 02:00), with a sha of its own:
 * hex digits, never all decimal (YAML would read a brag entry's `commit:` of digits as a number).
 */
export function change(day: string, over: Partial<Suggestion> = {}): Suggestion {
  const sha = (++made).toString(16).padStart(40, 'a');
  return suggestion({ sha, commits: [sha], author: DANA, mergedAt: `${day}T12:00:00Z`, authoredAt: `${day}T02:00:00Z`, ...over });
}

/** A document read from `text` as the scan reads it, with who added it when given. */
export function doc(
  path: string,
  text: string,
  kind: EvidenceKind,
  added?: { name: string; email: string; date: string },
): IndexedDocument {
  const r = readDocument({ path, text, kind, convention: 'generic' });
  return { item: r.item, details: r.details ? { ...r.details, ...(added ? { added } : {}) } : undefined };
}
