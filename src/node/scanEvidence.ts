import { promises as fs, lstatSync, realpathSync, statSync } from 'fs';
import * as path from 'path';
import { EvidenceFolder, LayoutConfig, candidateFolders, isEvidenceFileName } from '../core/documents/layout';
import { DocumentDetails, ReadResult } from '../core/evidence/model';
import { StatusAliases } from '../core/evidence/status';
import { JOURNAL_SETTINGS_FILE, TEAM_STATUS_FILE, mergeStatusAliases, withStatusAliases } from '../core/evidence/statusAliases';
import { FileReading, compareDocuments } from '../core/index/snapshot';
import { ScanReport } from '../core/report/text';
import { UserError } from './errors';
import { ParsedDocuments } from './parsedDocuments';
import { DocumentFile, MAX_DOCUMENT_BYTES, listedByName, readDocuments, readFileNow } from './readDocuments';
import { readTeamStatusAliases } from './statusVocabulary';

export { MAX_DOCUMENT_BYTES };

const MAX_DEPTH = 2;
const MAX_UPWARD = 32;

/** Folders chosen in settings (see `LayoutConfig.settings`). */
export interface ScanOptions {
  settings?: LayoutConfig['settings'];
  /** Folders to walk instead of those the layout files name (the journal's own layout). */
  folders?: EvidenceFolder[];
  /** Documents parsed in an earlier session: files unchanged since (size and time) are not read again. */
  parsed?: ParsedDocuments;
  /** Called with the evidence folders found, before their documents are read (to start work that needs only them). */
  onListed?: (folders: readonly EvidenceFolder[]) => void;
  /**
   * The user's own status words (settings, journal): merged over the repository's shared
   * `.career-evidence/statuses.yml`, which is read for a repository scan (not for given `folders`).
   */
  statusAliases?: StatusAliases;
}

/** The personal journal's layout: brag entries by year, STAR stories, engineering-log entries, growth cards. */
export const JOURNAL_FOLDERS: readonly EvidenceFolder[] = [
  { path: 'brag', kind: 'brag', convention: 'generic', source: 'default' },
  { path: 'stories', kind: 'star', convention: 'generic', source: 'default' },
  { path: 'engineering-log', kind: 'log', convention: 'generic', source: 'default' },
  { path: 'growth', kind: 'growth', convention: 'generic', source: 'default' },
];

/** Result of scanning a root: the report plus the folders that exist (for New Design Doc). */
export interface ScanResult extends ScanReport {
  folders: EvidenceFolder[];
  /** Details of each readable document, by its path (not part of the `scan --json` contract). */
  details: Record<string, DocumentDetails>;
  /** The status words the documents were read with (the team's, then the user's): for re-reading one file later. */
  statusAliases: StatusAliases;
}

/**
 * Finds and reads every evidence document under `root` (an absolute or relative directory path).
 * Only the folders named by `.adr-dir` (searched upward), `.log4brains.yml` or the default locations
 * are walked (to depth 2), so a large repository costs no more than its evidence folders.
 * Unreadable, binary or oversized files are still listed, with a problem each.
 * @throws UserError when `root` does not exist or is not a directory.
 */
