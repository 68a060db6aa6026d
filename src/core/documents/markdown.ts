/** Small, dependency-free readers for the Markdown structure evidence documents use. */

/**
 * Splits file text into lines: strips a UTF-8 BOM and accepts LF, CRLF and CR line ends.
 */
export function toLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/);
}

/** An adr-tools link line: `Supersedes [1. Title](0001-title.md)` (a relation, then a Markdown link, alone on the line). */
export const LINK_LINE = /^[A-Za-z][A-Za-z ]*\s\[[^\]]*\]\([^)]*\)\s*$/;

/** A heading found in a Markdown file. */
export interface Heading {
  level: number;
  text: string;
  /** 0-based line index. */
  line: number;
}

/**
 * ATX headings (`# x`, `## y`) outside fenced code blocks and HTML comments (a template's guidance
 * written as `<!-- # Title … -->` is not a heading, as in CommonMark), from line `from` on.
 */
export function headings(lines: readonly string[], from = 0): Heading[] {
  const out: Heading[] = [];
  let fence: string | null = null;
  let comment = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (comment) {
      if (line.includes('-->')) comment = false;
      continue;
    }
    if (fence === null && /^\s{0,3}<!--/.test(line)) {
      comment = !line.includes('-->', line.indexOf('<!--') + 4);
      continue;
    }
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (fence === null) fence = f[1][0];
      else if (f[1][0] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const h = atxHeading(line);
    if (h) out.push({ ...h, line: i });
  }
  return out;
}

/**
 * An ATX heading line (`## Title ##`): its level and text, without the closing `#` sequence (which
 * CommonMark takes only after a blank: `# C#` is "C#"). Linear in the line's length — a pattern
 * like `(.*?)\s*#*\s*$` tries every split of a long run of blanks (cubic).
 */
function atxHeading(line: string): { level: number; text: string } | undefined {
  const open = /^\s{0,3}(#{1,6})\s/.exec(line);
  if (!open) return undefined;
  let text = line.slice(open[0].length).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0) text = '';
  else if (end < text.length && /\s/.test(text[end - 1])) text = text.slice(0, end).trim();
  return { level: open[1].length, text };
}

/** The first level-1 heading from line `from` on, or undefined. */
export function firstTitle(lines: readonly string[], from = 0): Heading | undefined {
  return headings(lines, from).find((h) => h.level === 1);
}

/** A section's lines, each with its 0-based line index. */
export type SectionLines = { text: string; line: number }[];

/**
 * The lines of the section under the first heading whose text matches `name` (case-insensitive),
 * up to the next heading of the same or a higher level. Returns the 0-based line of each line too.
 */
export function section(lines: readonly string[], name: string, from = 0): SectionLines | undefined {
  return sectionOf(lines, headings(lines, from), name);
}

/** {@link section}, given the document's headings (from {@link headings}), when several sections are looked up. */
export function sectionOf(lines: readonly string[], all: readonly Heading[], name: string): SectionLines | undefined {
  const wanted = name.toLowerCase();
  const idx = all.findIndex((h) => h.text.toLowerCase() === wanted);
  if (idx < 0) return undefined;
  const start = all[idx];
  const next = all.slice(idx + 1).find((h) => h.level <= start.level);
  const end = next ? next.line : lines.length;
  const out: SectionLines = [];
  for (let i = start.line + 1; i < end; i++) out.push({ text: lines[i], line: i });
  return out;
}

/**
 * Value of a metadata bullet such as MADR 2's `* Status: accepted` or log4brains' `- Date: 2020-01-01`
 * (marker `*` or `-`, key case-insensitive, optional bold `**Status**:`), searched in `lines[from..to)`.
 */
export function bulletValue(
  lines: readonly string[],
  key: string,
  from = 0,
  to = lines.length,
): { value: string; line: number } | undefined {
  let re = bulletPatterns.get(key);
  if (!re)
    bulletPatterns.set(key, (re = new RegExp(`^\\s{0,3}[*-]\\s+(?:\\*\\*)?${escapeRegExp(key)}(?:\\*\\*)?\\s*:(?:\\*\\*)?\\s*(.*)$`, 'i')));
  for (let i = from; i < Math.min(to, lines.length); i++) {
    const m = re.exec(lines[i]);
    if (m) return { value: m[1].trim(), line: i };
  }
  return undefined;
}

/** Compiled bullet patterns by key (a handful of keys, looked up for every document of an index). */
const bulletPatterns = new Map<string, RegExp>();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
