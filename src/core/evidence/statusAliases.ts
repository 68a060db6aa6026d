import { isMap, isScalar, parseDocument } from 'yaml';
import { CanonicalStatus, StatusAliases, canonicalStatus, isCanonicalStatus, statusWords } from './status';
import { EvidenceItem, Problem } from './model';
import { readYamlMapping } from './yamlFile';

/** Where a team keeps its status words: beside the exposure rules, written only when the user picks "share with the team". */
export const TEAM_STATUS_FILE = '.career-evidence/statuses.yml';

/** The user's own file in the journal folder (`careerEvidence.journal.path`), read by the extension and the CLI. */
export const JOURNAL_SETTINGS_FILE = 'career-evidence.yml';

/** The key of the mapping in both files, and the name of the setting (`careerEvidence.statusAliases`). */
const KEY = 'statusAliases';

/**
 * Normalises a status word as an alias key: lower case, one or two words of letters (what
 * `canonicalStatus` looks up), or null when `word` is anything else.
 */
export function aliasKey(word: string): string | null {
  const key = word
    .trim()
    .replace(/[ \t]+/g, ' ')
    .toLowerCase()
    .replace('’', "'");
  return /^[a-z]+(?:'[a-z]+)?(?: [a-z]+)?$/.test(key) ? key : null;
}

/**
 * The word a "treat '<word>' as …" quick fix records for a status as written: the whole status
 * when it is one or two words (`"On hold"` → `on hold`), else its first word (`"Ratified by the
 * board"` → `ratified`); null when it does not start with a word.
 */
export function aliasWordFor(statusText: string): string | null {
  const words = statusWords(statusText);
  if (!words) return null;
  return aliasKey(statusText.replace(/[*_`]/g, '')) ?? words.first;
}

/**
 * Reads a mapping of status words to canonical statuses (`{ "ratified": "accepted" }`, from the
 * `careerEvidence.statusAliases` setting or a file's `statusAliases` key). `where` names the
 * source in problems. Never throws: a bad entry is left out with a problem, the others are kept.
 */
export function statusAliasesFrom(value: unknown, where: string): { aliases: Map<string, CanonicalStatus>; problems: Problem[] } {
  const aliases = new Map<string, CanonicalStatus>();
  const problems: Problem[] = [];
  const problem = (message: string) => problems.push({ path: where, line: null, message });
  if (value === undefined || value === null) return { aliases, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    problem(`\`${KEY}\` must be a mapping of words to statuses, e.g. \`ratified: accepted\``);
    return { aliases, problems };
  }
  for (const [word, status] of Object.entries(value as Record<string, unknown>)) {
    const key = aliasKey(word);
    const target = typeof status === 'string' ? status.trim().toLowerCase() : '';
    if (!key) problem(`status alias "${word}": one or two words of letters expected`);
    else if (!isCanonicalStatus(target)) problem(`status alias "${word}": "${String(status)}" is not a status (proposed, accepted, …)`);
    else aliases.set(key, target);
  }
  return { aliases, problems };
}

/**
 * Reads the `statusAliases` mapping of a YAML file (the team's {@link TEAM_STATUS_FILE} or the
 * journal's {@link JOURNAL_SETTINGS_FILE}); `file` names it in problems. Never throws: invalid
 * YAML gives no aliases and one problem.
 */
export function readStatusAliasFile(text: string, file: string): { aliases: Map<string, CanonicalStatus>; problems: Problem[] } {
  const { data, problems } = readYamlMapping(text, file);
  if (data === null) return { aliases: new Map(), problems };
  return statusAliasesFrom(data[KEY], file);
}

/** Alias maps merged, later ones winning (team, then journal, then settings: the user's own word last). */
export function mergeStatusAliases(...maps: readonly StatusAliases[]): StatusAliases {
  const out = new Map<string, CanonicalStatus>();
  for (const m of maps) for (const [k, v] of m) out.set(k, v);
  return out;
}

/**
 * The item with its status read through `aliases` when the reader did not know the word (a new
 * object; the item given, which caches share, is never changed), or the item itself.
 */
export function withStatusAliases(item: EvidenceItem, aliases: StatusAliases): EvidenceItem {
  if (item.status !== null || !item.statusText || aliases.size === 0) return item;
  const status = canonicalStatus(item.statusText, aliases);
  return status ? { ...item, status } : item;
}

/**
 * The text of a `statusAliases` YAML file with `word` recorded as `status`: comments and other
 * keys are kept; an empty text gives a new file.
 * @throws Error when the text is not valid YAML or its `statusAliases` is not a mapping (nothing should be written then).
 */
export function withStatusAliasInFile(text: string, word: string, status: CanonicalStatus): string {
  const key = aliasKey(word);
  if (!key) throw new Error(`"${word}" is not one or two words of letters`);
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  const empty = doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null);
  if (empty)
    doc.contents = null; // a file of comments only: setIn makes the mapping
  else if (!isMap(doc.contents)) throw new Error('expected a mapping');
  const current = doc.get(KEY);
  if (current !== undefined && current !== null && !isMap(current)) throw new Error(`\`${KEY}\` is not a mapping`);
  doc.setIn([KEY, key], status);
  return doc.toString();
}
