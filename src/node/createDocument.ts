import { promises as fs } from 'fs';
import * as path from 'path';
import { EvidenceFolder, NEW_FOLDER_FOR_KIND, isTemplateFileName } from '../core/documents/layout';
import { normalizePosix } from '../core/naming/posixPath';
import { NewDocumentPlan, planNewDocument } from '../core/documents/newDocument';
import { cleanTitle } from '../core/naming/fileName';
import { EvidenceKind } from '../core/evidence/model';
import { UserError } from './errors';
import { createExclusive } from './fsAtomic';
import { RepoTemplate, TemplateSource, templateCandidates } from '../core/templates/overrides';
import { Repository, namesOnAllRefs } from './git/repository';
import { ScanOptions, scanEvidence } from './scanEvidence';
import { IndexedDocument } from '../core/index/snapshot';

const MAX_ATTEMPTS = 20;

/** Optional inputs of {@link createDocument}. */
export interface CreateOptions {
  /** Folders chosen in settings (see `LayoutConfig.settings`). */
  settings?: ScanOptions['settings'];
  /** The repository, to number past files on other branches; null in an untrusted workspace (no git). */
  repo?: Repository | null;
  /** Editor selection for our templates' `{{selection}}`. */
  selection?: string;
  /**
   * The folder's documents as already indexed (the extension's index): its evidence folders and
   * documents decide the folder and format, instead of a scan of its own. Numbers always come from
   * the folder on disk (and the other branches), so an index a moment behind cannot reuse one.
   */
  indexed?: { layout: readonly EvidenceFolder[]; documents: readonly IndexedDocument[] };
}

/** A document written by {@link createDocument}. */
export interface CreatedDocument extends NewDocumentPlan {
  /** Absolute path of the new file. */
  absolutePath: string;
  /** The repository's template it was made from (path relative to the root, POSIX), or undefined for the built-in one. */
  template?: string;
}

/**
 * Creates a new evidence document of `kind` under `root` in the repository's convention, with the
 * next free number. The file is created atomically and exclusively (see `createExclusive`): no
 * existing file is ever overwritten, and a name already taken makes us retry with the next number.
 * @param date local calendar date `YYYY-MM-DD`.
 * @throws UserError for an empty title, or when the folder cannot be created or written.
 */
