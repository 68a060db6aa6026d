import { parseDocument } from 'yaml';
import { Problem } from './model';

/** Most YAML aliases a settings file may expand (a chain of aliases can expand without bound). */
const MAX_ALIASES = 50;

/**
 * Reads a YAML settings file whose top level is a mapping (the journal's `career-evidence.yml`, a
 * repository's `.career-evidence/statuses.yml`); `file` names it in problems. Never throws: invalid
 * YAML, an alias bomb or a top level that is not a mapping give `data: null` and one problem; an
 * empty file gives `{}`.
 */
export function readYamlMapping(text: string, file: string): { data: Record<string, unknown> | null; problems: Problem[] } {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    return {
      data: null,
      problems: [{ path: file, line: e.linePos?.[0].line ?? null, message: `not valid YAML: ${e.message.split('\n')[0]}` }],
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    return { data: null, problems: [{ path: file, line: null, message: `not readable: ${(err as Error).message}` }] };
  }
  if (data === null || data === undefined) return { data: {}, problems: [] };
  if (typeof data !== 'object' || Array.isArray(data))
    return { data: null, problems: [{ path: file, line: null, message: 'expected a mapping' }] };
  return { data: data as Record<string, unknown>, problems: [] };
}