export async function scanEvidence(root: string, options: ScanOptions = {}): Promise<ScanResult> {
  const abs = path.resolve(root);
  const stat = await fs.stat(abs).catch(() => null);
  if (!stat) throw new UserError(`not found: ${abs}`);
  if (!stat.isDirectory()) throw new UserError(`not a directory: ${abs}`);

  const config = options.folders ? {} : await readLayoutConfig(abs);
  const team = options.folders ? undefined : await readTeamStatusAliases(abs);
  const statusAliases = mergeStatusAliases(team?.aliases ?? new Map(), options.statusAliases ?? new Map());
  config.settings = options.settings;
  const { folders: candidates, problems } = options.folders ? { folders: options.folders, problems: [] } : candidateFolders(config);
  if (team) problems.push(...team.problems);
  const folders: EvidenceFolder[] = [];
  const files: DocumentFile[] = [];
  const seen = new Set<string>();
  // Links are not followed out of the scanned folder, and a folder or file reached through a link
  // from another path is listed once, under its real path.
  const realRoot = await fs.realpath(abs);
  const inside = (real: string) => real === realRoot || real.startsWith(realRoot + path.sep);
  const real = new Map<EvidenceFolder, string>();
  for (const folder of candidates) {
    const r = await fs.realpath(path.join(abs, ...folder.path.split('/'))).catch(() => null);
    if (r) real.set(folder, r);
  }
  const linkedElsewhere = new Map<string, ReadResult>();
  const listed: DocumentFile[] = []; // in listing order, links included
  const links: { rel: string; folder: EvidenceFolder }[] = [];
  for (const folder of candidates) {
    const dir = path.join(abs, ...folder.path.split('/'));
    const st = await fs.stat(dir).catch(() => null);
    // Given folders (the journal's) are kept even before they exist, so their first file is seen.
    if (!st?.isDirectory()) {
      if (options.folders) folders.push(folder);
      continue;
    }
    const realDir = real.get(folder)!;
    if (!inside(realDir)) {
      problems.push({ path: folder.path, line: null, message: 'a link to a folder outside the repository: its documents are not read' });
      folders.push({ ...folder, outside: true });
      continue;
    }
    const own = path.join(realRoot, ...folder.path.split('/'));
    if (realDir !== own && candidates.some((other) => other !== folder && real.get(other) === realDir)) continue; // listed under its real path
    folders.push(folder);
    for (const entry of await listMarkdown(dir, folder.path === '.' ? '' : folder.path, 0)) {
      if (seen.has(entry.rel)) continue;
      seen.add(entry.rel);
      listed.push({ rel: entry.rel, folder });
      if (entry.link) links.push({ rel: entry.rel, folder });
    }
  }
  const skipped = new Set<string>();
  for (const link of links) {
    const target = await fs.realpath(path.join(abs, ...link.rel.split('/'))).catch(() => null);
    if (target !== null && !inside(target)) {
      linkedElsewhere.set(link.rel, listedByName(link.rel, link.folder, 'a link to a file outside the repository: not read'));
      continue;
    }
    const targetRel = target && toPosix(path.relative(realRoot, target));
    // The document the link leads to is listed under its own path.
    if (targetRel && targetRel !== link.rel && seen.has(targetRel) && !links.some((l) => l.rel === targetRel)) skipped.add(link.rel);
  }
  for (const f of listed) if (!linkedElsewhere.has(f.rel) && !skipped.has(f.rel)) files.push(f);

  options.onListed?.(folders);
  // Templates (a `# Title` only inside an HTML comment) are not documents.
  const read = (await readDocuments(abs, files, options.parsed)).filter((r) => !r.template);
  const byRel = new Map(read.map((r) => [r.item.path, r]));
  const results = listed.flatMap((f) => {
    const r = byRel.get(f.rel) ?? linkedElsewhere.get(f.rel);
    return r ? [r] : [];
  });
  const items = results.map((r) => withStatusAliases(r.item, statusAliases)).sort(compareDocuments);
  const details: Record<string, DocumentDetails> = {};
  for (const r of results) {
    problems.push(...r.problems);
    if (r.details) details[r.item.path] = r.details;
  }
  return { root: abs, items, problems, folders, details, statusAliases };
}