export async function createDocument(
  root: string,
  kind: EvidenceKind,
  title: string,
  date: string,
  author: string | null,
  options: CreateOptions = {},
): Promise<CreatedDocument> {
  try {
    cleanTitle(title);
  } catch (err) {
    throw new UserError((err as Error).message);
  }
  const abs = path.resolve(root);
  const indexed = options.indexed ?? (await scanned(abs, options.settings));
  const folder: EvidenceFolder | null = indexed.layout.find((f) => f.kind === kind) ?? configuredFolder(kind, options.settings?.[kind]);
  const inFolder = indexed.documents.filter((d) => folder && d.item.path.startsWith(`${folder.path}/`));
  const existingFormat = mostCommon(inFolder.map((d) => d.item.format));
  const madrDocs = inFolder.filter((d) => d.item.format === 'madr');
  const style = {
    madrBullets: madrDocs.length > 0 && madrDocs.every((d) => d.details?.hasFrontMatter === false),
    folderPerDocument: inFolder.length > 0 && inFolder.every((d) => /\/\d+-[^/]+\/README\.md$/i.test(d.item.path)),
  };

  const folderPath = folder?.path ?? NEW_FOLDER_FOR_KIND[kind];
  const dir = path.join(abs, ...folderPath.split('/'));
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (err) {
    throw new UserError(`cannot create folder ${folderPath}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  // Nothing is written outside the repository: not through a folder that is a link leading out of it.
  const [realRoot, realDir] = await Promise.all([fs.realpath(abs), fs.realpath(dir)]);
  if (realDir !== realRoot && !realDir.startsWith(realRoot + path.sep))
    throw new UserError(`${folderPath} is a link to a folder outside the repository (${realDir}); nothing written`);
  // Numbers, not only names, must not collide: two windows creating "0003-a" and "0003-b" at once
  // would both succeed an exclusive create. A lock folder serialises list-plan-write across processes.
  const template = await findTemplate(
    abs,
    dir,
    kind,
    folder?.convention === 'generic' || !folder ? (existingFormat ?? 'generic') : folder.convention,
  );
  const otherNames = options.repo ? await namesOnAllRefs(options.repo, toPosix(path.relative(options.repo.root, dir))) : [];
  const release = await lockFolder(dir);
  try {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const existingNames = await fs.readdir(dir);
      const plan = planNewDocument({
        kind,
        title,
        folder,
        existingNames,
        otherNames,
        existingFormat,
        style,
        date,
        author,
        attempt,
        template,
        selection: options.selection,
      });
      const target = path.join(dir, ...plan.fileName.split('/'));
      if (style.folderPerDocument) {
        // `rfc/0007-title/README.md`: the document's own folder; a taken one means a taken number.
        if (
          !(await fs.mkdir(path.dirname(target)).then(
            () => true,
            () => false,
          ))
        )
          continue;
      }
      if (await createExclusive(target, plan.text)) return { ...plan, absolutePath: target, template: template?.path };
    }
  } finally {
    await release();
  }
  throw new UserError(`could not find a free file name after ${MAX_ATTEMPTS} attempts`);
}

/** The evidence folders and documents of `root`, from a scan of it. */
async function scanned(
  root: string,
  settings: ScanOptions['settings'],
): Promise<{ layout: readonly EvidenceFolder[]; documents: readonly IndexedDocument[] }> {
  const scan = await scanEvidence(root, { settings });
  return { layout: scan.folders, documents: scan.items.map((item) => ({ item, details: scan.details[item.path] })) };
}

/** A folder named in settings that does not exist yet; refused when it leaves the workspace folder. */
function configuredFolder(kind: EvidenceKind, configured: string | undefined): EvidenceFolder | null {
  if (!configured?.trim()) return null;
  const p = normalizePosix(configured.trim());
  if (p === null || p === '.' || p === '..' || p.startsWith('../'))
    throw new UserError(`the folder "${configured}" set for ${kind} documents is outside the workspace folder`);
  return { path: p, kind, convention: 'generic', source: 'setting' };
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * The repository's own template for `kind`, if any: ours (`.career-evidence/templates/<kind>.md`),
 * else the ADR tool's (adr-tools `templates/template.md`, MADR `adr-template.md`, log4brains
 * `template.md`), else, for decisions, the first template the folder holds by name
 * (`0000-TEMPLATE.md`, `decision-template.md`…: see `isTemplateFileName`), filled the folder's
 * convention's way. A template that is not a regular file, or over 1 MB, is not used.
 */
async function findTemplate(root: string, folderDir: string, kind: EvidenceKind, convention: string): Promise<RepoTemplate | undefined> {
  const read = async (abs: string, source: TemplateSource): Promise<RepoTemplate | undefined> => {
    const st = await fs.stat(abs).catch(() => null);
    if (!st?.isFile() || st.size > MAX_TEMPLATE_BYTES) return undefined;
    const text = await fs.readFile(abs, 'utf8').catch(() => undefined);
    return text === undefined ? undefined : { source, path: toPosix(path.relative(root, abs)), text };
  };
  for (const c of templateCandidates(kind, convention as never)) {
    const found = await read(path.join(c.base === 'root' ? root : folderDir, ...c.path.split('/')), c.source);
    if (found) return found;
  }
  if (kind !== 'decision') return undefined;
  const names = (await fs.readdir(folderDir).catch(() => [] as string[])).filter(isTemplateFileName).sort();
  const source: TemplateSource = convention === 'adr-tools' || convention === 'log4brains' ? convention : 'madr';
  for (const name of names) {
    const found = await read(path.join(folderDir, name), source);
    if (found) return found;
  }
  return undefined;
}

/** Templates larger than this are not used (bytes). */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

const LOCK_NAME = '.career-evidence.lock';
const LOCK_STALE_MS = 10_000;
const LOCK_WAIT_MS = 5_000;

/**
 * Takes `<dir>/.career-evidence.lock` (mkdir is atomic); a lock older than 10 s is stale (its
 * process died) and is taken over. Resolves with the release function.
 * @throws UserError when the lock cannot be had within 5 s.
 */
async function lockFolder(dir: string): Promise<() => Promise<void>> {
  const lock = path.join(dir, LOCK_NAME);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      await fs.mkdir(lock);
      return () => fs.rmdir(lock).catch(() => undefined);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new UserError(`cannot write in ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      const st = await fs.stat(lock).catch(() => null);
      if (st && Date.now() - st.mtimeMs > LOCK_STALE_MS) await fs.rmdir(lock).catch(() => undefined);
      else if (Date.now() > deadline)
        throw new UserError(`${dir} is busy: another window is creating a document (remove ${LOCK_NAME} if none is)`);
      else await new Promise((r) => setTimeout(r, 15 + Math.random() * 30));
    }
  }
}

function mostCommon<T>(values: readonly T[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}
