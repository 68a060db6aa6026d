import { compactDateToIso, isoDateOrNull } from '../evidence/dates';
import { isEvidenceKind } from '../evidence/kinds';
import {
  DocumentDetails,
  DocumentFormat,
  EntryFields,
  EvidenceItem,
  EvidenceKind,
  FolderConvention,
  Problem,
  ReadResult,
} from '../evidence/model';
import { canonicalStatus } from '../evidence/status';
import { readFrontMatter } from './frontMatter';
import { readLinks } from './lifecycle';
import { fileNumber } from '../naming/fileName';
import { readStoryParts } from '../journal/story';
import { hasMeasurableNumber } from '../report/measurable';
import { Heading, LINK_LINE, bulletValue, headings, sectionOf, toLines } from './markdown';

/** One document to read: its text and where it was found. */
export interface DocumentSource {
  /** Path relative to the scanned root, POSIX separators; the file name gives the id and a fallback title. */
  path: string;
  text: string;
  /** Kind implied by the folder (e.g. an ADR folder holds decisions). Front matter `career-kind` overrides it. */
  kind: EvidenceKind;
  convention: FolderConvention;
}

const ADR_TOOLS_TITLE = /^(\d+)\.\s+(.+)$/;

/**
 * A heading that starts with the document's number, as teams write it: `12. Title` (adr-tools),
 * `n. Title` (adr-tools' placeholder left in), `12 Title`, `0012 Title`, `12: Title`, `12 - Title`,
 * `ADR-0012: Title`, `ADR 12 - Title`. The title without the number, or undefined. Linear.
 */
export function numberedTitle(heading: string): string | undefined {
  const m = /^(?:ADR[- ]?)?(\d+|n)([.:]|\s)/i.exec(heading);
  if (!m || (m[1].toLowerCase() === 'n' && m[2] !== '.')) return undefined;
  const title = heading.slice(m[0].length).replace(/^[\s.:\-–—]+/, '');
  return title || undefined;
}

/**
 * Reads one evidence document in any supported format (adr-tools, MADR 2.x bullets, MADR 3/4 front
 * matter, log4brains bullets, our own front matter). Pure and total: never throws; what could not be
 * parsed is reported as problems and the document is still returned, titled from its file name.
 */
export function readDocument(src: DocumentSource): ReadResult {
  const problems: Problem[] = [];
  const lines = toLines(src.text);
  const fm = readFrontMatter(lines);
  if (fm.error)
    problems.push({
      path: src.path,
      line: fm.error.line,
      ...(fm.error.column ? { column: fm.error.column } : {}),
      message: fm.error.message,
    });
  const data = fm.data ?? {};
  // The body's headings, found once: the title and each section looked up below come from them.
  const outline = headings(lines, fm.bodyStart);
  const title = outline.find((h) => h.level === 1 && h.text !== ''); // `# ` alone titles nothing
  const titleEnd = nextHeadingLine(lines, title ? title.line + 1 : fm.bodyStart);
  const format = detectFormat(src, data, fm.present, lines, outline, title?.text, titleEnd);

  let kind = src.kind;
  const declaredKind = data['career-kind'];
  if (isEvidenceKind(declaredKind)) kind = declaredKind;

  const item: EvidenceItem = {
    kind,
    format,
    id: idFromPath(src.path),
    title: title?.text ?? titleFromPath(src.path),
    status: null,
    statusText: null,
    date: null,
    path: src.path,
  };
  if (!title) {
    problems.push({ path: src.path, line: null, message: 'no `# Title` heading; the title is taken from the file name' });
  }

  switch (format) {
    case 'adr-tools': {
      const numbered = title && numberedTitle(title.text);
      if (numbered) item.title = numbered.trim();
      item.statusText = adrToolsStatus(lines, outline);
      const dateLine = lines.find((l) => /^Date:\s*/i.test(l));
      item.date = dateLine ? isoDateOrNull(dateLine.replace(/^Date:\s*/i, '')) : null;
      break;
    }
    case 'log4brains': {
      const status = bulletValue(lines, 'Status', fm.bodyStart, titleEnd);
      item.statusText = status?.value || null;
      const date = bulletValue(lines, 'Date', fm.bodyStart, titleEnd);
      item.date = isoDateOrNull(date?.value) ?? compactDateToIso(basename(src.path).slice(0, 8));
      break;
    }
    case 'madr':
    case 'career-evidence':
    case 'markdown': {
      if (fm.present) {
        item.statusText = scalarText(data['status']);
        item.date = isoDateOrNull(scalarText(data['date']));
      } else {
        item.statusText = bulletValue(lines, 'Status', 0, titleEnd)?.value || null;
        item.date = isoDateOrNull(bulletValue(lines, 'Date', 0, titleEnd)?.value);
      }
      break;
    }
  }
  item.status = canonicalStatus(item.statusText);
  if (format === 'log4brains' && item.statusText === null) item.status = 'accepted'; // log4brains' default
  const details = readDetails(lines, outline, data, fm.present, fm.bodyStart, titleEnd, format);
  if (kind === 'brag') {
    // "Quantify everything": the result should carry a number (not the template's placeholder).
    const impact = (sectionOf(lines, outline, 'Impact') ?? sectionOf(lines, outline, 'Result') ?? []).map((l) => l.text).join('\n');
    details.resultHasNumber = hasMeasurableNumber(impact);
    details.impact = impact
      .replace(/\{[^{}]*\}/g, '')
      .trim()
      .slice(0, MAX_IMPACT_CHARS);
  }
  if (kind === 'star') details.story = readStoryParts(lines, outline);
  if (fm.present && ENTRY_KINDS.has(kind)) details.entry = entryFields(data);
  details.links = readLinks({ path: src.path, text: src.text, format }, lines, fm.data);
  if (!title && titleOnlyInComment(lines)) return { item, problems, details, template: true };
  return { item, problems, details };
}

