import { CanonicalStatus, DocumentFormat } from '../evidence/model';
import { normalizePosix } from '../naming/posixPath';
import { frontMatterEnd, readFrontMatter } from './frontMatter';
import { LINK_LINE } from './markdown';

export { frontMatterEnd };

/**
 * Lifecycle edits — status changes, supersession and links — written in each document's own format
 * (adr-tools status lines, MADR 4 front matter or MADR 2 bullets, log4brains bullets, our front
 * matter). Pure text-to-text functions that change only the lines they must: the rest of the file,
 * its line endings (LF or CRLF) and a UTF-8 BOM are kept byte for byte.
 */

/** A document to edit: its repository-relative path, current text and format. */
export interface EditableDocument {
  path: string;
  text: string;
  format: DocumentFormat;
}

/** The other end of a link. */
export interface LinkTarget {
  /** Repository-relative POSIX path. */
  path: string;
  /** Id as scanned (`0007`, or a log4brains slug). */
  id: string;
  title: string;
}

/** Allowed status changes; a document with no canonical status may take any. */
export const TRANSITIONS: Readonly<Record<CanonicalStatus, readonly CanonicalStatus[]>> = {
  draft: ['proposed', 'accepted', 'rejected'],
  proposed: ['accepted', 'rejected'],
  accepted: ['deprecated', 'superseded'],
  rejected: ['proposed'],
  deprecated: ['accepted'],
  superseded: [],
};

/** Null when `from` → `to` is allowed, else the reason, fit to show. */
export function checkTransition(from: CanonicalStatus | null, to: CanonicalStatus): string | null {
  if (from === null || from === to) return null;
  const allowed = TRANSITIONS[from];
  if (allowed.includes(to)) return null;
  return allowed.length === 0 ? `a ${from} document cannot change status` : `${from} can become ${allowed.join(' or ')}, not ${to}`;
}

interface Text {
  bom: string;
  /** The line end new lines get: the file's most common one. */
  eol: string;
  /** The lines, edited in place by the edits below. */
  lines: string[];
  /** The lines as read, and the end each of them had ('' after the last): written back as they were. */
  original: readonly string[];
  ends: readonly string[];
}

/**
 * The lines of a document as readers see them (`toLines`), with the BOM and the line ends to write
 * them back with: every line the edit leaves alone keeps its own end (a file mixing CRLF and LF
 * keeps both), new and changed lines get the most common one.
 */
function split(text: string): Text {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const body = bom ? text.slice(1) : text;
  const lines: string[] = [];
  const ends: string[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    lines.push(body.slice(start, m.index));
    ends.push(m[0]);
    start = m.index + m[0].length;
  }
  lines.push(body.slice(start));
  ends.push('');
  const count = (e: string) => ends.filter((x) => x === e).length;
  const eol = (['\n', '\r\n', '\r'] as const).reduce((best, e) => (count(e) > count(best) ? e : best), '\n' as string);
  return { bom, eol, lines, original: [...lines], ends };
}

/** The text of `t` after its edits: lines kept at the start and the end keep their own line ends. */
function join(t: Text): string {
  const { lines, original, ends } = t;
  let head = 0;
  while (head < lines.length && head < original.length && lines[head] === original[head]) head++;
  let tail = 0;
  while (
    tail < lines.length - head &&
    tail < original.length - head &&
    lines[lines.length - 1 - tail] === original[original.length - 1 - tail]
  )
    tail++;
  let out = t.bom;
  for (let i = 0; i < lines.length; i++) {
    const fromEnd = lines.length - 1 - i;
    // Kept lines keep their end; a changed line takes the end of the line it replaces; new lines the common one.
    const end =
      i < head
        ? ends[i]
        : fromEnd < tail
          ? ends[original.length - 1 - fromEnd]
          : i === lines.length - 1
            ? ''
            : i < original.length - tail
              ? ends[i]
              : t.eol;
    // A kept line that was last before (no end) but is followed now by new lines gets the common end.
    out += lines[i] + (end === '' && i < lines.length - 1 ? t.eol : end);
  }
  return out;
}

