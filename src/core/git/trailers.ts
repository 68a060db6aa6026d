import { Person, readPerson } from '../evidence/person';

/** Trailers read from a commit message's last paragraph (git-interpret-trailers conventions). */
export interface Trailers {
  /** `Co-authored-by:` (GitHub co-authorship); counts as the co-author's work too. */
  coAuthors: Person[];
  /** `Reviewed-by:` and `Acked-by:` (the Linux kernel's and git's own review trailers). */
  reviewers: Person[];
  /** `Helped-by:` and `Mentored-by:` (git's and the kernel's credit for help). */
  helpers: Person[];
  /** `Signed-off-by:` (DCO) */
  signedOffBy: Person[];
  /** Gerrit `Change-Id:`, or null. */
  changeId: string | null;
}

const TRAILER = /^([A-Za-z][A-Za-z0-9-]*)\s*:\s*(.+)$/;

/**
 * Reads the trailers block: the last paragraph of `message` when every line of it is a
 * `Key: value` trailer (continuation lines indented). Unknown keys are ignored.
 */
export function readTrailers(message: string): Trailers {
  const out: Trailers = { coAuthors: [], reviewers: [], helpers: [], signedOffBy: [], changeId: null };
  const paragraphs = message.trimEnd().split(/\n[ \t]*\n/);
  if (paragraphs.length < 2) return out;
  const lines = paragraphs[paragraphs.length - 1].split('\n');
  const parsed: [string, string][] = [];
  for (const line of lines) {
    if (/^\s+\S/.test(line) && parsed.length > 0) {
      parsed[parsed.length - 1][1] += ` ${line.trim()}`;
      continue;
    }
    const m = TRAILER.exec(line.trim());
    if (!m) return out; // not a trailer block
    parsed.push([m[1].toLowerCase(), m[2].trim()]);
  }
  for (const [key, value] of parsed) {
    if (key === 'change-id') out.changeId = value;
    const list =
      key === 'co-authored-by'
        ? out.coAuthors
        : key === 'reviewed-by' || key === 'acked-by'
          ? out.reviewers
          : key === 'helped-by' || key === 'mentored-by'
            ? out.helpers
            : key === 'signed-off-by'
              ? out.signedOffBy
              : null;
    const p = list && readPerson(value);
    if (list && p) list.push(p);
  }
  return out;
}

/** The message without its trailers block. */
export function withoutTrailers(message: string): string {
  const paragraphs = message.trimEnd().split(/\n[ \t]*\n/);
  if (paragraphs.length < 2) return message;
  const last = paragraphs[paragraphs.length - 1].split('\n');
  const isTrailers = last.every((l, i) => TRAILER.test(l.trim()) || (i > 0 && /^\s+\S/.test(l)));
  return isTrailers ? paragraphs.slice(0, -1).join('\n\n') : message;
}
