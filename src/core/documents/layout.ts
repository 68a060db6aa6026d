import { normalizePosix } from '../naming/posixPath';
import { parse as parseYaml } from 'yaml';
import { EVIDENCE_KINDS, KINDS } from '../evidence/kinds';
import { EvidenceKind, FolderConvention, Problem } from '../evidence/model';

/** A folder that holds evidence documents, relative to the scanned root (POSIX, no `./`, no `..`). */
export interface EvidenceFolder {
  path: string;
  kind: EvidenceKind;
  convention: FolderConvention;
  /** Why the folder is listed: the configuration file that names it, or `default`. */
  source: '.adr-dir' | '.log4brains.yml' | 'adr.config.json' | 'setting' | 'default';
  /** Set by the scan when the folder is a link leading out of the repository: listed (so nothing is written there by mistake), never read. */
  outside?: true;
}

/** The configuration files that decide where evidence lives, as read by the caller. */
export interface LayoutConfig {
  /**
   * adr-tools `.adr-dir` (searched upward from the root): `path` of the file relative to the root
   * (`.adr-dir`, `../.adr-dir`) and `folder`, the folder its first line names, made relative to the
   * root by the caller (POSIX), or `''` when the file is empty.
   */
  adrDir?: { path: string; folder: string };
  /** Text of `.log4brains.yml` at the root (log4brains: `project.adrFolder`, `project.packages[].adrFolder`). */
  log4brainsYml?: string;
  /** Text of `adr.config.json` at the root (`{ "path": "docs/adr/" }`, as adr-log and ADR Manager write it). */
  adrConfigJson?: string;
  /**
   * Folders chosen in settings, relative to the root: our `careerEvidence.documentFolders` (kind →
   * folder, remembered when the user picks one) and ADR Manager's `adrManager.adrDirectory` (decisions).
   */
  settings?: Partial<Record<EvidenceKind, string>>;
}

/** Decision folders tried when no configuration file names one (adr-tools default first). */
export const DEFAULT_DECISION_FOLDERS: readonly { path: string; convention: FolderConvention }[] = [
  { path: 'doc/adr', convention: 'adr-tools' },
  { path: 'docs/decisions', convention: 'generic' },
  { path: 'docs/adr', convention: 'generic' },
  { path: 'docs/architecture/decisions', convention: 'generic' },
];

/** Folders for the other kinds, most specific first (Rust-style `rfcs/text` before `rfcs`). */
export const DEFAULT_OTHER_FOLDERS: readonly { path: string; kind: EvidenceKind }[] = EVIDENCE_KINDS.flatMap((kind) =>
  KINDS[kind].scanFolders.map((path) => ({ path, kind })),
);

/** Where New Design Doc writes a kind when the repository has no folder for it yet. */
export const NEW_FOLDER_FOR_KIND = Object.fromEntries(EVIDENCE_KINDS.map((k) => [k, KINDS[k].newFolder])) as Readonly<
  Record<EvidenceKind, string>
>;

/**
 * Lists the candidate evidence folders of a root from its configuration files (existence is the
 * caller's to check). A decision folder named by `.adr-dir`, `.log4brains.yml`, `adr.config.json`
 * or settings replaces the default ones; a folder that points outside the root or is no name
 * (control characters) is refused with a problem, and then the defaults are searched. Never throws.
 */
