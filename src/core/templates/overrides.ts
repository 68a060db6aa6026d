import { frontMatterEnd, setFrontMatterScalar } from '../documents/lifecycle';
import { firstTitle } from '../documents/markdown';
import { DocumentFormat } from '../evidence/model';
import { TemplateValues } from './builtin';

/** Where a repository's own template came from (each tool's convention). */
export type TemplateSource = 'adr-tools' | 'madr' | 'log4brains' | 'career-evidence';

/** A template the repository provides, as read from disk. */
export interface RepoTemplate {
  source: TemplateSource;
  /** Repository-relative path, for messages. */
  path: string;
  text: string;
}

/** A filled template. */
export interface FilledTemplate {
  /** The document's text (snippet tab stops resolved to their default text). */
  text: string;
  /** The same with its tab stops, to insert as a snippet when the file opens; null when it has none. */
  snippet: string | null;
  /** Placeholders left visible because they are unknown. */
  warnings: string[];
}

/** Variables of our own templates (`.career-evidence/templates/<kind>.md`), written `{{name}}`. */
export const TEMPLATE_VARIABLES = ['title', 'date', 'number', 'author', 'selection', 'kind'] as const;

const TAB_STOP = /\$\{(\d+)(?::((?:[^{}\\]|\\.)*))?\}|\$(\d+)/g;

/** Resolves snippet tab stops to their default text: `${1:name}` → `name`, `$1` → ``. */
function withoutTabStops(text: string): string {
  return text.replace(TAB_STOP, (_m, _n, placeholder: string | undefined) => (placeholder ?? '').replace(/\\(.)/g, '$1'));
}

/** Escapes a value for VS Code snippet syntax. */
function snippetEscape(v: string): string {
  return v.replace(/[\\$}]/g, '\\$&');
}

/**
 * Fills a repository template:
 * - adr-tools `templates/template.md`: `NUMBER`, `TITLE`, `DATE`, `STATUS` (adr-tools' own placeholders);
 * - MADR `adr-template.md`: the `# {title}` heading and the front matter's `status` and `date`;
 * - log4brains `template.md`: the `# [title]` heading, `- Status:` and `- Date:`;
 * - ours: `{{title}}`, `{{date}}`, `{{number}}`, `{{author}}`, `{{selection}}`, `{{kind}}`; an unknown
 *   `{{name}}` stays visible and is reported. Snippet tab stops (`${1:…}`, `$1`) become a snippet.
 */
export function fillTemplate(
  t: RepoTemplate,
  v: TemplateValues & { selection?: string; kind?: string },
  status = 'proposed',
): FilledTemplate {
  const number = v.number === null ? '' : String(v.number);
  switch (t.source) {
    case 'adr-tools':
      return plain(
        t.text
          .replace(/\bNUMBER\b/g, number)
          .replace(/\bTITLE\b/g, v.title)
          .replace(/\bDATE\b/g, v.date)
          .replace(/\bSTATUS\b/g, capitalize(status)),
      );
    case 'madr': {
      const lines = t.text.split('\n');
      const end = frontMatterEnd(lines);
      if (end > 0) {
        setFrontMatterScalar(lines, end, 'status', status);
        setFrontMatterScalar(lines, frontMatterEnd(lines), 'date', v.date);
      }
      return plain(replaceTitle(lines, v.title));
    }
    case 'log4brains':
      return plain(
        replaceTitle(t.text.split('\n'), v.title)
          .replace(/^([-*]\s+Status:).*$/im, `$1 ${status}`)
          .replace(/^([-*]\s+Date:).*$/im, `$1 ${v.date}`),
      );
    case 'career-evidence': {
      const values: Record<string, string> = {
        title: v.title,
        date: v.date,
        number,
        author: v.author ?? '',
        selection: v.selection ?? '',
        kind: v.kind ?? '',
      };
      const warnings = new Set<string>();
      // Tab stops are resolved in the template before values go in: a `$5` in a title is text.
      const fill = (template: string, escape: (s: string) => string) =>
        template.replace(/\{\{\s*([A-Za-z][\w-]*)\s*\}\}/g, (m, name: string) => {
          if (name in values) return escape(values[name]);
          warnings.add(`unknown placeholder ${m} in ${t.path} left as is`);
          return m;
        });
      const hasTabStops = new RegExp(TAB_STOP.source).test(t.text);
      return {
        text: fill(withoutTabStops(t.text), (s) => s),
        snippet: hasTabStops ? fill(t.text, snippetEscape) : null,
        warnings: [...warnings],
      };
    }
  }
}

function plain(text: string): FilledTemplate {
  return { text, snippet: null, warnings: [] };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Replaces the first level-1 heading after any front matter and outside code fences. */
function replaceTitle(lines: string[], title: string): string {
  const h = firstTitle(lines, frontMatterEnd(lines) + 1);
  if (h) lines[h.line] = `# ${title}`;
  return lines.join('\n');
}

/** The template file names each convention looks for, relative to the document folder (or root for ours). */
export function templateCandidates(
  kind: string,
  convention: DocumentFormat | 'generic',
): { source: TemplateSource; path: string; base: 'root' | 'folder' }[] {
  const out: { source: TemplateSource; path: string; base: 'root' | 'folder' }[] = [
    { source: 'career-evidence', path: `.career-evidence/templates/${kind}.md`, base: 'root' },
  ];
  if (kind !== 'decision') return out;
  if (convention === 'adr-tools') out.push({ source: 'adr-tools', path: 'templates/template.md', base: 'folder' });
  else if (convention === 'log4brains') out.push({ source: 'log4brains', path: 'template.md', base: 'folder' });
  else out.push({ source: 'madr', path: 'adr-template.md', base: 'folder' });
  return out;
}
