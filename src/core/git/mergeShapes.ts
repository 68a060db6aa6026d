import { LogCommit } from './logFormat';

/** Hosting services whose merge messages we recognise. */
export type PrProvider = 'github' | 'gitlab' | 'bitbucket' | 'azure';

/** How a change reached the first-parent line. */
export type ChangeKind = 'merge' | 'squash' | 'commit';

/** A commit on the first-parent line read as a piece of merged work. */
export interface MergedChange {
  kind: ChangeKind;
  /** The change's title: the PR title where the message carries one, without `(#N)`. */
  title: string;
  /** The PR description or commit body, trimmed; may be empty. */
  description: string;
  pr: { number: number; provider: PrProvider } | null;
}

interface Shape {
  provider: PrProvider;
  /** Matches the trimmed subject. */
  subject: RegExp;
  /** Capture group of the PR number. */
  numberGroup: number;
  /** Capture group of the title in the subject; absent when the title is the body's first paragraph. */
  titleGroup?: number;
}

// Merge commits (two or more parents), by the subject the hosting service writes. Every pattern is
// linear in the subject's length: no two quantifiers can take the same characters (a subject of
// thousands of spaces must not take seconds).
const MERGE_SHAPES: readonly Shape[] = [
  { provider: 'github', subject: /^Merge pull request #(\d+) from \S+/, numberGroup: 1 },
  { provider: 'bitbucket', subject: /^Merged in \S.*\(pull request #(\d+)\)$/, numberGroup: 1 },
  { provider: 'azure', subject: /^Merged PR (\d+): (.+)$/, numberGroup: 1, titleGroup: 2 },
];

// Single-parent commits that carry a PR: squash merges.
const SQUASH_SHAPES: readonly Shape[] = [
  { provider: 'azure', subject: /^Merged PR (\d+): (.+)$/, numberGroup: 1, titleGroup: 2 },
  { provider: 'bitbucket', subject: /^(.*\S)\s*\(pull request #(\d+)\)$/, numberGroup: 2, titleGroup: 1 },
  { provider: 'github', subject: /^(.*\S)\s*\(#(\d+)\)$/, numberGroup: 2, titleGroup: 1 },
];

/** GitLab writes the MR reference as a trailer-like line in merge and squash messages. */
const GITLAB_MR = /^See merge request \S*!(\d+)\s*$/m;

/**
 * Reads a first-parent commit as merged work. Recognises GitHub merge commits
 * (`Merge pull request #N from owner/branch`, PR title and description in the body), GitHub squash
 * merges (`Title (#N)`), GitLab (`See merge request group/project!N`), Bitbucket
 * (`Merged in branch (pull request #N)`, squash `Title (pull request #N)`) and Azure DevOps
 * (`Merged PR N: Title`). Anything else is a plain `merge` (two or more parents) or `commit`.
 */
export function readMergedChange(c: Pick<LogCommit, 'parents' | 'message'>): MergedChange {
  const [subject, ...bodyLines] = c.message.split('\n');
  const body = bodyLines.join('\n').trim();
  const isMerge = c.parents.length > 1;

  // Merge subjects are read on single-parent commits too: a shallow clone cuts a merge's parents.
  for (const shape of isMerge ? MERGE_SHAPES : [...MERGE_SHAPES.filter((s) => !s.titleGroup), ...SQUASH_SHAPES]) {
    const m = shape.subject.exec(subject.trim());
    if (!m) continue;
    const number = Number(m[shape.numberGroup]);
    const subjectTitle = shape.titleGroup ? m[shape.titleGroup].trim() : '';
    if (subjectTitle) {
      return { kind: isMerge ? 'merge' : 'squash', title: subjectTitle, description: body, pr: { number, provider: shape.provider } };
    }
    const { first, rest } = firstParagraph(body);
    return { kind: 'merge', title: first || subject.trim(), description: rest, pr: { number, provider: shape.provider } };
  }

  const mr = GITLAB_MR.exec(body);
  if (mr) {
    const withoutRef = body.replace(GITLAB_MR, '').trim();
    if (isMerge) {
      // GitLab: "Merge branch 'x' into 'main'", then the MR title, description, "See merge request".
      const { first, rest } = firstParagraph(withoutRef);
      return { kind: 'merge', title: first || subject.trim(), description: rest, pr: { number: Number(mr[1]), provider: 'gitlab' } };
    }
    return { kind: 'squash', title: subject.trim(), description: withoutRef, pr: { number: Number(mr[1]), provider: 'gitlab' } };
  }
  return { kind: isMerge ? 'merge' : 'commit', title: subject.trim(), description: body, pr: null };
}

function firstParagraph(text: string): { first: string; rest: string } {
  const parts = text.split(/\n\s*\n/);
  const first = (parts.shift() ?? '').replace(/\s*\n\s*/g, ' ').trim();
  return { first, rest: parts.join('\n\n').trim() };
}