/** Path of `to` relative to the folder of `from` (both repository-relative, POSIX). */
export function relativeLink(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `Amended by` → `amended-by`; `relates to` → `related`: our front matter keys. */
export function relationKey(relation: string): string {
  const k = relation.trim().toLowerCase().replace(/\s+/g, '-');
  return k === 'relates-to' || k === 'related-to' ? 'related' : k;
}

function numberOf(t: LinkTarget): string {
  return /^\d+$/.test(t.id) ? String(Number(t.id)) : t.id;
}

/** How a link to `t` is written in a document of `format` at `from`. */
function linkText(format: DocumentFormat, from: string, t: LinkTarget): string {
  const href = relativeLink(from, t.path);
  if (format === 'adr-tools') return `[${numberOf(t)}. ${t.title}](${href})`;
  if (format === 'log4brains') return `[${t.path.split('/').pop()!.replace(/\.md$/i, '')}](${href})`;
  return /^\d+$/.test(t.id) ? `[ADR-${t.id}](${href})` : `[${t.title}](${href})`;
}

// --- front matter (textual: only the touched lines change) ---

function yamlScalar(v: string): string {
  return /^[\w][\w.\/-]*$/.test(v) && !/^(true|false|null|yes|no|~)$/i.test(v) && !/:\s/.test(v) ? v : JSON.stringify(v);
}

/**
 * Sets `key: value` in front matter lines `[1, end)`: replaces the key's line, else un-comments a
 * template's `# key:` line, else adds the key before the closing fence.
 */
export function setFrontMatterScalar(lines: string[], end: number, key: string, value: string): void {
  const re = new RegExp(`^${key}\\s*:`);
  const commented = new RegExp(`^#\\s*${key}\\s*:`);
  for (let i = 1; i < end; i++) {
    if (re.test(lines[i])) {
      lines[i] = `${key}: ${yamlScalar(value)}`;
      return;
    }
  }
  const i = lines.findIndex((l, n) => n > 0 && n < end && commented.test(l));
  if (i > 0) lines[i] = `${key}: ${yamlScalar(value)}`;
  else lines.splice(end, 0, `${key}: ${yamlScalar(value)}`);
}

function addFrontMatterListItem(lines: string[], end: number, key: string, item: string): void {
  const re = new RegExp(`^${key}\\s*:(.*)$`);
  for (let i = 1; i < end; i++) {
    const m = re.exec(lines[i]);
    if (!m) continue;
    const rest = m[1].trim();
    if (rest === '') {
      let last = i;
      while (last + 1 < end && /^\s+-\s/.test(lines[last + 1])) last++;
      const indent = last > i ? /^(\s+)-/.exec(lines[last])![1] : '  ';
      lines.splice(last + 1, 0, `${indent}- ${yamlScalar(item)}`);
    } else if (rest === '[]') {
      lines[i] = `${key}: [${yamlScalar(item)}]`;
    } else if (rest.startsWith('[') && rest.endsWith(']')) {
      lines[i] = `${key}: ${rest.slice(0, -1).trimEnd()}, ${yamlScalar(item)}]`;
    } else {
      lines[i] = `${key}: [${rest}, ${yamlScalar(item)}]`;
    }
    return;
  }
  lines.splice(end, 0, `${key}:`, `  - ${yamlScalar(item)}`);
}

// --- adr-tools `## Status` section ---

function statusSection(lines: string[]): { start: number; end: number } | null {
  const start = lines.findIndex((l) => /^##\s+Status\s*$/i.test(l.trim()));
  if (start < 0) return null;
  let end = start + 1;
  while (end < lines.length && !/^#{1,2}\s/.test(lines[end])) end++;
  return { start, end };
}

function lastContentLine(lines: string[], from: number, to: number): number {
  for (let i = to - 1; i > from; i--) if (lines[i].trim()) return i;
  return from;
}

// --- bullets (MADR 2, log4brains) ---

function bulletIndex(lines: string[], key: string): number {
  const re = new RegExp(`^\\s{0,3}[*-]\\s+(?:\\*\\*)?${key}(?:\\*\\*)?\\s*:`, 'i');
  return lines.findIndex((l) => re.test(l));
}

function titleIndex(lines: string[]): number {
  return lines.findIndex((l) => /^#\s/.test(l));
}

/**
 * Sets the status of a document in its own format. For `superseded` with a successor, the link is
 * written where the format keeps it: adr-tools `Superseded by [N. Title](file.md)` in place of the
 * status line, MADR 4 `status: "superseded by ADR-0123"`, log4brains `superseded by [slug](file.md)`,
 * our front matter `status: superseded` plus `superseded-by`.
 * @throws Error when an adr-tools document has no `## Status` section.
 */
export function setStatus(doc: EditableDocument, status: CanonicalStatus, successor?: LinkTarget): string {
  const t = split(doc.text);
  const { lines } = t;
  const fmEnd = frontMatterEnd(lines);
  const link = successor ? linkText(doc.format, doc.path, successor) : '';
  switch (doc.format) {
    case 'adr-tools': {
      const sec = statusSection(lines);
      if (!sec) throw new Error(`${doc.path} has no "## Status" section`);
      const written = successor ? `Superseded by ${link}` : capitalize(status);
      const i = lines.findIndex((l, n) => n > sec.start && n < sec.end && l.trim() !== '' && !LINK_LINE.test(l.trim()));
      if (i >= 0) lines[i] = written;
      else lines.splice(sec.start + 1, 0, '', written);
      break;
    }
    case 'log4brains': {
      const written = successor ? `superseded by ${link}` : status;
      const i = bulletIndex(lines, 'Status');
      if (i >= 0) lines[i] = lines[i].replace(/(Status(?:\*\*)?\s*:(?:\*\*)?).*$/i, `$1 ${written}`);
      else lines.splice(titleIndex(lines) + 1, 0, '', `- Status: ${written}`);
      break;
    }
    case 'madr':
    case 'markdown':
    case 'career-evidence': {
      if (fmEnd > 0) {
        const madrSuccessor = successor && doc.format !== 'career-evidence';
        setFrontMatterScalar(
          lines,
          frontMatterEnd(lines),
          'status',
          madrSuccessor ? `superseded by ${/^\d+$/.test(successor!.id) ? `ADR-${successor!.id}` : successor!.title}` : status,
        );
        if (successor && doc.format === 'career-evidence')
          addFrontMatterListItem(lines, frontMatterEnd(lines), 'superseded-by', relativeLink(doc.path, successor.path));
      } else {
        // MADR 2.x: `* Status: superseded by [ADR-0005](0005-example.md)`
        const written = successor ? `superseded by ${link}` : status;
        const i = bulletIndex(lines, 'Status');
        if (i >= 0) lines[i] = lines[i].replace(/(Status(?:\*\*)?\s*:(?:\*\*)?).*$/i, `$1 ${written}`);
        else lines.splice(titleIndex(lines) + 1, 0, '', `* Status: ${written}`);
      }
      break;
    }
  }
  return join(t);
}

/**
 * Adds a link line or entry `relation` → `target` in the document's own format: adr-tools
 * `Amends [5. Title](0005-title.md)` under `## Status` (as `adr new -l` writes it), log4brains and
 * MADR 2 bullets, front matter lists for MADR 4 and our documents (`supersedes`, `amends`,
 * `related`, or the relation's own name).
 */
export function addLink(doc: EditableDocument, relation: string, target: LinkTarget): string {
  const t = split(doc.text);
  const { lines } = t;
  const fmEnd = frontMatterEnd(lines);
  if (doc.format === 'adr-tools') {
    const sec = statusSection(lines);
    if (!sec) throw new Error(`${doc.path} has no "## Status" section`);
    const last = lastContentLine(lines, sec.start, sec.end);
    lines.splice(last + 1, 0, '', `${capitalize(relation)} ${linkText(doc.format, doc.path, target)}`);
  } else if (fmEnd > 0) {
    addFrontMatterListItem(lines, fmEnd, relationKey(relation), relativeLink(doc.path, target.path));
  } else {
    const marker = doc.format === 'log4brains' ? '-' : '*';
    let after = bulletIndex(lines, 'Status');
    if (after < 0) after = titleIndex(lines);
    while (after + 1 < lines.length && /^\s{0,3}[*-]\s+\S+.*:/.test(lines[after + 1])) after++;
    lines.splice(after + 1, 0, `${marker} ${capitalize(relation)}: ${linkText(doc.format, doc.path, target)}`);
  }
  return join(t);
}

/** A link read from a document, its target resolved to a repository-relative path. */
export interface DocumentLink {
  /** Front-matter style key: `supersedes`, `superseded-by`, `amends`, `amended-by`, `related` … */
  relation: string;
  target: string;
  /** 1-based line where the link is written. */
  line: number | null;
}

/** Front matter keys that hold links (lists of paths relative to the document). */
const LINK_KEYS = ['supersedes', 'superseded-by', 'amends', 'amended-by', 'related'] as const;

/**
 * Reads the links a document declares: adr-tools link lines (`Supersedes` and the historical
 * `Supercedes` alike), markdown links in MADR/log4brains status values and bullets, and our front
 * matter lists (from the parsed YAML; the line of each is where its text stands). `lines`: the
 * text's lines (BOM removed), and `frontMatter` its parsed front matter, when the caller has them already.
 */
export function readLinks(
  doc: EditableDocument,
  lines: readonly string[] = split(doc.text).lines,
  frontMatter?: Record<string, unknown> | null,
): DocumentLink[] {
  const out: DocumentLink[] = [];
  const resolve = (href: string) => normalizePosix([...doc.path.split('/').slice(0, -1), href].join('/')) ?? href;
  const norm = (rel: string) =>
    relationKey(rel)
      .replace(/^supercedes$/, 'supersedes')
      .replace(/^superceded-by$/, 'superseded-by');
  // Only links to other Markdown documents in the repository; web links are not document links.
  const local = (href: string) => !/^[a-z][a-z0-9+.-]*:|^#/i.test(href) && /\.md(#.*)?$/i.test(href);
  lines.forEach((l, i) => {
    if (!l.includes('](')) return; // both patterns below need a Markdown link; most lines have none
    const m = linkLine(l);
    if (m && local(m.href) && !/^status$/i.test(m.relation)) out.push({ relation: norm(m.relation), target: resolve(m.href), line: i + 1 });
    const s = /Status(?:\*\*)?\s*:\s*superse[dc]ed by\s+\[[^\]]*\]\(([^)\s]+)\)/i.exec(l);
    if (s && local(s[1])) out.push({ relation: 'superseded-by', target: resolve(s[1]), line: i + 1 });
  });
  const end = frontMatterEnd(lines);
  const data = end > 0 ? (frontMatter !== undefined ? frontMatter : readFrontMatter(lines).data) : null;
  if (data) {
    const listed: DocumentLink[] = [];
    for (const key of LINK_KEYS) {
      const keyLine = lines.findIndex((l, i) => i > 0 && i < end && l.startsWith(key) && /^\s*:/.test(l.slice(key.length)));
      let from = Math.max(keyLine, 1);
      for (const item of linkList(data[key])) {
        const at = lines.findIndex((l, i) => i >= from && i < end && l.includes(item));
        if (at >= 0) from = at;
        listed.push({ relation: key, target: resolve(item), line: at >= 0 ? at + 1 : keyLine >= 0 ? keyLine + 1 : null });
      }
    }
    out.push(...listed.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  }
  return out;
}

/**
 * A line `Relation [text](href)` (adr-tools link lines, MADR/log4brains bullets `* Relation: [text](href)`):
 * the relation and the href, or undefined. Read in parts, linear in the line's length (one pattern
 * with a lazy relation and optional blanks around `:` tries every split of a long run of blanks).
 */
function linkLine(line: string): { relation: string; href: string } | undefined {
  const open = line.indexOf('[');
  if (open < 1) return undefined;
  const link = /^\[[^\]]*\]\(([^)\s]+)\)\s*$/.exec(line.slice(open));
  if (!link) return undefined;
  const head = line.slice(0, open);
  let relation = head.trimEnd();
  if (relation === head) return undefined; // a blank must stand before the link
  if (relation.endsWith(':')) relation = relation.slice(0, -1).trimEnd();
  relation = relation.trimStart().replace(/^[*-]\s+/, '');
  return /^[A-Za-z][A-Za-z ]*$/.test(relation) ? { relation, href: link[1] } : undefined;
}

/** The paths of a front matter link value: a list, or one path, of strings. */
function linkList(v: unknown): string[] {
  const items = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return items.flatMap((x) => (typeof x === 'string' && x.trim() ? [x.trim()] : []));
}

/** The spelling adr-tools documents of a folder use: `Supercedes` (adr-tools before 3.0) or `Supersedes`. */
export function supersedesSpelling(texts: readonly string[]): 'Supersedes' | 'Supercedes' {
  return texts.some((t) => /^Supercedes \[/m.test(t)) && !texts.some((t) => /^Supersedes \[/m.test(t)) ? 'Supercedes' : 'Supersedes';
}