export function candidateFolders(config: LayoutConfig): { folders: EvidenceFolder[]; problems: Problem[] } {
  const folders: EvidenceFolder[] = [];
  const problems: Problem[] = [];
  const add = (written: string, f: Omit<EvidenceFolder, 'path'>, configPath: string) => {
    if (/[\p{Cc}]/u.test(written)) {
      problems.push({ path: configPath, line: null, message: 'names no folder (control characters); not scanned' });
      return;
    }
    const path = normalizePosix(written);
    if (path === null || path === '..' || path.startsWith('../')) {
      problems.push({ path: configPath, line: null, message: `folder "${written}" is outside the workspace folder; not scanned` });
      return;
    }
    if (!folders.some((x) => x.path === path)) folders.push({ path, ...f });
  };

  for (const [kind, folder] of Object.entries(config.settings ?? {}) as [EvidenceKind, string][]) {
    if (folder?.trim()) add(folder.trim(), { kind, convention: 'generic', source: 'setting' }, 'settings');
  }
  if (config.adrDir) {
    if (!config.adrDir.folder) problems.push({ path: config.adrDir.path, line: 1, message: '.adr-dir is empty' });
    else add(config.adrDir.folder, { kind: 'decision', convention: 'adr-tools', source: '.adr-dir' }, config.adrDir.path);
  }
  if (config.log4brainsYml !== undefined) {
    for (const p of log4brainsFolders(config.log4brainsYml, problems)) {
      add(p, { kind: 'decision', convention: 'log4brains', source: '.log4brains.yml' }, '.log4brains.yml');
    }
  }
  if (config.adrConfigJson !== undefined) {
    const folder = adrConfigPath(config.adrConfigJson, problems);
    if (folder) add(folder, { kind: 'decision', convention: 'generic', source: 'adr.config.json' }, 'adr.config.json');
  }
  // A configuration file that names no usable folder is reported above, and the usual places are
  // still searched: its decisions are listed rather than lost.
  if (!folders.some((f) => f.kind === 'decision')) {
    for (const d of DEFAULT_DECISION_FOLDERS) add(d.path, { kind: 'decision', convention: d.convention, source: 'default' }, '');
  }
  for (const o of DEFAULT_OTHER_FOLDERS) add(o.path, { kind: o.kind, convention: 'generic', source: 'default' }, '');
  return { folders, problems };
}

function adrConfigPath(text: string, problems: Problem[]): string | null {
  try {
    const v = (JSON.parse(text) as { path?: unknown } | null)?.path;
    if (typeof v === 'string' && v.trim()) return v.trim();
    problems.push({ path: 'adr.config.json', line: null, message: 'no "path" string; not used' });
  } catch (err) {
    problems.push({ path: 'adr.config.json', line: null, message: `not valid JSON: ${(err as Error).message}` });
  }
  return null;
}

function log4brainsFolders(text: string, problems: Problem[]): string[] {
  let doc: unknown;
  try {
    doc = parseYaml(text, { logLevel: 'error' }); // problems are reported as ours, not as process warnings
  } catch (err) {
    problems.push({ path: '.log4brains.yml', line: null, message: `not valid YAML: ${(err as Error).message.split('\n')[0]}` });
    return [];
  }
  const project = (doc as { project?: { adrFolder?: unknown; packages?: unknown } } | null)?.project;
  const out: string[] = [];
  if (typeof project?.adrFolder === 'string') out.push(project.adrFolder);
  if (Array.isArray(project?.packages)) {
    for (const p of project.packages as { adrFolder?: unknown }[]) if (typeof p?.adrFolder === 'string') out.push(p.adrFolder);
  }
  if (out.length === 0)
    problems.push({ path: '.log4brains.yml', line: null, message: 'no project.adrFolder or project.packages[].adrFolder' });
  return out;
}

/**
 * File names in evidence folders that are not evidence: templates (`template.md`, `template-*.md`,
 * `adr-template.md`, `*-template.md`, `0000-TEMPLATE.md` with any number, any case), indexes
 * (`index.md`, `README.md`) and log4brains' `backlog.md`.
 */
export function isEvidenceFileName(name: string): boolean {
  const lower = name.toLowerCase();
  if (!lower.endsWith('.md') || isTemplateFileName(name)) return false;
  return !['index', 'readme', 'backlog'].includes(lower.slice(0, -3));
}

/**
 * True for a template's file name in an evidence folder (`template*.md`, `adr-template*.md`,
 * `*-template.md`, `0000-TEMPLATE.md` with any number, any case): not a document, but what New
 * Design Doc fills for that folder when the tool's own template is absent.
 */
export function isTemplateFileName(name: string): boolean {
  const lower = name.toLowerCase();
  if (!lower.endsWith('.md')) return false;
  const stem = lower.slice(0, -3);
  return stem.startsWith('template') || stem.startsWith('adr-template') || stem.endsWith('-template');
}