/** True when a `# Title` heading stands inside an HTML comment (a template's guidance), read line by line. */
function titleOnlyInComment(lines: readonly string[]): boolean {
  let inComment = false;
  for (const line of lines) {
    if (!inComment) {
      const open = line.indexOf('<!--');
      if (open < 0) continue;
      inComment = !line.includes('-->', open + 4);
      if (!inComment && /<!--\s*#\s+\S/.test(line)) return true; // `<!-- # Title -->` on one line
      continue;
    }
    if (line.includes('-->')) {
      inComment = false;
      if (/^\s{0,3}#\s+\S/.test(line)) return true;
      continue;
    }
    if (/^\s{0,3}#\s+\S/.test(line)) return true;
  }
  return false;
}

function list(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'string' || typeof x === 'number' ? [String(x).trim()] : [])).filter(Boolean);
  if (typeof v === 'string')
    return v
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x && !/^\{.*\}$/.test(x));
  return [];
}

/** People, tags, the raw date and the status line, wherever the format keeps them. */
function readDetails(
  lines: readonly string[],
  outline: readonly Heading[],
  data: Record<string, unknown>,
  hasFrontMatter: boolean,
  bodyStart: number,
  titleEnd: number,
  format: DocumentFormat,
): DocumentDetails {
  const bullet = (key: string) => bulletValue(lines, key, hasFrontMatter ? bodyStart : 0, titleEnd);
  const people = [
    ...list(data['decision-makers']),
    ...list(data['deciders']),
    ...list(data['authors']),
    ...list(bullet('Deciders')?.value),
  ];
  const tags = [...list(data['tags']), ...list(bullet('Tags')?.value)];
  const owners = [
    ...list(data['incident-commander']),
    ...list(data['owner']),
    ...list(data['owners']),
    ...list(bullet('Incident commander')?.value),
    ...list(bullet('Owner')?.value),
  ];
  let dateText: string | null = null;
  let dateAt: { line: number; column: number } | null = null;
  let statusLine: number | null = null;
  /** Where `dateText` stands on 0-based line `i`: 1-based line and column. */
  const at = (i: number) => (dateText ? { line: i + 1, column: Math.max(0, lines[i].indexOf(dateText)) + 1 } : null);
  if (format === 'adr-tools') {
    const i = lines.findIndex((l) => /^Date:\s*/i.test(l));
    if (i >= 0) dateText = lines[i].replace(/^Date:\s*/i, '').trim() || null;
    if (i >= 0) dateAt = at(i);
    const sec = sectionOf(lines, outline, 'Status');
    const first = sec?.find((l) => l.text.trim() !== '');
    statusLine = first ? first.line + 1 : null;
  } else if (hasFrontMatter && format !== 'log4brains') {
    dateText = scalarText(data['date']);
    const d = lines.slice(0, bodyStart).findIndex((l) => /^["']?date["']?\s*:/i.test(l));
    if (d >= 0) dateAt = at(d);
    const i = lines.slice(0, bodyStart).findIndex((l) => /^status\s*:/.test(l));
    statusLine = i >= 0 ? i + 1 : null;
  } else {
    const date = bullet('Date');
    dateText = date?.value || null;
    if (date) dateAt = at(date.line);
    const b = bullet('Status');
    statusLine = b ? b.line + 1 : null;
  }
  // Wherever else the date was read from (a heading, a table): the first line that holds it, never line 1 by default.
  if (dateText && !dateAt) {
    const i = lines.findIndex((l) => l.includes(dateText!));
    if (i >= 0) dateAt = at(i);
  }
  return {
    people: [...new Set(people)],
    tags: [...new Set(tags)],
    dateText,
    ...(dateAt ? { dateLine: dateAt.line, dateColumn: dateAt.column } : {}),
    statusLine,
    hasFrontMatter,
    resultHasNumber: null,
    links: [],
    ...(owners.length > 0 ? { owners: [...new Set(owners)] } : {}),
  };
}

/** The most of a brag entry's impact text kept in its details (the brag document quotes it). */
const MAX_IMPACT_CHARS = 1000;

/** Kinds whose front matter carries {@link EntryFields}: the journal's, and postmortems. */
const ENTRY_KINDS: ReadonlySet<EvidenceKind> = new Set(['brag', 'star', 'log', 'growth', 'postmortem']);

/** {@link EntryFields} from front matter. */
function entryFields(data: Record<string, unknown>): EntryFields {
  const text = (key: string) => scalarText(data[key]);
  const commit = text('commit');
  return {
    role: text('role')?.toLowerCase() ?? null,
    ownership: data['ownership'] === true || /^(true|yes)$/i.test(text('ownership') ?? ''),
    project: text('project'),
    commit: commit && /^[0-9a-f]{7,40}$/i.test(commit) ? commit.toLowerCase() : null,
    repo: text('repo'),
    source: text('source'),
    category: text('category')?.toLowerCase() ?? null,
  };
}

function detectFormat(
  src: DocumentSource,
  data: Record<string, unknown>,
  hasFrontMatter: boolean,
  lines: readonly string[],
  outline: readonly Heading[],
  title: string | undefined,
  titleEnd: number,
): DocumentFormat {
  if (Object.keys(data).some((k) => k.startsWith('career-'))) return 'career-evidence';
  if (src.convention === 'log4brains') return 'log4brains';
  if (title && ADR_TOOLS_TITLE.test(title) && sectionOf(lines, outline, 'Status')) return 'adr-tools';
  if (hasFrontMatter) return 'madr';
  if (bulletValue(lines, 'Status', 0, titleEnd) || bulletValue(lines, 'Date', 0, titleEnd)) return 'madr';
  // `# ADR-0012: Title`, `# 12 Title`…: numbered like adr-tools, with its `## Status` section.
  if (title && numberedTitle(title) && sectionOf(lines, outline, 'Status')) return 'adr-tools';
  if (src.convention === 'adr-tools') return 'adr-tools';
  return src.kind === 'decision' ? 'madr' : 'markdown';
}

/**
 * adr-tools status: the first non-empty line of `## Status` that is not a link line
 * (`Amended by [9. X](0009-x.md)`); when only link lines remain (adr-tools removes "Accepted"
 * when it supersedes), a `Superseded by …` link line stands for the status.
 */
function adrToolsStatus(lines: readonly string[], outline: readonly Heading[]): string | null {
  const body = sectionOf(lines, outline, 'Status');
  if (!body) return null;
  const texts = body.map((l) => l.text.trim()).filter((t) => t.length > 0);
  const plain = texts.find((t) => !LINK_LINE.test(t));
  if (plain) return plain;
  return texts.find((t) => /^super[sc]eded by/i.test(t)) ?? null;
}

function nextHeadingLine(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (/^\s{0,3}#{1,6}\s/.test(lines[i])) return i;
  return lines.length;
}

function scalarText(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** The name that identifies a document: its file name, or its folder's for `rfc/NNNN-title/README.md`. */
function documentName(p: string): string {
  const name = basename(p);
  if (name.toLowerCase() !== 'readme.md') return name;
  const parts = p.split('/');
  return parts.length > 1 ? parts[parts.length - 2] : name;
}

/** Id of a document from its path: the numeric prefix as written (`0007`), else the file name without `.md`. */
export function idFromPath(p: string): string {
  const name = documentName(p).replace(/\.md$/i, '');
  if (/^\d{4}-\d{2}-\d{2}-/.test(name)) return name; // dated journal entries: the date is no number
  return fileNumber(name) ?? name;
}

/** A readable title from a file name: `0007-use-postgres.md` → `Use postgres`. */
export function titleFromPath(p: string): string {
  const name = documentName(p)
    .replace(/\.md$/i, '')
    .replace(/^\d{4}-\d{2}-\d{2}-/, '')
    .replace(/^\d+-/, '');
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : basename(p);
}
