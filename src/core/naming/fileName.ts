/** Safe titles, file names and numbering for new evidence documents. */

import { compactDateToIso } from '../evidence/dates';

const MAX_TITLE = 200;
const MAX_SLUG = 60;

/**
 * A terminal escape sequence (ECMA-48): CSI (`ESC [ … final`, colours), OSC (`ESC ] … BEL` or
 * `ESC \\`, window titles and links) and two-character escapes: pasted from a terminal into a title.
 */
const ESCAPE_SEQUENCE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])/g;

/**
 * Cleans a title typed by the user: removes terminal escape sequences whole, control and format
 * characters (C0/C1, bidi overrides, zero-width), folds white space, trims, and keeps at most 200
 * characters.
 * @throws Error `title is empty` when nothing printable remains.
 */
export function cleanTitle(raw: string): string {
  const t = raw
    .replace(ESCAPE_SEQUENCE, '')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!t) throw new Error('title is empty');
  return Array.from(t).slice(0, MAX_TITLE).join('').trim();
}

/**
 * A file-name slug of a title: ASCII letters and digits joined by `-`, at most 60 characters,
 * cut at a word boundary; `untitled` when nothing is left. Can never contain `/`, `\`, `..` or a
 * leading dot, whatever the title (`../../x` → `x`).
 */
export function slugify(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  let slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG) {
    const cut = slug.slice(0, MAX_SLUG + 1);
    const lastDash = cut.lastIndexOf('-');
    slug = (lastDash > 20 ? cut.slice(0, lastDash) : slug.slice(0, MAX_SLUG)).replace(/-+$/g, '');
  }
  return slug || 'untitled';
}

/** Numbering of a folder: the next number and the zero-padding its files already use. */
export interface Numbering {
  next: number;
  /** Digits of the number in file names (adr-tools and MADR: 4). */
  width: number;
}

/**
 * The sequence number a file name starts with (`0007-use-postgres.md` → `0007`), as written, or null:
 * 1 to 15 digits and a dash (more digits than a number holds exactly are no number), and not an
 * 8-digit date (`20201222-…`, log4brains). The one rule for ids, numbering and duplicate checks.
 */
export function fileNumber(name: string): string | null {
  const m = /^(\d{1,15})-/.exec(name);
  if (!m || (m[1].length === 8 && compactDateToIso(m[1]) !== null)) return null;
  return m[1];
}

/**
 * Next number for a folder from the names of its files (`NNNN-slug.md`; 8-digit `YYYYMMDD-` prefixes
 * are dates, not numbers). Width is the most common existing width, else 4.
 */
export function nextNumber(names: readonly string[]): Numbering {
  let max = 0;
  const widths = new Map<number, number>();
  for (const name of names) {
    const n = fileNumber(name); // widens past 9999999: 10000000 is no date
    if (n === null) continue;
    max = Math.max(max, Number(n));
    widths.set(n.length, (widths.get(n.length) ?? 0) + 1);
  }
  let width = 4;
  let best = 0;
  for (const [w, count] of widths) if (count > best) [width, best] = [w, count];
  return { next: max + 1, width };
}

/** `0007-use-postgres.md` from 7, 4 and a slug. */
export function numberedFileName(n: number, width: number, slug: string): string {
  return `${String(n).padStart(width, '0')}-${slug}.md`;
}

/** log4brains file name `YYYYMMDD-slug.md` (date `YYYY-MM-DD`), with `-2`, `-3`… for attempt > 0. */
export function datedFileName(isoDate: string, slug: string, attempt: number): string {
  return `${isoDate.replace(/-/g, '')}-${slug}${attempt > 0 ? `-${attempt + 1}` : ''}.md`;
}
