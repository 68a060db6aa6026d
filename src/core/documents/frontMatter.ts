import { parseDocument } from 'yaml';

/** Result of splitting a Markdown text into YAML front matter and body. */
export interface FrontMatter {
  /** The parsed mapping, or null when there is no front matter or it is not a valid YAML mapping. */
  data: Record<string, unknown> | null;
  /** True when the text opens with a `---` fence (whether or not it parsed). */
  present: boolean;
  /** Parse error with its 1-based line and column in the whole file (from the YAML parser's offset), or null. */
  error: { line: number; column?: number; message: string } | null;
  /** 0-based index (in the file's lines) of the first body line. */
  bodyStart: number;
}

/** True when the lines open with a front matter fence (`---`, trailing white space allowed). */
export function opensFrontMatter(lines: readonly string[]): boolean {
  return lines.length > 0 && lines[0].trimEnd() === '---';
}

/**
 * Index (in `lines`) of the line closing front matter that opens on line 0 (`---` or `...`,
 * trailing white space allowed), or -1 when there is none: the one fence rule of readers and editors.
 */
export function frontMatterEnd(lines: readonly string[]): number {
  if (!opensFrontMatter(lines)) return -1;
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i].trimEnd();
    if (l === '---' || l === '...') return i;
  }
  return -1;
}

/**
 * Splits YAML front matter (Jekyll / MADR 3–4 style: a first line `---`, YAML, a line `---` or `...`)
 * from the rest of a Markdown file given as lines (BOM and CR already removed).
 * Never throws: YAML errors come back in `error` with the line in the file.
 */
export function readFrontMatter(lines: readonly string[]): FrontMatter {
  if (!opensFrontMatter(lines)) return { data: null, present: false, error: null, bodyStart: 0 };
  const end = frontMatterEnd(lines);
  if (end < 0) {
    return { data: null, present: true, error: { line: 1, message: 'front matter is not closed by a `---` line' }, bodyStart: 0 };
  }
  const source = lines.slice(1, end).join('\n');
  const doc = parseQuietly(source);
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    // `pos` is the parser's offset into the YAML; +1 line for the opening fence.
    const before = source.slice(0, Math.min(err.pos?.[0] ?? 0, source.length));
    const line = before.split('\n').length + 1;
    const column = before.length - before.lastIndexOf('\n');
    return {
      data: null,
      present: true,
      error: { line, column, message: `front matter is not valid YAML: ${firstLine(err.message)}` },
      bodyStart: end + 1,
    };
  }
  let value: unknown;
  try {
    // Turning the document into values can still fail: an alias bomb ("Excessive alias count"),
    // a key that is itself a collection. One bad file must never hide the others.
    value = doc.toJS();
  } catch (err) {
    return {
      data: null,
      present: true,
      error: { line: 2, message: `front matter cannot be read: ${firstLine((err as Error).message)}` },
      bodyStart: end + 1,
    };
  }
  if (value === null || value === undefined) return { data: {}, present: true, error: null, bodyStart: end + 1 };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { data: null, present: true, error: { line: 2, message: 'front matter is not a YAML mapping' }, bodyStart: end + 1 };
  }
  return { data: value as Record<string, unknown>, present: true, error: null, bodyStart: end + 1 };
}

/**
 * `parseDocument` with stack traces off: the parser reports problems as `YAMLError` objects, which
 * are data here and whose stacks nobody reads, while VS Code's extension host makes every Error
 * capture up to 100 frames (`Error.stackTraceLimit = 100`; the parser's generators make stacks
 * deep), a noticeable cost when many front matters are malformed. Synchronous, so nothing else runs
 * while the limit is lowered.
 */
function parseQuietly(source: string): ReturnType<typeof parseDocument> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseDocument(source, { prettyErrors: false, uniqueKeys: false });
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}