async function readLayoutConfig(abs: string): Promise<LayoutConfig> {
  const config: LayoutConfig = {};
  let dir = abs;
  for (let up = 0; up < MAX_UPWARD; up++) {
    const text = await fs.readFile(path.join(dir, '.adr-dir'), 'utf8').catch(() => undefined);
    if (text !== undefined) {
      const named = text.split(/\r?\n/)[0].trim();
      config.adrDir = {
        path: toPosix(path.relative(abs, path.join(dir, '.adr-dir'))),
        folder: named ? toPosix(path.relative(abs, path.resolve(dir, named))) || '.' : '',
      };
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const l4b = await fs.readFile(path.join(abs, '.log4brains.yml'), 'utf8').catch(() => undefined);
  if (l4b !== undefined) config.log4brainsYml = l4b;
  const adrConfig = await fs.readFile(path.join(abs, 'adr.config.json'), 'utf8').catch(() => undefined);
  if (adrConfig !== undefined) config.adrConfigJson = adrConfig;
  return config;
}

/**
 * Evidence files under `dir` (`rel`: its POSIX path relative to the scanned root), sorted by name at
 * each level; a symbolic link is marked (`link`), for the caller to see where it leads.
 */
async function listMarkdown(dir: string, rel: string, depth: number): Promise<{ rel: string; link?: true }[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: { rel: string; link?: true }[] = [];
  // Plain code-unit order: localeCompare costs more than the rest of the listing (and numbered names sort alike).
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    const relName = rel ? `${rel}/${e.name}` : e.name;
    // Symbolic links are not followed into directories (no loops); linked files are read.
    if (e.isDirectory() && /^\d+-/.test(e.name) && (await isFile(path.join(full, 'README.md')))) {
      // A folder per document, as in `rfc/0001-title/README.md`.
      out.push({ rel: `${relName}/README.md` });
    } else if (e.isDirectory() && depth < MAX_DEPTH && e.name !== 'templates' && e.name !== 'node_modules') {
      out.push(...(await listMarkdown(full, relName, depth + 1)));
    } else if (!e.isDirectory() && isEvidenceFileName(e.name)) {
      // Files and links to them; anything else with such a name (a FIFO, a socket) is listed too,
      // and its read reports that it is not a regular file: never silently left out.
      out.push(e.isSymbolicLink() ? { rel: relName, link: true } : { rel: relName });
    }
  }
  return out;
}

function isFile(p: string): Promise<boolean> {
  return fs.stat(p).then(
    (s) => s.isFile(),
    () => false,
  );
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Files whose change moves the evidence folders themselves: a full rescan follows. */
const LAYOUT_FILES = new Set(['.adr-dir', '.log4brains.yml', 'adr.config.json']);
/** Files whose change rereads every status (the team's and the journal's status words): a full rescan follows. */
const VOCABULARY_FILES = new Set([TEAM_STATUS_FILE, JOURNAL_SETTINGS_FILE]);

/**
 * Reads one file that changed (created, changed or deleted; `rel` relative to `root`, POSIX) under
 * the evidence folders `layout` of a scan: its new reading, `gone` when it no longer exists as a
 * file, `ignored` for a file outside the evidence folders (or not evidence), `rescan` for a file
 * whose change moves the evidence folders (a layout file). Never throws: an unreadable file reads
 * as a document with a problem. `statusAliases`: the words the folder's scan was read with
 * ({@link ScanResult.statusAliases}).
 */
export function readChangedFile(
  root: string,
  layout: readonly EvidenceFolder[],
  rel: string,
  statusAliases: StatusAliases = new Map(),
): FileReading | 'ignored' | 'rescan' {
  const name = rel.split('/').pop() ?? rel;
  if (LAYOUT_FILES.has(name) || VOCABULARY_FILES.has(rel)) return 'rescan';
  const folder = layout.find((f) => rel.startsWith(`${f.path}/`));
  if (folder?.outside) return 'ignored';
  const depth = folder ? rel.slice(folder.path.length + 1).split('/').length - 1 : -1;
  const perDocumentFolder = /(^|\/)\d+-[^/]+\/README\.md$/i.test(rel);
  if (
    !folder ||
    depth > MAX_DEPTH + (perDocumentFolder ? 1 : 0) ||
    (!isEvidenceFileName(name) && !perDocumentFolder) ||
    rel.split('/').some((p) => p.startsWith('.'))
  ) {
    return 'ignored';
  }
  const full = path.join(root, ...rel.split('/'));
  let exists = false;
  try {
    exists = statSync(full).isFile();
  } catch {
    exists = false;
  }
  if (!exists) return { rel, result: 'gone' };
  if (leavesRoot(root, full)) return { rel, result: listedByName(rel, folder, 'a link to a file outside the repository: not read') };
  const result = readFileNow(root, rel, folder);
  if (result.template) return { rel, result: 'gone' };
  const item = withStatusAliases(result.item, statusAliases);
  return { rel, result: item === result.item ? result : { ...result, item } };
}

/** True when `full` (a path under `root`) is a symbolic link that leads outside `root`. */
function leavesRoot(root: string, full: string): boolean {
  try {
    if (!lstatSync(full).isSymbolicLink()) return false;
    const realRoot = realpathSync(root);
    const real = realpathSync(full);
    return real !== realRoot && !real.startsWith(realRoot + path.sep);
  } catch {
    return false;
  }
}
